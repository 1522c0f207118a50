#include "probedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace chaoslab::ui {

using probes::ProbeKind;
using probes::ProbeSpec;
using Field = ProbeFormError::Field;

namespace {

constexpr ProbeKind Kinds[] = { ProbeKind::Http, ProbeKind::Https, ProbeKind::Tcp, ProbeKind::Redis,
    ProbeKind::Mysql, ProbeKind::Postgres, ProbeKind::Amqp, ProbeKind::Mongodb };

QSpinBox* makeSpinBox(int minimum, int maximum, const QString& suffix, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    return box;
}

} // namespace

ProbeDialog::ProbeDialog(const ProbeSpec& spec, const QMap<QString, QString>& proxies,
    QStringList takenLabels, QWidget* parent)
    : QDialog(parent)
    , m_validator(std::move(takenLabels))
    , m_id(spec.id)
    , m_proxies(proxies)
{
    setWindowTitle(spec.label.isEmpty() ? tr("New probe") : tr("Edit probe %1").arg(spec.label));
    m_label = new QLineEdit(this);
    m_label->setPlaceholderText(tr("orders-api"));
    m_label->setAccessibleName(tr("Probe name"));
    m_kind = new QComboBox(this);
    for (const ProbeKind kind : Kinds)
        m_kind->addItem(probes::kindName(kind), int(kind));
    m_kind->setAccessibleName(tr("Probe kind"));

    auto* top = new QFormLayout;
    top->addRow(tr("&Name:"), m_label);
    top->addRow(tr("&Kind:"), m_kind);

    m_error = new QLabel(this);
    m_error->setProperty("role", QStringLiteral("conflict"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)
        ->setText(spec.label.isEmpty() ? tr("&Add") : tr("&Apply"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buildTarget(proxies));
    layout->addWidget(buildHttp());
    layout->addWidget(buildCredentials());
    layout->addWidget(buildSchedule());
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);

    connect(buttons, &QDialogButtonBox::accepted, this, &ProbeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProbeDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProbeDialog::updateVisibleFields);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ProbeDialog::updateVisibleFields);
    setValues(spec);
}

QGroupBox* ProbeDialog::buildTarget(const QMap<QString, QString>& proxies)
{
    auto* group = new QGroupBox(tr("Target"), this);
    m_target = new QComboBox(group);
    m_target->addItem(tr("Host and port below"), QString());
    for (auto it = proxies.begin(); it != proxies.end(); ++it)
        m_target->addItem(tr("Proxy %1 (%2)").arg(it.key(), it.value()), it.key());
    m_target->setAccessibleName(tr("Target proxy"));
    m_target->setToolTip(tr("A probe through a proxy follows the proxy's listen address"));
    m_host = new QLineEdit(group);
    m_host->setAccessibleName(tr("Host"));
    m_port = makeSpinBox(0, 65535, {}, group);
    m_port->setSpecialValueText(tr("(none)"));
    m_port->setAccessibleName(tr("Port"));

    auto* form = new QFormLayout(group);
    form->addRow(tr("Thr&ough:"), m_target);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    return group;
}

QGroupBox* ProbeDialog::buildHttp()
{
    m_http = new QGroupBox(tr("HTTP request"), this);
    m_method = new QComboBox(m_http);
    m_method->setEditable(true);
    m_method->addItems({ QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"),
        QStringLiteral("PUT"), QStringLiteral("DELETE"), QStringLiteral("PATCH"),
        QStringLiteral("OPTIONS") });
    m_method->setAccessibleName(tr("HTTP method"));
    m_path = new QLineEdit(m_http);
    m_path->setAccessibleName(tr("Path"));
    m_headers = new QPlainTextEdit(m_http);
    m_headers->setPlaceholderText(tr("One per line, such as Accept: application/json"));
    m_headers->setAccessibleName(tr("Headers"));
    m_headers->setTabChangesFocus(true);
    m_body = new QPlainTextEdit(m_http);
    m_body->setAccessibleName(tr("Body"));
    m_body->setTabChangesFocus(true);
    for (auto* edit : { m_headers, m_body })
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    m_status = makeSpinBox(0, 599, {}, m_http);
    m_status->setSpecialValueText(tr("any 2xx or 3xx"));
    m_status->setAccessibleName(tr("Expected status"));
    m_insecure = new QCheckBox(tr("Accept any certificate (self-signed &lab servers)"), m_http);
    m_insecure->setToolTip(tr("https only; off, the server's certificate must be trusted"));

    auto* form = new QFormLayout(m_http);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("Pa&th:"), m_path);
    form->addRow(tr("H&eaders:"), m_headers);
    form->addRow(tr("&Body:"), m_body);
    form->addRow(tr("E&xpected status:"), m_status);
    form->addRow(QString(), m_insecure);
    return m_http;
}

QGroupBox* ProbeDialog::buildCredentials()
{
    m_credentials = new QGroupBox(tr("Credentials"), this);
    m_user = new QLineEdit(m_credentials);
    m_user->setPlaceholderText(tr("empty: stop at the server's greeting"));
    m_user->setAccessibleName(tr("User"));
    m_password = new QLineEdit(m_credentials);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_database = new QLineEdit(m_credentials);
    m_database->setAccessibleName(tr("Database"));
    m_databaseLabel = new QLabel(tr("&Database:"), m_credentials);
    m_databaseLabel->setBuddy(m_database);

    auto* form = new QFormLayout(m_credentials);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(m_databaseLabel, m_database);
    return m_credentials;
}

QGroupBox* ProbeDialog::buildSchedule()
{
    auto* group = new QGroupBox(tr("Schedule"), this);
    const QString ms = tr(" ms");
    m_interval = makeSpinBox(
        ProbeFormValidator::MinIntervalMs, ProbeFormValidator::MaxIntervalMs, ms, group);
    m_interval->setSingleStep(50);
    m_interval->setAccessibleName(tr("Interval"));
    m_timeout = makeSpinBox(
        ProbeFormValidator::MinTimeoutMs, ProbeFormValidator::MaxTimeoutMs, ms, group);
    m_timeout->setSingleStep(100);
    m_timeout->setAccessibleName(tr("Timeout"));
    m_concurrency = makeSpinBox(1, ProbeFormValidator::MaxConcurrency, {}, group);
    m_concurrency->setAccessibleName(tr("Concurrency"));
    m_concurrency->setToolTip(tr("Attempts that may run at the same time; a tick that finds "
                                 "them all busy is skipped"));
    m_keepAlive = new QCheckBox(tr("Reuse the connection (&keep-alive)"), group);
    m_keepAlive->setToolTip(tr("Off: every attempt measures a whole connect"));

    auto* form = new QFormLayout(group);
    form->addRow(tr("&Interval:"), m_interval);
    form->addRow(tr("Ti&meout:"), m_timeout);
    form->addRow(tr("&Concurrency:"), m_concurrency);
    form->addRow(QString(), m_keepAlive);
    return group;
}

void ProbeDialog::setValues(const ProbeSpec& spec)
{
    m_label->setText(spec.label);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(spec.kind))));
    if (!spec.proxy.isEmpty() && m_target->findData(spec.proxy) < 0)
        m_target->addItem(tr("Proxy %1 (not on the server now)").arg(spec.proxy), spec.proxy);
    m_target->setCurrentIndex(std::max(0, m_target->findData(spec.proxy)));
    m_host->setText(spec.host);
    m_port->setValue(spec.port);
    m_method->setCurrentText(QString::fromLatin1(spec.method));
    m_path->setText(spec.path);
    m_headers->setPlainText(ProbeFormValidator::formatHeaders(spec.headers));
    m_body->setPlainText(QString::fromUtf8(spec.body));
    m_status->setValue(spec.expectedStatus);
    m_insecure->setChecked(spec.insecure);
    m_user->setText(spec.user);
    m_password->setText(spec.password);
    m_database->setText(spec.database);
    m_interval->setValue(int(spec.interval.count()));
    m_timeout->setValue(int(spec.timeout.count()));
    m_concurrency->setValue(spec.concurrency);
    m_keepAlive->setChecked(spec.keepAlive);
    updateVisibleFields();
}

void ProbeDialog::updateVisibleFields()
{
    const auto kind = ProbeKind(m_kind->currentData().toInt());
    m_http->setVisible(kind == ProbeKind::Http || kind == ProbeKind::Https);
    const bool login = kind == ProbeKind::Redis || kind == ProbeKind::Mysql
        || kind == ProbeKind::Postgres || kind == ProbeKind::Amqp;
    m_credentials->setVisible(login);
    m_insecure->setVisible(kind == ProbeKind::Https);
    m_database->setVisible(kind != ProbeKind::Redis);
    m_databaseLabel->setVisible(kind != ProbeKind::Redis);
    m_databaseLabel->setText(kind == ProbeKind::Amqp ? tr("&Virtual host:") : tr("&Database:"));

    // Through a proxy, the host and port are the proxy's listen address.
    const QString proxy = m_target->currentData().toString();
    m_host->setEnabled(proxy.isEmpty());
    m_port->setEnabled(proxy.isEmpty());
    if (!proxy.isEmpty() && m_proxies.contains(proxy)) {
        const QString listen = m_proxies.value(proxy);
        const qsizetype colon = listen.lastIndexOf(u':');
        m_host->setText(listen.left(colon));
        m_port->setValue(listen.mid(colon + 1).toInt());
    }
    adjustSize();
}

ProbeSpec ProbeDialog::spec() const
{
    ProbeSpec spec;
    spec.id = m_id;
    spec.label = m_label->text().trimmed();
    spec.kind = ProbeKind(m_kind->currentData().toInt());
    spec.proxy = m_target->currentData().toString();
    spec.host = m_host->text().trimmed();
    spec.port = quint16(m_port->value());
    spec.method = m_method->currentText().trimmed().toLatin1();
    spec.path = m_path->text().trimmed();
    QString ignored;
    spec.headers = ProbeFormValidator::parseHeaders(m_headers->toPlainText(), &ignored)
                       .value_or(QList<QPair<QByteArray, QByteArray>>());
    spec.body = m_body->toPlainText().toUtf8();
    spec.expectedStatus = m_status->value();
    spec.insecure = m_insecure->isChecked();
    spec.user = m_user->text();
    spec.password = m_password->text();
    spec.database = m_database->text();
    spec.interval = std::chrono::milliseconds(m_interval->value());
    spec.timeout = std::chrono::milliseconds(m_timeout->value());
    spec.concurrency = m_concurrency->value();
    spec.keepAlive = m_keepAlive->isChecked();
    return spec;
}

QString ProbeDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QWidget* ProbeDialog::widgetFor(Field field) const
{
    switch (field) {
    case Field::Label:
        return m_label;
    case Field::Host:
        return m_host;
    case Field::Port:
        return m_port;
    case Field::Method:
        return m_method;
    case Field::Path:
        return m_path;
    case Field::Headers:
        return m_headers;
    case Field::ExpectedStatus:
        return m_status;
    case Field::User:
        return m_user;
    case Field::Interval:
        return m_interval;
    case Field::Timeout:
        return m_timeout;
    case Field::Concurrency:
        return m_concurrency;
    }
    return m_label;
}

void ProbeDialog::showError(const ProbeFormError& error)
{
    m_error->setText(error.message);
    m_error->show();
    widgetFor(error.field)->setFocus(Qt::OtherFocusReason);
}

void ProbeDialog::accept()
{
    const auto kind = ProbeKind(m_kind->currentData().toInt());
    QString headerError;
    const bool http = kind == ProbeKind::Http || kind == ProbeKind::Https;
    if (http && !ProbeFormValidator::parseHeaders(m_headers->toPlainText(), &headerError)) {
        showError({ Field::Headers, headerError });
        return;
    }
    if (const auto error = m_validator.validate(spec())) {
        showError(*error);
        return;
    }
    QDialog::accept();
}

} // namespace chaoslab::ui
