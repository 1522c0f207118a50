// One blocking connection to RabbitMQ through rabbitmq-c (librabbitmq) with one channel, and
// the topology both services declare: the durable topic exchange "orders". Every call
// blocks for up to the configured timeouts, so a connection is used only on one worker
// thread. Heartbeats are off, so a broker that stops replying is detected only by the
// timeouts of the calls made on the connection.
#pragma once

#include "serviceoptions.h"
#include "serviceurl.h"

#include <amqp.h>

#include <optional>
#include <string>

namespace chaoslab::orders {

inline constexpr const char* OrdersExchange = "orders";
inline constexpr const char* OrderCreatedKey = "order.created";

class AmqpConnection
{
public:
    static constexpr amqp_channel_t Channel = 1;

    AmqpConnection(ServiceUrl url, ConnectionSettings settings);
    ~AmqpConnection();

    AmqpConnection(const AmqpConnection&) = delete;
    AmqpConnection& operator=(const AmqpConnection&) = delete;

    // Connects, logs in, opens the channel and declares the exchange. Returns the error
    // message, which names the step and the address, and leaves the connection closed then.
    std::optional<std::string> open();
    // Closes the channel and the connection cleanly, waiting up to the query timeout for
    // each reply. For a healthy connection only; use drop() after a failure.
    void close();
    // Frees the connection without closing it at the AMQP level. The broker then gets a TCP close.
    void drop();
    bool isOpen() const { return m_state != nullptr; }
    amqp_connection_state_t state() const { return m_state; }

    // Returns nothing when `reply` is normal, else "OPERATION failed: reason (rabbitmq
    // through host:port)".
    std::optional<std::string> check(const amqp_rpc_reply_t& reply, const char* operation) const;
    std::optional<std::string> check(int status, const char* operation) const;
    std::string failure(const char* operation, const std::string& reason) const;

    const ServiceUrl& url() const { return m_url; }
    const ConnectionSettings& settings() const { return m_settings; }

private:
    std::optional<std::string> openSocket();
    std::optional<std::string> openChannel();

    ServiceUrl m_url;
    ConnectionSettings m_settings;
    amqp_connection_state_t m_state = nullptr;
};

// The timeval of a duration, for rabbitmq-c's timeout arguments.
timeval toTimeval(std::chrono::milliseconds duration);

} // namespace chaoslab::orders
