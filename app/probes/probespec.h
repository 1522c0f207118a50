// A probe definition: the probe's kind, target, protocol fields and schedule. Specs
// are plain values; they are saved with the console settings and parsed from the URLs of
// `chaoslab probe`.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace chaoslab::probes {

enum class ProbeKind { Tcp, Http, Https, Redis, Mysql, Postgres, Amqp, Mongodb };

// "tcp", "http", "https", "redis", "mysql", "postgres", "amqp", "mongodb": the URL schemes.
QString kindName(ProbeKind kind);
std::optional<ProbeKind> kindFromName(const QString& name);
// The service's usual port: 80, 443, 6379, 3306, 5432, 5672, 27017; 0 for tcp.
quint16 defaultPort(ProbeKind kind);

struct ProbeSpec
{
    // Stable identity within the console's probe list, and the label shown on charts.
    QString id;
    QString label;
    ProbeKind kind = ProbeKind::Tcp;

    // Where to connect. When `proxy` is set, the console keeps host and port equal to that
    // proxy's listen address.
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString proxy;

    // http and https.
    QByteArray method = QByteArrayLiteral("GET");
    QString path = QStringLiteral("/");
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // 0 accepts any 2xx or 3xx status.
    int expectedStatus = 0;
    // https: accept any certificate, such as a lab's self-signed one. Off by default, so that
    // only a certificate the system trusts for `host` is accepted.
    bool insecure = false;

    // redis (password, optional user), mysql, postgres (user, password, database) and amqp
    // (user, password, database as the virtual host). Empty user: no login; the probe
    // stops at the server's greeting or authentication request.
    QString user;
    QString password;
    QString database;

    std::chrono::milliseconds interval { 500 };
    std::chrono::milliseconds timeout { 2000 };
    // Attempts allowed to run at the same time; a tick that finds all of them busy is
    // skipped rather than queued.
    int concurrency = 1;
    // Reuse one connection between attempts where the protocol allows it. Off by default:
    // each attempt then measures a whole connect.
    bool keepAlive = false;

    // Builds a spec from tcp://H:P, http(s)://[user:pass@]H[:P]/path (user and password
    // sent as Basic authentication), redis://[user:pass@]H[:P][/db],
    // mysql://user:pass@H[:P][/db], postgres://user[:pass]@H[:P][/db],
    // amqp://user:pass@H[:P][/vhost] or mongodb://H[:P]; postgresql:// means postgres://.
    // The path of a service URL becomes `database`. Returns nothing and sets `error` to a
    // message naming the bad part when the URL cannot be probed, for example a port out of
    // range, a tcp:// URL without a port, or amqps:// (TLS is only probed for https).
    static std::optional<ProbeSpec> fromUrl(const QUrl& url, QString* error);
    // The inverse of fromUrl for display; the password is left out.
    QUrl displayUrl() const;
};

bool operator==(const ProbeSpec& a, const ProbeSpec& b);

} // namespace chaoslab::probes
