#include "probeformvalidator.h"

#include <QRegularExpression>

namespace chaoslab::ui {

using probes::ProbeKind;
using probes::ProbeSpec;
using Field = ProbeFormError::Field;

namespace {

// RFC 9110 token characters, the only ones allowed in a method or a header name.
bool isToken(const QString& text)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(text).hasMatch();
}

bool isHttp(ProbeKind kind)
{
    return kind == ProbeKind::Http || kind == ProbeKind::Https;
}

} // namespace

ProbeFormValidator::ProbeFormValidator(QStringList takenLabels)
    : m_takenLabels(std::move(takenLabels))
{ }

std::optional<ProbeFormError> ProbeFormValidator::validate(const ProbeSpec& spec) const
{
    const QString label = spec.label.trimmed();
    if (label.isEmpty())
        return ProbeFormError { Field::Label,
            tr("Name is empty: give the probe a short name, "
               "such as orders-api.") };
    if (m_takenLabels.contains(label, Qt::CaseInsensitive))
        return ProbeFormError { Field::Label,
            tr("Name %1 is already used by another probe: choose another name.").arg(label) };
    if (auto error = checkTarget(spec))
        return error;
    if (auto error = checkHttp(spec))
        return error;
    if (spec.kind == ProbeKind::Mysql && !spec.password.isEmpty() && spec.user.isEmpty())
        return ProbeFormError { Field::User,
            tr("User is empty but a password is set: enter the user the password belongs "
               "to.") };
    return checkSchedule(spec);
}

std::optional<ProbeFormError> ProbeFormValidator::checkTarget(const ProbeSpec& spec) const
{
    if (!spec.proxy.isEmpty())
        return std::nullopt;
    const QString host = spec.host.trimmed();
    if (host.isEmpty())
        return ProbeFormError { Field::Host,
            tr("Host is empty: enter an address such as 127.0.0.1, or choose a proxy as the "
               "target.") };
    if (host.contains(u' ') || host.contains(u'/') || host.contains(QStringLiteral("://")))
        return ProbeFormError { Field::Host,
            tr("Host %1 is not a host name or address: write it without scheme, port or "
               "path, such as 127.0.0.1.")
                .arg(host) };
    if (spec.port == 0)
        return ProbeFormError { Field::Port,
            tr("Port is 0: enter the port of the service, from 1 to 65535.") };
    return std::nullopt;
}

std::optional<ProbeFormError> ProbeFormValidator::checkHttp(const ProbeSpec& spec) const
{
    if (!isHttp(spec.kind))
        return std::nullopt;
    const QString method = QString::fromLatin1(spec.method);
    if (!isToken(method))
        return ProbeFormError { Field::Method,
            tr("Method \"%1\" is not an HTTP method: use GET, HEAD, POST or another token "
               "without spaces.")
                .arg(method) };
    if (!spec.path.startsWith(u'/') || spec.path.contains(u' '))
        return ProbeFormError { Field::Path,
            tr("Path \"%1\" must start with / and contain no spaces, such as /health.")
                .arg(spec.path) };
    for (const auto& [name, value] : spec.headers) {
        if (!isToken(QString::fromLatin1(name)))
            return ProbeFormError { Field::Headers,
                tr("Header name \"%1\" is invalid: write each header as Name: value.")
                    .arg(QString::fromLatin1(name)) };
    }
    if (spec.expectedStatus != 0 && (spec.expectedStatus < 100 || spec.expectedStatus > 599))
        return ProbeFormError { Field::ExpectedStatus,
            tr("Expected status %1 is out of range: use 100 to 599, or 0 for any 2xx or "
               "3xx.")
                .arg(spec.expectedStatus) };
    return std::nullopt;
}

std::optional<ProbeFormError> ProbeFormValidator::checkSchedule(const ProbeSpec& spec) const
{
    const auto interval = spec.interval.count();
    if (interval < MinIntervalMs || interval > MaxIntervalMs)
        return ProbeFormError { Field::Interval,
            tr("Interval %1 ms is out of range: use %2 to %3 ms.")
                .arg(interval)
                .arg(MinIntervalMs)
                .arg(MaxIntervalMs) };
    const auto timeout = spec.timeout.count();
    if (timeout < MinTimeoutMs || timeout > MaxTimeoutMs)
        return ProbeFormError { Field::Timeout,
            tr("Timeout %1 ms is out of range: use %2 to %3 ms.")
                .arg(timeout)
                .arg(MinTimeoutMs)
                .arg(MaxTimeoutMs) };
    if (spec.concurrency < 1 || spec.concurrency > MaxConcurrency)
        return ProbeFormError { Field::Concurrency,
            tr("Concurrency %1 is out of range: use 1 to %2 attempts at a time.")
                .arg(spec.concurrency)
                .arg(MaxConcurrency) };
    return std::nullopt;
}

std::optional<QList<QPair<QByteArray, QByteArray>>> ProbeFormValidator::parseHeaders(
    const QString& text, QString* error)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        const QString name = line.left(colon).trimmed();
        if (colon <= 0 || !isToken(name)) {
            *error = tr("Header line %1, \"%2\", is not a header: write it as Name: value.")
                         .arg(i + 1)
                         .arg(line);
            return std::nullopt;
        }
        headers.append({ name.toLatin1(), line.mid(colon + 1).trimmed().toUtf8() });
    }
    return headers;
}

QString ProbeFormValidator::formatHeaders(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QStringList lines;
    for (const auto& [name, value] : headers)
        lines.append(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    return lines.join(u'\n');
}

} // namespace chaoslab::ui
