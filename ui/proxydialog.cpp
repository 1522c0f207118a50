#include "proxydialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chaoslab::ui {

ProxyDialog::ProxyDialog(
    Mode mode, const ProxyFormValues& values, QStringList takenNames, QWidget* parent)
    : QDialog(parent)
    , m_validator(std::move(takenNames))
    , m_name(new QLineEdit(values.name, this))
    , m_listen(new QLineEdit(values.listen, this))
    , m_upstream(new QLineEdit(values.upstream, this))
    , m_enabled(new QCheckBox(tr("&Enabled"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(mode == Mode::Create ? tr("New proxy") : tr("Edit proxy %1").arg(values.name));
    m_enabled->setChecked(values.enabled);
    m_name->setReadOnly(mode == Mode::Edit);
    m_name->setPlaceholderText(tr("mysql"));
    m_listen->setPlaceholderText(tr("127.0.0.1:23306 (port 0 picks a free port)"));
    m_upstream->setPlaceholderText(tr("127.0.0.1:3306"));
    m_name->setAccessibleName(tr("Proxy name"));
    m_listen->setAccessibleName(tr("Listen address"));
    m_listen->setAccessibleDescription(tr("host:port the proxy accepts clients on"));
    m_upstream->setAccessibleName(tr("Upstream address"));
    m_upstream->setAccessibleDescription(tr("host:port of the server the proxy forwards to"));
    m_enabled->setToolTip(tr("A disabled proxy refuses connections"));

    m_error->setProperty("role", QStringLiteral("conflict"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Create ? tr("&Create") : tr("&Apply"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Listen:"), m_listen);
    form->addRow(tr("&Upstream:"), m_upstream);
    form->addRow(QString(), m_enabled);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProxyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProxyDialog::reject);
}

ProxyFormValues ProxyDialog::values() const
{
    return { m_name->text().trimmed(), m_listen->text().trimmed(), m_upstream->text().trimmed(),
        m_enabled->isChecked() };
}

QString ProxyDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QLineEdit* ProxyDialog::editFor(ProxyFormError::Field field) const
{
    switch (field) {
    case ProxyFormError::Field::Name:
        return m_name;
    case ProxyFormError::Field::Listen:
        return m_listen;
    case ProxyFormError::Field::Upstream:
        return m_upstream;
    }
    return m_name;
}

void ProxyDialog::accept()
{
    const auto error = m_validator.validate(values());
    if (!error) {
        QDialog::accept();
        return;
    }
    m_error->setText(error->message);
    m_error->show();
    auto* edit = editFor(error->field);
    edit->setFocus();
    edit->selectAll();
}

} // namespace chaoslab::ui
