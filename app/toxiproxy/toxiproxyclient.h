// Asynchronous client of the Toxiproxy HTTP API, for the real toxiproxy-server and for
// Chaos Lab's built-in engine alike.
//
// Every call returns at once with a request id and later invokes its callback from the
// event loop, never from inside a client method. The callback is bound to a context
// object. If the context is destroyed first, the request still runs but the callback is
// dropped. cancel() ends a request early and delivers a Cancelled result. Every request
// has a timeout (3 s unless changed). Destroying the client drops the callbacks of the
// requests still running.
//
//     client->createProxy(proxy, this, [this](const ApiResult& result, const Proxy& created) {
//         if (!result.ok())
//             return showError(result.message);
//         addRow(created);
//     });
#pragma once

#include "apirequest.h"
#include "apiresult.h"
#include "proxy.h"
#include "replyresult.h"
#include "toxic.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <unordered_map>

class QNetworkAccessManager;
class QNetworkReply;

namespace chaoslab::toxiproxy {

class ToxiproxyClient : public QObject
{
    Q_OBJECT

public:
    using RequestId = quint64;
    using Done = std::function<void(const ApiResult&)>;
    // Receives a default-constructed value when the result is an error.
    template <typename T> using Callback = std::function<void(const ApiResult&, const T&)>;

    static constexpr std::chrono::milliseconds DefaultTimeout { 3000 };

    // Returns http://127.0.0.1:8474, Toxiproxy's default API address.
    static QUrl defaultBaseUrl();
    // Returns "chaoslab/<version>". Toxiproxy rejects User-Agents starting with "Mozilla/",
    // Qt's default, with HTTP 403.
    static QByteArray userAgent();

    explicit ToxiproxyClient(QObject* parent = nullptr);
    explicit ToxiproxyClient(const QUrl& baseUrl, QObject* parent = nullptr);
    ~ToxiproxyClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    // Applies to requests sent from now on, so running requests keep their address.
    void setBaseUrl(const QUrl& baseUrl);
    std::chrono::milliseconds defaultTimeout() const { return m_defaultTimeout; }
    void setDefaultTimeout(std::chrono::milliseconds timeout);
    int pendingCount() const { return int(m_pending.size()); }

    // Sends any request. `context` must not be null.
    RequestId send(const ApiRequest& request, QObject* context, Done done);
    // Aborts a running request, and its callback receives a Cancelled result. Unknown or
    // finished ids are ignored.
    void cancel(RequestId id);
    void cancelAll();

    RequestId version(QObject* context, Callback<QString> done);
    RequestId listProxies(QObject* context, Callback<QList<Proxy>> done);
    RequestId getProxy(const QString& name, QObject* context, Callback<Proxy> done);
    RequestId createProxy(const Proxy& proxy, QObject* context, Callback<Proxy> done);
    RequestId updateProxy(
        const QString& name, const ProxyUpdate& update, QObject* context, Callback<Proxy> done);
    RequestId setProxyEnabled(
        const QString& name, bool enabled, QObject* context, Callback<Proxy> done);
    RequestId deleteProxy(const QString& name, QObject* context, Done done);
    RequestId populate(const QList<Proxy>& proxies, QObject* context, Callback<QList<Proxy>> done);
    RequestId listToxics(const QString& proxy, QObject* context, Callback<QList<Toxic>> done);
    RequestId getToxic(
        const QString& proxy, const QString& toxic, QObject* context, Callback<Toxic> done);
    RequestId createToxic(
        const QString& proxy, const Toxic& toxic, QObject* context, Callback<Toxic> done);
    RequestId updateToxic(const QString& proxy, const QString& toxic, const ToxicUpdate& update,
        QObject* context, Callback<Toxic> done);
    RequestId deleteToxic(const QString& proxy, const QString& toxic, QObject* context, Done done);
    RequestId reset(QObject* context, Done done);

signals:
    void baseUrlChanged(const QUrl& baseUrl);

private:
    struct Pending
    {
        RequestOrigin origin;
        QPointer<QNetworkReply> reply;
        QPointer<QObject> context;
        Done done;
        QElapsedTimer elapsed;
    };

    template <typename T, typename Parse>
    RequestId sendParsed(
        const ApiRequest& request, QObject* context, Callback<T> done, Parse parse);
    RequestOrigin originFor(const ApiRequest& request) const;
    QUrl urlFor(const QByteArray& path) const;
    void handleFinished(RequestId id);

    QNetworkAccessManager* m_network;
    QUrl m_baseUrl;
    std::chrono::milliseconds m_defaultTimeout = DefaultTimeout;
    RequestId m_lastId = 0;
    std::unordered_map<RequestId, Pending> m_pending;
};

} // namespace chaoslab::toxiproxy
