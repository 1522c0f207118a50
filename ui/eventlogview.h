// The event log dock's content: the log as a table that keeps the newest entry in view
// while the user has not scrolled away from the bottom.
#pragma once

#include <QWidget>

class QTableView;

namespace chaoslab::ui {

class EventLogModel;

class EventLogView : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogView(EventLogModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateSizes();
    void scrollToNewest();

    EventLogModel* m_model;
    QTableView* m_table;
    bool m_followNewest = true;
};

} // namespace chaoslab::ui
