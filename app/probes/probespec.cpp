#include "probespec.h"

#include <QRegularExpression>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::probes {

namespace {

struct KindEntry
{
    ProbeKind kind;
    QStringView name;
    quint16 port;
};

constexpr std::array<KindEntry, 8> Kinds { {
    { ProbeKind::Tcp, u"tcp", 0 },
    { ProbeKind::Http, u"http", 80 },
    { ProbeKind::Https, u"https", 443 },
    { ProbeKind::Redis, u"redis", 6379 },
    { ProbeKind::Mysql, u"mysql", 3306 },
    { ProbeKind::Postgres, u"postgres", 5432 },
    { ProbeKind::Amqp, u"amqp", 5672 },
    { ProbeKind::Mongodb, u"mongodb", 27017 },
} };

bool isHttp(ProbeKind kind)
{
    return kind == ProbeKind::Http || kind == ProbeKind::Https;
}

// Schemes people type for services the probes reach only without TLS.
std::optional<QString> unsupportedSchemeMessage(const QString& scheme)
{
    if (scheme == u"amqps" || scheme == u"rediss")
        return u"scheme %1 (TLS) is not supported: probe the service without TLS with %2://"_s.arg(
            scheme, scheme.chopped(1));
    if (scheme == u"mongodb+srv")
        return u"scheme mongodb+srv is not supported, because it needs DNS SRV records: "
               "use mongodb://HOST:PORT"_s;
    return std::nullopt;
}

std::optional<ProbeKind> kindOfScheme(const QString& scheme, QString* error)
{
    if (scheme == u"postgresql")
        return ProbeKind::Postgres;
    if (const auto kind = kindFromName(scheme))
        return kind;
    if (const auto message = unsupportedSchemeMessage(scheme))
        *error = *message;
    else if (scheme.isEmpty())
        *error = u"missing scheme: write the URL as SCHEME://HOST:PORT, for example "
                 "tcp://127.0.0.1:5432"_s;
    else
        *error = u"unknown scheme %1: use tcp, http, https, redis, mysql, postgres, amqp "
                 "or mongodb"_s.arg(scheme);
    return std::nullopt;
}

// QUrl rejects a port above 65535 as a whole invalid URL; this finds the port text in the
// source it quotes, so that the error names the port.
std::optional<QString> invalidPortMessage(const QUrl& url)
{
    static const QRegularExpression source(uR"re(source was "([^"]*)")re"_s);
    static const QRegularExpression port(
        uR"re(^[^:/]+://(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/?#]*):([^/?#]*))re"_s);
    const auto sourceMatch = source.match(url.errorString());
    if (!sourceMatch.hasMatch())
        return std::nullopt;
    const auto text = sourceMatch.captured(1);
    const auto portMatch = port.match(text);
    if (!portMatch.hasMatch())
        return std::nullopt;
    bool number = false;
    portMatch.captured(1).toULongLong(&number);
    if (number)
        return u"port %1 in %2 is out of range 1-65535"_s.arg(portMatch.captured(1), text);
    return u"port \"%1\" in %2 is not a number from 1 to 65535"_s.arg(portMatch.captured(1), text);
}

QString invalidUrlMessage(const QUrl& url)
{
    if (const auto message = invalidPortMessage(url))
        return *message;
    return u"invalid URL: %1"_s.arg(url.errorString());
}

std::optional<quint16> portOf(const QUrl& url, ProbeKind kind, QString* error)
{
    const int port = url.port();
    if (port == 0) {
        *error = u"port 0 in %1 is out of range 1-65535"_s.arg(url.toDisplayString());
        return std::nullopt;
    }
    if (port > 0)
        return quint16(port);
    if (kind == ProbeKind::Tcp) {
        *error = u"tcp:// needs a port, for example tcp://%1:5432"_s.arg(url.host());
        return std::nullopt;
    }
    return defaultPort(kind);
}

// The request target of an http(s) URL: its path and query, percent-encoded as sent.
QString requestTarget(const QUrl& url)
{
    QString target = url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = u"/"_s;
    if (url.hasQuery())
        target += u'?' + url.query(QUrl::FullyEncoded);
    return target;
}

// Reads the database (redis: the number, amqp: the virtual host) from a service URL's path.
bool readServicePath(const QUrl& url, ProbeSpec& spec, QString* error)
{
    if (url.hasQuery()) {
        *error = u"query \"?%1\" in %2 is not supported: %3 probes take no options in "
                 "the URL"_s.arg(
                     url.query(), url.toDisplayString(QUrl::RemovePassword), kindName(spec.kind));
        return false;
    }
    const auto path = url.path(QUrl::FullyDecoded);
    if (spec.kind == ProbeKind::Tcp) {
        if (path.isEmpty() || path == u"/")
            return true;
        *error = u"path \"%1\" in %2 is not supported: tcp:// URLs are HOST:PORT only"_s.arg(
            path, url.toDisplayString());
        return false;
    }
    spec.database = path.startsWith(u'/') ? path.mid(1) : path;
    return true;
}

} // namespace

QString kindName(ProbeKind kind)
{
    for (const auto& entry : Kinds) {
        if (entry.kind == kind)
            return entry.name.toString();
    }
    return {};
}

std::optional<ProbeKind> kindFromName(const QString& name)
{
    for (const auto& entry : Kinds) {
        if (entry.name == name)
            return entry.kind;
    }
    return std::nullopt;
}

quint16 defaultPort(ProbeKind kind)
{
    for (const auto& entry : Kinds) {
        if (entry.kind == kind)
            return entry.port;
    }
    return 0;
}

std::optional<ProbeSpec> ProbeSpec::fromUrl(const QUrl& url, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!url.isValid()) {
        *error = invalidUrlMessage(url);
        return std::nullopt;
    }
    const auto kind = kindOfScheme(url.scheme().toLower(), error);
    if (!kind)
        return std::nullopt;
    if (url.host().isEmpty()) {
        *error = u"missing host in %1: write it as %2://HOST:PORT"_s.arg(
            url.toDisplayString(QUrl::RemovePassword), kindName(*kind));
        return std::nullopt;
    }
    const auto port = portOf(url, *kind, error);
    if (!port)
        return std::nullopt;

    ProbeSpec spec;
    spec.kind = *kind;
    spec.host = url.host();
    spec.port = *port;
    spec.user = url.userName();
    spec.password = url.password();
    if (isHttp(*kind))
        spec.path = requestTarget(url);
    else if (!readServicePath(url, spec, error))
        return std::nullopt;
    spec.label = spec.displayUrl().toDisplayString();
    return spec;
}

QUrl ProbeSpec::displayUrl() const
{
    QUrl url;
    url.setScheme(kindName(kind));
    url.setHost(host);
    if (port != defaultPort(kind))
        url.setPort(port);
    if (!user.isEmpty() && kind != ProbeKind::Tcp)
        url.setUserName(user);
    if (isHttp(kind)) {
        const auto query = path.indexOf(u'?');
        url.setPath(query < 0 ? path : path.left(query), QUrl::TolerantMode);
        if (query >= 0)
            url.setQuery(path.mid(query + 1), QUrl::TolerantMode);
    } else if (!database.isEmpty()) {
        // A '/' in the database (the amqp virtual host "/") stays encoded as %2F.
        url.setPath(
            u'/' + QString::fromLatin1(QUrl::toPercentEncoding(database)), QUrl::StrictMode);
    }
    return url;
}

bool operator==(const ProbeSpec& a, const ProbeSpec& b)
{
    return a.id == b.id && a.label == b.label && a.kind == b.kind && a.host == b.host
        && a.port == b.port && a.proxy == b.proxy && a.method == b.method && a.path == b.path
        && a.headers == b.headers && a.body == b.body && a.expectedStatus == b.expectedStatus
        && a.user == b.user && a.password == b.password && a.database == b.database
        && a.interval == b.interval && a.timeout == b.timeout && a.concurrency == b.concurrency
        && a.keepAlive == b.keepAlive && a.insecure == b.insecure;
}

} // namespace chaoslab::probes
