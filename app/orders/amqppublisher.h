// Publishes order.created events to the "orders" exchange as persistent messages, and waits
// for the broker's publisher confirm, so a publish counts as done only once RabbitMQ has
// taken responsibility for the message. Blocks, so it is used only on its WorkerThread.
#pragma once

#include "amqpconnection.h"
#include "dependencystate.h"

#include <optional>
#include <string>

namespace chaoslab::orders {

class AmqpPublisher
{
public:
    AmqpPublisher(ServiceUrl url, ConnectionSettings settings, DependencyState& state);

    // Opens the connection and enables publisher confirms, unless open. Records the outcome
    // in the DependencyState and returns the error message on failure.
    std::optional<std::string> connect();
    bool isConnected() const { return m_connection.isOpen(); }

    // Publishes `event` with routing key order.created. Returns the error message, for
    // example "amqp publish confirm failed: ... (rabbitmq through 127.0.0.1:6062)". A failure
    // drops the connection, so the next call starts on a new one.
    std::optional<std::string> publish(const std::string& event);

    void close() { m_connection.close(); }

private:
    std::optional<std::string> waitForConfirm();
    std::optional<std::string> fail(std::string error);

    AmqpConnection m_connection;
    DependencyState& m_state;
};

} // namespace chaoslab::orders
