// The probe list with Add, Edit and Remove: each opens the probe editor (ProbeDialog) and
// applies the result to the ProbeBoard, which starts, restarts or stops the runner.
#pragma once

#include <QDialog>
#include <QMap>

class QListView;
class QPushButton;

namespace chaoslab::ui {

class ProbeBoard;
class ProbeDialog;

class ProbesDialog : public QDialog
{
    Q_OBJECT

public:
    // `proxies` maps proxy names to listen addresses; it is read each time an editor opens.
    ProbesDialog(
        ProbeBoard* board, std::function<QMap<QString, QString>()> proxies, QWidget* parent);

    QListView* list() const { return m_list; }
    // Opens the editor for a new probe, or for the selected one. The editor is returned so
    // that tests can fill it in; it applies itself when accepted.
    ProbeDialog* addProbe();
    ProbeDialog* editSelected();
    void removeSelected();

private:
    QString selectedId() const;
    QStringList labelsExcept(const QString& id) const;
    void updateButtons();

    ProbeBoard* m_board;
    std::function<QMap<QString, QString>()> m_proxies;
    QListView* m_list;
    QPushButton* m_edit;
    QPushButton* m_remove;
};

} // namespace chaoslab::ui
