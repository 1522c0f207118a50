#include "addressmap.h"

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::chaostoolkit {

namespace {

bool isUrlPrefix(const QString& text)
{
    return text.startsWith(u"http://"_s, Qt::CaseInsensitive)
        || text.startsWith(u"https://"_s, Qt::CaseInsensitive);
}

QString withoutTrailingSlash(QString text)
{
    while (text.endsWith(u'/'))
        text.chop(1);
    return text;
}

bool samePrefixBoundary(const QString& url, qsizetype length)
{
    if (url.size() == length)
        return true;
    const QChar next = url.at(length);
    return next == u'/' || next == u'?' || next == u'#';
}

std::string formHelp()
{
    return "; use NAME=ADDRESS, NAME:PORT=ADDRESS:PORT or https://NAME=http://ADDRESS:PORT";
}

} // namespace

std::optional<HostPort> AddressMap::splitHostPort(const QString& text)
{
    const auto colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    return HostPort { host, port };
}

QString AddressMap::joinHostPort(const HostPort& address)
{
    const QString host = address.host.contains(u':') ? u'[' + address.host + u']' : address.host;
    return host + u':' + QString::number(address.port);
}

std::optional<std::string> AddressMap::add(const QString& text)
{
    const auto equals = text.indexOf(u'=');
    if (equals <= 0 || equals == text.size() - 1)
        return "invalid --map \"" + text.toStdString() + "\"" + formHelp();
    const QString from = text.left(equals).trimmed();
    const QString to = text.mid(equals + 1).trimmed();
    // A second "=" comes from two entries run together, or a doubled "==".
    if (to.contains(u'=') || to.contains(u' ') || from.contains(u' '))
        return "invalid --map \"" + text.toStdString() + "\": one FROM=TO per entry, without spaces"
            + formHelp();
    if (isUrlPrefix(from)) {
        if (!isUrlPrefix(to))
            return "invalid --map \"" + text.toStdString()
                + "\": a URL prefix must map to another http:// or https:// prefix";
        m_prefixes.push_back({ withoutTrailingSlash(from), withoutTrailingSlash(to) });
        return std::nullopt;
    }
    if (from.contains(u':')) {
        const auto source = splitHostPort(from);
        const auto target = splitHostPort(to);
        if (!source || !target)
            return "invalid --map \"" + text.toStdString()
                + "\": NAME:PORT must map to ADDRESS:PORT" + formHelp();
        m_hostPorts.push_back({ *source, *target });
        return std::nullopt;
    }
    if (to.contains(u':') || to.contains(u'/'))
        return "invalid --map \"" + text.toStdString()
            + "\": NAME=ADDRESS maps a host to a host without a port" + formHelp();
    m_hosts.push_back({ from, to });
    return std::nullopt;
}

HostPort AddressMap::mapHostPort(const HostPort& address) const
{
    for (const auto& entry : m_hostPorts) {
        if (entry.from.port == address.port
            && entry.from.host.compare(address.host, Qt::CaseInsensitive) == 0)
            return entry.to;
    }
    for (const auto& entry : m_hosts) {
        if (entry.from.compare(address.host, Qt::CaseInsensitive) == 0)
            return { entry.to, address.port };
    }
    return address;
}

bool AddressMap::hasEntryFor(const HostPort& address) const
{
    const auto mapped = mapHostPort(address);
    return mapped.host != address.host || mapped.port != address.port;
}

QUrl AddressMap::mapUrl(const QUrl& url) const
{
    const QString text = url.toString(QUrl::FullyEncoded);
    for (const auto& prefix : m_prefixes) {
        if (text.startsWith(prefix.from, Qt::CaseInsensitive)
            && samePrefixBoundary(text, prefix.from.size()))
            return QUrl(prefix.to + text.mid(prefix.from.size()), QUrl::StrictMode);
    }
    const int defaultPort = url.scheme() == u"https"_s ? 443 : 80;
    const HostPort address { url.host(), url.port(defaultPort) };
    if (!hasEntryFor(address))
        return url;
    const auto mapped = mapHostPort(address);
    QUrl result = url;
    result.setHost(mapped.host);
    result.setPort(mapped.port);
    return result;
}

} // namespace chaoslab::chaostoolkit
