#include "orderapiservice.h"

#include "httpconnection.h"
#include "orderslog.h"

#include <nlohmann/json.hpp>

namespace chaoslab::orders {

namespace {

using net::HttpRequest;
using net::HttpResponse;

// HTTP threads. A request that waits for a dependency occupies one of them.
constexpr int httpThreads = 4;

HttpResponse errorResponse(int status, const std::string& message)
{
    return HttpResponse::json(status, net::jsonErrorBody(status, message));
}

// Waits for the result of a WorkerThread job. A job that misses `deadline` or was dropped at
// shutdown yields the value that `failed` makes from the reason.
template <typename Result>
Result waitFor(std::future<Result>& future, std::chrono::milliseconds deadline,
    const std::function<Result(const std::string&)>& failed)
{
    if (future.wait_for(deadline) != std::future_status::ready) {
        return failed("no result within " + std::to_string(deadline.count())
            + " ms; the worker is still busy and may yet complete it");
    }
    try {
        return future.get();
    } catch (const std::future_error& error) {
        return failed(std::string("the service is stopping: ") + error.what());
    }
}

} // namespace

OrderApiService::OrderApiService(OrderApiSettings settings)
    : m_settings(std::move(settings))
    , m_mysqlState("mysql", m_settings.mysql.address())
    , m_amqpState("rabbitmq", m_settings.amqp.address())
    , m_store(m_settings.mysql, m_settings.connection, m_mysqlState)
    , m_publisher(m_settings.amqp, m_settings.connection, m_amqpState)
    , m_mysqlWorker("order-mysql", m_settings.connection.reconnectDelay,
          [this] {
              if (!m_store.isConnected())
                  m_store.connect();
          })
    , m_amqpWorker("order-amqp", m_settings.connection.reconnectDelay,
          [this] {
              if (!m_publisher.isConnected())
                  m_publisher.connect();
          })
    , m_http([this](const HttpRequest& request) { return handle(request); }, httpThreads)
{ }

OrderApiService::~OrderApiService()
{
    close();
}

std::optional<std::string> OrderApiService::listen(const std::string& host, std::uint16_t port)
{
    if (auto error = m_http.listen(host, port))
        return error;
    m_mysqlWorker.post([this] { m_store.connect(); });
    m_amqpWorker.post([this] { m_publisher.connect(); });
    qCInfo(lcOrders, "order API listening address=%s mysql=%s rabbitmq=%s",
        m_http.address().c_str(), m_settings.mysql.address().c_str(),
        m_settings.amqp.address().c_str());
    return std::nullopt;
}

void OrderApiService::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_http.close();
    m_mysqlWorker.stop();
    m_amqpWorker.stop();
    qCInfo(lcOrders, "order API stopped address=%s", m_http.address().c_str());
}

HttpResponse OrderApiService::handle(const HttpRequest& request)
{
    HttpResponse response;
    if (request.path == "/health" && (request.method == "GET" || request.method == "HEAD")) {
        response = health();
    } else if (request.path == "/orders" && request.method == "POST") {
        response = createOrder(request);
    } else if (request.path == "/health" || request.path == "/orders") {
        response = errorResponse(405,
            request.method + " is not allowed on " + request.path
                + "; use GET /health or POST /orders");
    } else {
        response
            = errorResponse(404, "no route " + request.path + "; use GET /health or POST /orders");
    }
    return response;
}

HttpResponse OrderApiService::health() const
{
    const nlohmann::ordered_json body { { "status", "ok" }, { "service", "chaoslab-order-api" },
        { "mysql", m_mysqlState.summary() }, { "rabbitmq", m_amqpState.summary() } };
    return HttpResponse::json(200, body.dump() + "\n");
}

std::chrono::milliseconds OrderApiService::jobDeadline() const
{
    const auto& connection = m_settings.connection;
    // A connect is a TCP connect plus a handshake of a few replies, and an insert or a
    // publish takes one or two replies. Jobs queued ahead of this one are not counted, so
    // the extra 5 s is an estimate that holds for a short queue.
    const auto attempt = connection.connectTimeout + 4 * connection.queryTimeout;
    return (connection.retries + 1) * attempt + connection.retries * connection.retryDelay
        + std::chrono::milliseconds(5'000);
}

HttpResponse OrderApiService::createOrder(const HttpRequest& request)
{
    const auto parsed = parseOrder(request.body);
    if (!parsed.value)
        return errorResponse(400, parsed.error);
    const Order order = *parsed.value;
    const std::string createdAt = utcTimestamp();

    auto inserting = m_mysqlWorker.submit<InsertResult>(
        [this, order, createdAt] { return insertWithRetries(order, createdAt); });
    const auto inserted
        = waitFor<InsertResult>(inserting, jobDeadline(), [](const std::string& reason) {
              return InsertResult { std::nullopt, "db insert failed: " + reason };
          });
    if (!inserted.id)
        return errorResponse(500, inserted.error);

    const auto event = orderCreatedEvent(*inserted.id, order, createdAt);
    auto publishing = m_amqpWorker.submit<std::optional<std::string>>(
        [this, event] { return publishWithRetries(event); });
    const auto publishError = waitFor<std::optional<std::string>>(publishing, jobDeadline(),
        [](const std::string& reason) { return "amqp publish failed: " + reason; });

    nlohmann::ordered_json body { { "status", "created" }, { "id", *inserted.id } };
    if (!publishError)
        return HttpResponse::json(201, body.dump());
    qCWarning(lcOrders, "order %lld stored without event error=%s",
        static_cast<long long>(*inserted.id), publishError->c_str());
    body["published"] = false;
    body["error"] = *publishError + "; order " + std::to_string(*inserted.id)
        + " is stored in MySQL, but no order.created event was sent for it";
    return HttpResponse::json(502, body.dump());
}

InsertResult OrderApiService::insertWithRetries(const Order& order, const std::string& createdAt)
{
    auto result = m_store.insert(order, createdAt);
    for (int retry = 1; !result.id && retry <= m_settings.connection.retries; ++retry) {
        qCWarning(lcOrders, "retrying insert retry=%d of=%d error=%s", retry,
            m_settings.connection.retries, result.error.c_str());
        if (!m_mysqlWorker.sleepFor(m_settings.connection.retryDelay))
            break;
        result = m_store.insert(order, createdAt);
    }
    return result;
}

std::optional<std::string> OrderApiService::publishWithRetries(const std::string& event)
{
    auto error = m_publisher.publish(event);
    for (int retry = 1; error && retry <= m_settings.connection.retries; ++retry) {
        qCWarning(lcOrders, "retrying publish retry=%d of=%d error=%s", retry,
            m_settings.connection.retries, error->c_str());
        if (!m_amqpWorker.sleepFor(m_settings.connection.retryDelay))
            break;
        error = m_publisher.publish(event);
    }
    return error;
}

} // namespace chaoslab::orders
