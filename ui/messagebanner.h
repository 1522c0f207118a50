// An inline banner at the top of the window for routine failures and recoveries, such as
// a lost connection to the server. It never takes focus from what the user is doing;
// the window keeps working beneath it.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace chaoslab::ui {

class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Error, Info };

    explicit MessageBanner(QWidget* parent = nullptr);

    // Shows `text`. A non-empty `actionLabel` adds a button that emits actionTriggered().
    void showMessage(Kind kind, const QString& text, const QString& actionLabel = {});
    QString text() const;

signals:
    void actionTriggered();

private:
    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_action;
    QPushButton* m_close;
};

} // namespace chaoslab::ui
