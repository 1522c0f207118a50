// The form to create a proxy or edit one: name, listen address, upstream and whether it
// is enabled. Values are checked by ProxyFormValidator when the user accepts; an invalid
// field keeps the dialog open, shows the message and takes the focus.
#pragma once

#include "proxyformvalidator.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace chaoslab::ui {

class ProxyDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    // `takenNames` are the names of the other proxies. In Edit mode the name is fixed,
    // since Toxiproxy cannot rename a proxy.
    ProxyDialog(Mode mode, const ProxyFormValues& values, QStringList takenNames,
        QWidget* parent = nullptr);

    ProxyFormValues values() const;
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* listenEdit() const { return m_listen; }
    QLineEdit* upstreamEdit() const { return m_upstream; }
    QCheckBox* enabledBox() const { return m_enabled; }
    // The message shown for the last invalid field, or empty.
    QString errorText() const;

    void accept() override;

private:
    QLineEdit* editFor(ProxyFormError::Field field) const;

    ProxyFormValidator m_validator;
    QLineEdit* m_name;
    QLineEdit* m_listen;
    QLineEdit* m_upstream;
    QCheckBox* m_enabled;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace chaoslab::ui
