// The order API of the academy's order system:
//
//   GET  /health   200 {"status":"ok","mysql":"...","rabbitmq":"..."} with the last known
//                  state of each dependency; it never waits for a dependency.
//   POST /orders   {"customer","item","qty"}: inserts a row into MySQL, then publishes an
//                  order.created event to RabbitMQ, and returns 201
//                  {"status":"created","id":N}. Invalid input gets 400 naming the field.
//                  A failed insert gets 500 with the reason and publishes nothing. When
//                  only the server's reply was lost (a timeout toxic on replies), the row
//                  is stored although the response is 500. When
//                  the insert succeeds but the publish fails, the order stays stored and the
//                  response is 502 {"status":"created","id":N,"published":false,"error":...},
//                  because no event for it will ever be sent (there is no outbox to retry
//                  from).
//
// MySQL and RabbitMQ calls run on one WorkerThread each; the HTTP thread of a request waits
// for their results with a deadline derived from the timeouts, so no request hangs.
#pragma once

#include "amqppublisher.h"
#include "dependencystate.h"
#include "httpserverpool.h"
#include "mysqlorderstore.h"
#include "workerthread.h"

#include <memory>
#include <optional>
#include <string>

namespace chaoslab::orders {

struct OrderApiSettings
{
    ServiceUrl mysql;
    ServiceUrl amqp;
    ConnectionSettings connection;
};

class OrderApiService
{
public:
    explicit OrderApiService(OrderApiSettings settings);
    // Stops serving, then the workers.
    ~OrderApiService();

    OrderApiService(const OrderApiService&) = delete;
    OrderApiService& operator=(const OrderApiService&) = delete;

    // Starts serving and starts connecting to both dependencies in the background.
    std::optional<std::string> listen(const std::string& host, std::uint16_t port);
    const std::string& address() const { return m_http.address(); }
    std::uint16_t port() const { return m_http.port(); }
    void close();

private:
    net::HttpResponse handle(const net::HttpRequest& request);
    net::HttpResponse health() const;
    net::HttpResponse createOrder(const net::HttpRequest& request);
    InsertResult insertWithRetries(const Order& order, const std::string& createdAt);
    std::optional<std::string> publishWithRetries(const std::string& event);
    // Maximum time one insert or publish job may take, retries included.
    std::chrono::milliseconds jobDeadline() const;

    OrderApiSettings m_settings;
    DependencyState m_mysqlState;
    DependencyState m_amqpState;
    MysqlOrderStore m_store;
    AmqpPublisher m_publisher;
    WorkerThread m_mysqlWorker;
    WorkerThread m_amqpWorker;
    HttpServerPool m_http;
    bool m_closed = false;
};

} // namespace chaoslab::orders
