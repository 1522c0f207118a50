#include "proxyformvalidator.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace chaoslab::ui {

namespace {

// A DNS host name: labels of letters, digits and inner hyphens, separated by dots.
bool isHostName(const QString& host)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return pattern.match(host).hasMatch();
}

bool isValidHost(const QString& host)
{
    if (host.startsWith(u'[') && host.endsWith(u']'))
        return QHostAddress(host.mid(1, host.size() - 2)).protocol() == QHostAddress::IPv6Protocol;
    // An IPv6 address needs brackets, or its last colon would read as the port separator.
    if (host.contains(u':'))
        return false;
    return isHostName(host) || !QHostAddress(host).isNull();
}

} // namespace

ProxyFormValidator::ProxyFormValidator(QStringList takenNames) : m_takenNames(std::move(takenNames))
{ }

std::optional<ProxyFormError> ProxyFormValidator::validate(const ProxyFormValues& values) const
{
    using Field = ProxyFormError::Field;
    if (auto error = checkName(values.name))
        return ProxyFormError { Field::Name, *error };
    if (auto error = checkListen(values.listen))
        return ProxyFormError { Field::Listen, *error };
    if (auto error = checkUpstream(values.upstream))
        return ProxyFormError { Field::Upstream, *error };
    return std::nullopt;
}

std::optional<QString> ProxyFormValidator::checkName(const QString& name) const
{
    if (name.trimmed().isEmpty())
        return tr("Name is missing: give the proxy a name, for example \"mysql\".");

    // The name becomes a path segment of the API (/proxies/NAME), so it must not need
    // escaping.
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!allowed.match(name).hasMatch()) {
        return tr("Name \"%1\" is invalid: use only letters, digits, '.', '-' and '_'.").arg(name);
    }
    if (m_takenNames.contains(name))
        return tr("Name \"%1\" is already used by another proxy: choose another name.").arg(name);
    return std::nullopt;
}

std::optional<QString> ProxyFormValidator::checkListen(const QString& address)
{
    return checkAddress(address, tr("Listen address"), 0);
}

std::optional<QString> ProxyFormValidator::checkUpstream(const QString& address)
{
    return checkAddress(address, tr("Upstream"), 1);
}

std::optional<QString> ProxyFormValidator::checkAddress(
    const QString& address, const QString& field, int lowestPort)
{
    const QString example
        = lowestPort == 0 ? QStringLiteral("127.0.0.1:26379") : QStringLiteral("127.0.0.1:6379");
    if (address.trimmed().isEmpty())
        return tr("%1 is missing: write it as host:port, for example %2.").arg(field, example);
    if (address.contains(QStringLiteral("://"))) {
        return tr("%1 \"%2\" is invalid: write host:port without a scheme, for example %3.")
            .arg(field, address, example);
    }

    const qsizetype colon = address.lastIndexOf(u':');
    const QString host = colon < 0 ? QString() : address.left(colon);
    const QString portText = colon < 0 ? QString() : address.mid(colon + 1);
    if (colon < 0 || portText.isEmpty()) {
        return tr("%1 \"%2\" has no port: write it as host:port, for example %3.")
            .arg(field, address, example);
    }
    if (host.isEmpty() || !isValidHost(host)) {
        return tr("%1 \"%2\" has an invalid host: use a host name or an IP address "
                  "(IPv6 in brackets), for example %3.")
            .arg(field, address, example);
    }

    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    const int port = portText.toInt();
    if (!digits.match(portText).hasMatch() || port < lowestPort || port > 65535) {
        return tr("%1 \"%2\" has an invalid port \"%3\": use a number from %4 to 65535.")
            .arg(field, address, portText, QString::number(lowestPort));
    }
    return std::nullopt;
}

} // namespace chaoslab::ui
