#include "notifierservice.h"

#include "httpconnection.h"
#include "orderslog.h"

#include <nlohmann/json.hpp>

#include <QUrlQuery>

namespace chaoslab::orders {

namespace {

using net::HttpRequest;
using net::HttpResponse;

constexpr int httpThreads = 2;
constexpr int defaultLimit = 20;
constexpr int maxLimit = 100;

HttpResponse errorResponse(int status, const std::string& message)
{
    return HttpResponse::json(status, net::jsonErrorBody(status, message));
}

// Returns the limit query parameter, or nothing when it is invalid.
std::optional<int> limitOf(const std::string& query)
{
    const QUrlQuery parameters(QString::fromStdString(query));
    if (!parameters.hasQueryItem(QStringLiteral("limit")))
        return defaultLimit;
    bool ok = false;
    const int limit = parameters.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > maxLimit)
        return std::nullopt;
    return limit;
}

} // namespace

NotifierService::NotifierService(NotifierSettings settings)
    : m_settings(std::move(settings))
    , m_consumerState("rabbitmq", m_settings.amqp.address())
    , m_storeState("mongodb", m_settings.mongo.address())
    , m_consumer(m_settings.amqp, m_settings.queue, m_settings.mongoUrl, m_settings.mongo.address(),
          m_settings.connection, m_consumerState, m_storeState)
    , m_reader(m_settings.mongoUrl, m_settings.mongo.address(), m_settings.connection)
    , m_readWorker("notifier-read", std::chrono::hours(1))
    , m_http([this](const HttpRequest& request) { return handle(request); }, httpThreads)
{ }

NotifierService::~NotifierService()
{
    close();
}

std::optional<std::string> NotifierService::listen(const std::string& host, std::uint16_t port)
{
    if (auto error = m_http.listen(host, port))
        return error;
    m_consumer.start();
    qCInfo(lcOrders, "notifier listening address=%s rabbitmq=%s queue=%s mongodb=%s",
        m_http.address().c_str(), m_settings.amqp.address().c_str(), m_settings.queue.c_str(),
        m_settings.mongo.address().c_str());
    return std::nullopt;
}

void NotifierService::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_http.close();
    m_readWorker.stop();
    m_consumer.stop();
    qCInfo(lcOrders, "notifier stopped address=%s stored=%lld", m_http.address().c_str(),
        static_cast<long long>(m_consumer.storedCount()));
}

HttpResponse NotifierService::handle(const HttpRequest& request)
{
    HttpResponse response;
    const bool get = request.method == "GET" || request.method == "HEAD";
    if (request.path == "/health" && get) {
        response = health();
    } else if (request.path == "/notifications" && get) {
        response = notifications(request);
    } else if (request.path == "/health" || request.path == "/notifications") {
        response = errorResponse(
            405, request.method + " is not allowed on " + request.path + "; use GET");
    } else {
        response = errorResponse(
            404, "no route " + request.path + "; use GET /health or GET /notifications");
    }
    return response;
}

HttpResponse NotifierService::health() const
{
    const nlohmann::ordered_json body { { "status", "ok" }, { "service", "chaoslab-notifier" },
        { "consumer", m_consumerState.summary() }, { "store", m_storeState.summary() },
        { "stored", m_consumer.storedCount() } };
    return HttpResponse::json(200, body.dump() + "\n");
}

HttpResponse NotifierService::notifications(const HttpRequest& request)
{
    const auto limit = limitOf(request.query);
    if (!limit) {
        return errorResponse(400,
            "invalid limit in '" + request.query + "': expected a whole number from 1 to "
                + std::to_string(maxLimit));
    }
    struct Read
    {
        std::vector<std::string> documents;
        std::optional<std::string> error;
    };
    auto reading = m_readWorker.submit<Read>([this, limit] {
        Read read;
        read.error = m_reader.recent(*limit, &read.documents);
        return read;
    });
    const auto deadline = m_settings.connection.connectTimeout + m_settings.connection.queryTimeout
        + std::chrono::milliseconds(5'000);
    if (reading.wait_for(deadline) != std::future_status::ready)
        return errorResponse(503,
            "MongoDB read returned nothing within " + std::to_string(deadline.count()) + " ms");
    Read read;
    try {
        read = reading.get();
    } catch (const std::future_error&) {
        return errorResponse(503, "the notifier is stopping; no MongoDB read was made");
    }
    if (read.error)
        return errorResponse(503, *read.error);
    std::string body = "[";
    for (std::size_t i = 0; i < read.documents.size(); ++i)
        body += (i ? "," : "") + read.documents[i];
    return HttpResponse::json(200, body + "]\n");
}

} // namespace chaoslab::orders
