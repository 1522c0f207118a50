// The notifier of the academy's order system:
//
//   GET /health                    200 {"status":"ok","consumer":"...","store":"...",
//                                  "stored":N} while the process runs, also when MongoDB
//                                  or RabbitMQ is down. The fields name the unavailable one.
//   GET /notifications?limit=N     the N most recently stored events (1 to 100, default 20)
//                                  as a JSON array; 503 with the reason when MongoDB fails.
//
// Events are consumed and stored by a NotificationConsumer on its own thread; reads for
// /notifications run on a WorkerThread with its own MongoDB client.
#pragma once

#include "dependencystate.h"
#include "httpserverpool.h"
#include "mongostore.h"
#include "notificationconsumer.h"
#include "workerthread.h"

#include <optional>
#include <string>

namespace chaoslab::orders {

struct NotifierSettings
{
    ServiceUrl amqp;
    std::string queue = DefaultNotifierQueue;
    // The mongodb:// URL as given, and its parsed form for addresses in messages.
    std::string mongoUrl;
    ServiceUrl mongo;
    ConnectionSettings connection;
};

class NotifierService
{
public:
    explicit NotifierService(NotifierSettings settings);
    ~NotifierService();

    NotifierService(const NotifierService&) = delete;
    NotifierService& operator=(const NotifierService&) = delete;

    // Starts serving and starts the consumer.
    std::optional<std::string> listen(const std::string& host, std::uint16_t port);
    const std::string& address() const { return m_http.address(); }
    std::uint16_t port() const { return m_http.port(); }
    void close();

private:
    net::HttpResponse handle(const net::HttpRequest& request);
    net::HttpResponse health() const;
    net::HttpResponse notifications(const net::HttpRequest& request);

    NotifierSettings m_settings;
    DependencyState m_consumerState;
    DependencyState m_storeState;
    NotificationConsumer m_consumer;
    MongoStore m_reader;
    WorkerThread m_readWorker;
    HttpServerPool m_http;
    bool m_closed = false;
};

} // namespace chaoslab::orders
