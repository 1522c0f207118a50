// The notifier's consumer, which runs on its own thread. It takes order.created events from
// a durable queue ("notifier.order-created" by default) bound to the "orders" exchange, and
// stores each in MongoDB. It declares the exchange, the queue and the binding, so the order
// API and the notifier may start in any order. A message is acknowledged only after MongoDB
// stored it. While MongoDB is down, the consumer keeps the one message it received and
// stores it again every reconnect delay, which avoids a hot redelivery loop. Prefetch 1
// keeps the other messages ready in the queue meanwhile.
#pragma once

#include "amqpconnection.h"
#include "dependencystate.h"
#include "mongostore.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace chaoslab::orders {

inline constexpr const char* DefaultNotifierQueue = "notifier.order-created";

class NotificationConsumer
{
public:
    NotificationConsumer(ServiceUrl amqp, std::string queue, std::string mongoUrl,
        std::string mongoAddress, ConnectionSettings settings, DependencyState& consumerState,
        DependencyState& storeState);
    // Stops the thread. A message not yet stored goes back to the queue when the connection
    // closes.
    ~NotificationConsumer();

    void start();
    void stop();

    std::int64_t storedCount() const { return m_stored; }

private:
    struct Delivery
    {
        std::uint64_t tag = 0;
        std::string body;
    };

    void run();
    void connectConsumer();
    void receive();
    void storePending();
    void checkStore();
    // Waits for `delay`. Returns false when the consumer is stopping.
    bool pause(std::chrono::milliseconds delay);
    void dropConnection(const std::string& error);

    AmqpConnection m_connection;
    std::string m_queue;
    MongoStore m_store;
    ConnectionSettings m_settings;
    DependencyState& m_consumerState;
    DependencyState& m_storeState;
    std::optional<Delivery> m_pending;
    std::chrono::steady_clock::time_point m_lastStoreCheck;
    bool m_storeChecked = false;
    std::atomic<std::int64_t> m_stored { 0 };
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace chaoslab::orders
