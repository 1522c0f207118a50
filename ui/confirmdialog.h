// Asks the user to confirm a decision, such as an action that drops live connections,
// without blocking: the dialog is window-modal and `onAccepted` runs after the user
// accepts. Every confirmation in the console goes through here, so tests can accept or
// decline them in code with setAnswerer() instead of clicking a dialog.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace chaoslab::ui {

struct ConfirmRequest
{
    QString title;
    QString text;
    QString details;
    // Label of the button that accepts, naming the action ("Disable proxy").
    QString acceptLabel;
};

class ConfirmDialog
{
public:
    // Returns true to accept the request.
    using Answerer = std::function<bool(const ConfirmRequest& request)>;

    // Shows the question over `parent`. `onAccepted` runs in the event loop after the user
    // accepts, and never if they cancel or `context` is destroyed first.
    static void ask(QWidget* parent, const ConfirmRequest& request, QObject* context,
        std::function<void()> onAccepted);

    // Decides every later request with `answerer` instead of a dialog. An empty answerer
    // brings the dialogs back.
    static void setAnswerer(Answerer answerer);

private:
    static Answerer& answerer();
};

} // namespace chaoslab::ui
