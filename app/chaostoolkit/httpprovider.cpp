#include "httpprovider.h"

#include "toxiproxy/toxiproxyclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <cmath>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace chaoslab::chaostoolkit {

namespace {

// chaostoolkit's requests call has no timeout when the provider sets none. A run here must not
// hang forever, so it waits at most this long for the next bytes.
constexpr int defaultTimeoutMs = 60000;

QString textOf(const Json& value)
{
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
}

// The provider's "timeout": seconds, or [connect, read] like requests. Qt's transfer timeout
// restarts on every byte, like requests' read timeout.
int timeoutMs(const Json& provider)
{
    const Json timeout = provider.value("timeout", Json());
    double seconds = 0;
    if (timeout.is_number())
        seconds = timeout.get<double>();
    else if (timeout.is_array() && timeout.size() == 2 && timeout[1].is_number())
        seconds = std::max(timeout[0].get<double>(), timeout[1].get<double>());
    return seconds > 0 ? int(std::ceil(seconds * 1000)) : defaultTimeoutMs;
}

QUrlQuery queryOf(const Json& arguments)
{
    QUrlQuery query;
    if (!arguments.is_object())
        return query;
    for (const auto& [key, value] : arguments.items()) {
        if (value.is_array()) {
            for (const auto& item : value)
                query.addQueryItem(QString::fromStdString(key), textOf(item));
        } else if (!value.is_null()) {
            query.addQueryItem(QString::fromStdString(key), textOf(value));
        }
    }
    return query;
}

Json headersOf(const QNetworkReply* reply)
{
    Json headers = Json::object();
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        const auto key = name.toStdString();
        if (headers.contains(key))
            headers[key] = headers[key].get<std::string>() + ", " + value.toStdString();
        else
            headers[key] = value.toStdString();
    }
    return headers;
}

} // namespace

HttpProvider::HttpProvider(QObject* parent)
    : ActivityProvider(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

void HttpProvider::start(const Json& provider, RunContext& context, ProviderDone done)
{
    m_done = std::move(done);
    const Json arguments = provider.value("arguments", Json::object());
    const auto method
        = QString::fromStdString(provider.value("method", std::string("GET"))).toUpper();
    QUrl url = context.addressMap.mapUrl(
        QUrl(QString::fromStdString(provider.value("url", std::string()))));
    if (method == u"GET"_s && arguments.is_object() && !arguments.empty()) {
        QUrlQuery query(url);
        for (const auto& item : queryOf(arguments).queryItems(QUrl::FullyDecoded))
            query.addQueryItem(item.first, item.second);
        url.setQuery(query);
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, toxiproxy::ToxiproxyClient::userAgent());
    // Qt runs the transfer timeout on a coarse timer, which may fire up to 5% early, so the
    // interval is stretched to never end a request before the provider's timeout.
    request.setTransferTimeout(int(std::ceil(timeoutMs(provider) / 0.95)));
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QString contentType;
    const Json headers = provider.value("headers", Json::object());
    for (const auto& [name, value] : headers.items()) {
        request.setRawHeader(QByteArray::fromStdString(name), textOf(value).toUtf8());
        if (QString::fromStdString(name).compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0)
            contentType = textOf(value);
    }

    QByteArray body;
    if (method != u"GET"_s) {
        if (arguments.is_string()) {
            body = QByteArray::fromStdString(arguments.get<std::string>());
        } else if (contentType.startsWith(u"application/json"_s)) {
            body = QByteArray::fromStdString(arguments.dump());
        } else if (arguments.is_object() && !arguments.empty()) {
            body = queryOf(arguments).toString(QUrl::FullyEncoded).toUtf8();
            if (contentType.isEmpty())
                request.setHeader(
                    QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
        }
    }
    // A new connection per request, as a plain requests.get() call makes. The connection is
    // kept alive like requests', so a timeout toxic stalls the response instead of closing
    // the connection when the server finishes.
    m_network->clearConnectionCache();
    m_reply = m_network->sendCustomRequest(request, method.toLatin1(), body);
#if QT_CONFIG(ssl)
    if (!provider.value("verify_tls", true))
        connect(m_reply, &QNetworkReply::sslErrors, m_reply,
            [reply = m_reply.data()](const QList<QSslError>&) { reply->ignoreSslErrors(); });
#endif
    connect(m_reply, &QNetworkReply::finished, this,
        [this, reply = m_reply.data(), provider, url] { handleFinished(reply, provider, url); });
}

void HttpProvider::handleFinished(QNetworkReply* reply, const Json& provider, const QUrl& url)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply.clear();
    auto done = std::exchange(m_done, nullptr);
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError;
        if (timedOut)
            return done(ProviderResult::failure("activity took too long to complete"));
        return done(ProviderResult::failure("failed to connect to " + url.toString().toStdString()
            + ": " + reply->errorString().toStdString()));
    }

    const int code = status.toInt();
    const QByteArray data = reply->readAll();
    Json output = Json::object();
    output["status"] = code;
    output["headers"] = headersOf(reply);
    Json body = data.toStdString();
    if (reply->rawHeader("Content-Type") == "application/json") {
        auto parsed = Json::parse(data.toStdString(), nullptr, false);
        if (!parsed.is_discarded())
            body = std::move(parsed);
    }
    output["body"] = body;

    const Json expected = provider.value("expected_status", Json());
    if (expected.is_number_integer() && expected.get<int>() != code)
        return done(ProviderResult::failure("HTTP call failed with code " + std::to_string(code)
            + " (expected " + expected.dump() + "): " + data.left(200).toStdString()));
    done(ProviderResult::success(std::move(output)));
}

void HttpProvider::abort()
{
    m_done = nullptr;
    if (auto* reply = m_reply.data()) {
        m_reply.clear();
        reply->abort();
    }
}

} // namespace chaoslab::chaostoolkit
