#include "amqppublisher.h"

#include <amqp_framing.h>

namespace chaoslab::orders {

AmqpPublisher::AmqpPublisher(ServiceUrl url, ConnectionSettings settings, DependencyState& state)
    : m_connection(std::move(url), settings)
    , m_state(state)
{ }

std::optional<std::string> AmqpPublisher::fail(std::string error)
{
    m_connection.drop();
    m_state.setUnavailable(error);
    return error;
}

std::optional<std::string> AmqpPublisher::connect()
{
    if (m_connection.isOpen())
        return std::nullopt;
    if (auto error = m_connection.open())
        return fail(*error);
    amqp_confirm_select(m_connection.state(), AmqpConnection::Channel);
    if (auto error
        = m_connection.check(amqp_get_rpc_reply(m_connection.state()), "amqp confirm select"))
        return fail(*error);
    m_state.setConnected("exchange " + std::string(OrdersExchange));
    return std::nullopt;
}

std::optional<std::string> AmqpPublisher::publish(const std::string& event)
{
    if (auto error = connect())
        return error;

    amqp_basic_properties_t properties {};
    properties._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG;
    properties.content_type = amqp_cstring_bytes("application/json");
    properties.delivery_mode = AMQP_DELIVERY_PERSISTENT;
    const int status = amqp_basic_publish(m_connection.state(), AmqpConnection::Channel,
        amqp_cstring_bytes(OrdersExchange), amqp_cstring_bytes(OrderCreatedKey),
        /*mandatory=*/0, /*immediate=*/0, &properties,
        amqp_bytes_t { event.size(), const_cast<char*>(event.data()) });
    if (auto error = m_connection.check(status, "amqp publish"))
        return fail(*error);
    if (auto error = waitForConfirm())
        return fail(*error);
    return std::nullopt;
}

std::optional<std::string> AmqpPublisher::waitForConfirm()
{
    const auto timeoutMs = m_connection.settings().queryTimeout;
    auto timeout = toTimeval(timeoutMs);
    amqp_frame_t frame {};
    const int status = amqp_simple_wait_frame_noblock(m_connection.state(), &frame, &timeout);
    if (status == AMQP_STATUS_TIMEOUT) {
        return m_connection.failure("amqp publish confirm",
            "no confirm within " + std::to_string(timeoutMs.count()) + " ms");
    }
    if (auto error = m_connection.check(status, "amqp publish confirm"))
        return error;
    if (frame.frame_type != AMQP_FRAME_METHOD) {
        return m_connection.failure(
            "amqp publish confirm", "unexpected frame type " + std::to_string(frame.frame_type));
    }
    const auto method = frame.payload.method.id;
    if (method == AMQP_BASIC_ACK_METHOD)
        return std::nullopt;
    if (method == AMQP_BASIC_NACK_METHOD)
        return m_connection.failure("amqp publish confirm", "the broker rejected the message");
    return m_connection.failure(
        "amqp publish confirm", std::string("unexpected method ") + amqp_method_name(method));
}

} // namespace chaoslab::orders
