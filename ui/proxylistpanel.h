// The proxy list for the left-hand dock: every proxy of the server with its state, and a
// context menu with the proxy actions. Its selection is the console's shared proxy
// selection.
#pragma once

#include <QWidget>

class QItemSelectionModel;
class QListView;

namespace chaoslab::ui {

class ProxyActions;
class ProxyItemDelegate;
class ProxyListModel;

class ProxyListPanel : public QWidget
{
    Q_OBJECT

public:
    ProxyListPanel(ProxyListModel* model, QItemSelectionModel* selection, ProxyActions* actions,
        QWidget* parent = nullptr);

    QListView* list() const { return m_list; }
    ProxyItemDelegate* delegate() const { return m_delegate; }

private:
    QListView* m_list;
    ProxyItemDelegate* m_delegate;
};

} // namespace chaoslab::ui
