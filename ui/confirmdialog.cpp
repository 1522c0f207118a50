#include "confirmdialog.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

namespace chaoslab::ui {

ConfirmDialog::Answerer& ConfirmDialog::answerer()
{
    static Answerer instance;
    return instance;
}

void ConfirmDialog::setAnswerer(Answerer answerer)
{
    ConfirmDialog::answerer() = std::move(answerer);
}

void ConfirmDialog::ask(QWidget* parent, const ConfirmRequest& request, QObject* context,
    std::function<void()> onAccepted)
{
    if (answerer()) {
        if (answerer()(request))
            QTimer::singleShot(0, context, std::move(onAccepted));
        return;
    }

    auto* box = new QMessageBox(
        QMessageBox::Warning, request.title, request.text, QMessageBox::Cancel, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(request.details);
    box->setWindowModality(Qt::WindowModal);
    auto* accept = box->addButton(request.acceptLabel, QMessageBox::AcceptRole);
    box->setDefaultButton(qobject_cast<QPushButton*>(box->button(QMessageBox::Cancel)));

    const QPointer<QObject> guard(context);
    QObject::connect(box, &QMessageBox::buttonClicked, context,
        [guard, accept, onAccepted = std::move(onAccepted)](QAbstractButton* clicked) {
            if (guard && clicked == accept)
                onAccepted();
        });
    box->open();
}

} // namespace chaoslab::ui
