#include "toxiproxyclient.h"

#include "responseparser.h"
#include "toxiproxylog.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <nlohmann/json.hpp>

namespace chaoslab::toxiproxy {

QUrl ToxiproxyClient::defaultBaseUrl()
{
    return QUrl(QStringLiteral("http://127.0.0.1:8474"));
}

QByteArray ToxiproxyClient::userAgent()
{
    return QByteArrayLiteral("chaoslab/" CHAOSLAB_VERSION);
}

ToxiproxyClient::ToxiproxyClient(QObject* parent) : ToxiproxyClient(defaultBaseUrl(), parent) { }

ToxiproxyClient::ToxiproxyClient(const QUrl& baseUrl, QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_baseUrl(baseUrl)
{ }

// The network manager deletes the replies after this destructor has run, so they are
// disconnected here and cannot reach handleFinished() once the pending table is gone.
ToxiproxyClient::~ToxiproxyClient()
{
    for (auto& [id, pending] : m_pending) {
        if (pending.reply)
            disconnect(pending.reply, nullptr, this, nullptr);
    }
}

void ToxiproxyClient::setBaseUrl(const QUrl& baseUrl)
{
    if (baseUrl == m_baseUrl)
        return;
    m_baseUrl = baseUrl;
    emit baseUrlChanged(m_baseUrl);
}

void ToxiproxyClient::setDefaultTimeout(std::chrono::milliseconds timeout)
{
    m_defaultTimeout = timeout;
}

QUrl ToxiproxyClient::urlFor(const QByteArray& path) const
{
    QUrl url = m_baseUrl;
    auto basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + QString::fromLatin1(path), QUrl::StrictMode);
    return url;
}

RequestOrigin ToxiproxyClient::originFor(const ApiRequest& request) const
{
    const auto timeout = request.timeout.count() > 0 ? request.timeout : m_defaultTimeout;
    return { request, m_baseUrl.toString(), timeout };
}

ToxiproxyClient::RequestId ToxiproxyClient::send(
    const ApiRequest& request, QObject* context, Done done)
{
    Q_ASSERT(context);
    auto origin = originFor(request);
    QNetworkRequest networkRequest(urlFor(request.path));
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    networkRequest.setTransferTimeout(int(origin.timeout.count()));
    // The Toxiproxy API has no redirects, and following one could send a change to another
    // server.
    networkRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!request.body.isEmpty())
        networkRequest.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));

    const auto id = ++m_lastId;
    auto* reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    Pending pending { std::move(origin), reply, context, std::move(done), {} };
    pending.elapsed.start();
    m_pending.emplace(id, std::move(pending));
    connect(reply, &QNetworkReply::finished, this, [this, id] { handleFinished(id); });
    qCDebug(lcToxiproxy).noquote() << "request" << id << request.method << reply->url().toString();
    return id;
}

void ToxiproxyClient::handleFinished(RequestId id)
{
    auto node = m_pending.extract(id);
    if (node.empty())
        return;
    auto& pending = node.mapped();
    pending.reply->deleteLater();
    const auto result = resultFromReply(*pending.reply, pending.origin);
    qCDebug(lcToxiproxy).noquote()
        << "request" << id << "finished: status" << result.httpStatus << errorKindName(result.error)
        << pending.elapsed.elapsed() << "ms";
    if (!pending.context) {
        qCDebug(lcToxiproxy) << "request" << id << "result dropped: its context was destroyed";
        return;
    }
    pending.done(result);
}

void ToxiproxyClient::cancel(RequestId id)
{
    auto node = m_pending.extract(id);
    if (node.empty())
        return;
    auto& pending = node.mapped();
    if (pending.reply) {
        disconnect(pending.reply, nullptr, this, nullptr);
        pending.reply->abort();
        pending.reply->deleteLater();
    }
    qCDebug(lcToxiproxy) << "request" << id << "cancelled";
    const auto result = cancelledResult(pending.origin);
    // Delivered from the event loop, so that cancel() never calls back into its caller.
    QMetaObject::invokeMethod(
        this,
        [context = pending.context, done = std::move(pending.done), result] {
            if (context)
                done(result);
        },
        Qt::QueuedConnection);
}

void ToxiproxyClient::cancelAll()
{
    std::vector<RequestId> ids;
    for (const auto& [id, pending] : m_pending)
        ids.push_back(id);
    for (const auto id : ids)
        cancel(id);
}

// Parses the body of a successful result with `parse`. A body that cannot be parsed turns
// the result into an invalid-response error.
template <typename T, typename Parse>
ToxiproxyClient::RequestId ToxiproxyClient::sendParsed(
    const ApiRequest& request, QObject* context, Callback<T> done, Parse parse)
{
    const auto origin = originFor(request);
    return send(request, context, [origin, done = std::move(done), parse](const ApiResult& result) {
        if (!result.ok()) {
            done(result, T {});
            return;
        }
        try {
            const T value = parse(result.payload);
            done(result, value);
        } catch (const ResponseShapeError& error) {
            done(invalidResponseResult(result, origin, QString::fromStdString(error.what())), T {});
        } catch (const nlohmann::json::exception& error) {
            done(invalidResponseResult(result, origin, QString::fromStdString(error.what())), T {});
        }
    });
}

ToxiproxyClient::RequestId ToxiproxyClient::version(QObject* context, Callback<QString> done)
{
    return sendParsed(requests::version(), context, std::move(done), parseVersion);
}

ToxiproxyClient::RequestId ToxiproxyClient::listProxies(
    QObject* context, Callback<QList<Proxy>> done)
{
    return sendParsed(requests::listProxies(), context, std::move(done), parseProxyMap);
}

ToxiproxyClient::RequestId ToxiproxyClient::getProxy(
    const QString& name, QObject* context, Callback<Proxy> done)
{
    return sendParsed(requests::getProxy(name), context, std::move(done), parseProxy);
}

ToxiproxyClient::RequestId ToxiproxyClient::createProxy(
    const Proxy& proxy, QObject* context, Callback<Proxy> done)
{
    return sendParsed(requests::createProxy(proxy), context, std::move(done), parseProxy);
}

ToxiproxyClient::RequestId ToxiproxyClient::updateProxy(
    const QString& name, const ProxyUpdate& update, QObject* context, Callback<Proxy> done)
{
    return sendParsed(requests::updateProxy(name, update), context, std::move(done), parseProxy);
}

ToxiproxyClient::RequestId ToxiproxyClient::setProxyEnabled(
    const QString& name, bool enabled, QObject* context, Callback<Proxy> done)
{
    ProxyUpdate update;
    update.enabled = enabled;
    return updateProxy(name, update, context, std::move(done));
}

ToxiproxyClient::RequestId ToxiproxyClient::deleteProxy(
    const QString& name, QObject* context, Done done)
{
    return send(requests::deleteProxy(name), context, std::move(done));
}

ToxiproxyClient::RequestId ToxiproxyClient::populate(
    const QList<Proxy>& proxies, QObject* context, Callback<QList<Proxy>> done)
{
    return sendParsed(requests::populate(proxies), context, std::move(done), parsePopulateResult);
}

ToxiproxyClient::RequestId ToxiproxyClient::listToxics(
    const QString& proxy, QObject* context, Callback<QList<Toxic>> done)
{
    return sendParsed(requests::listToxics(proxy), context, std::move(done), parseToxicList);
}

ToxiproxyClient::RequestId ToxiproxyClient::getToxic(
    const QString& proxy, const QString& toxic, QObject* context, Callback<Toxic> done)
{
    return sendParsed(requests::getToxic(proxy, toxic), context, std::move(done), parseToxic);
}

ToxiproxyClient::RequestId ToxiproxyClient::createToxic(
    const QString& proxy, const Toxic& toxic, QObject* context, Callback<Toxic> done)
{
    return sendParsed(requests::createToxic(proxy, toxic), context, std::move(done), parseToxic);
}

ToxiproxyClient::RequestId ToxiproxyClient::updateToxic(const QString& proxy, const QString& toxic,
    const ToxicUpdate& update, QObject* context, Callback<Toxic> done)
{
    return sendParsed(
        requests::updateToxic(proxy, toxic, update), context, std::move(done), parseToxic);
}

ToxiproxyClient::RequestId ToxiproxyClient::deleteToxic(
    const QString& proxy, const QString& toxic, QObject* context, Done done)
{
    return send(requests::deleteToxic(proxy, toxic), context, std::move(done));
}

ToxiproxyClient::RequestId ToxiproxyClient::reset(QObject* context, Done done)
{
    return send(requests::reset(), context, std::move(done));
}

} // namespace chaoslab::toxiproxy
