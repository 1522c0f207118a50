#include "amqpconnection.h"

#include <amqp_tcp_socket.h>

#include <cerrno>
#include <cstring>

namespace chaoslab::orders {

namespace {

// Maximum AMQP frame size this client accepts, rabbitmq-c's default (128 KiB).
constexpr int frameMax = 131072;

std::string bytesText(const amqp_bytes_t& bytes)
{
    return std::string(static_cast<const char*>(bytes.bytes), bytes.len);
}

} // namespace

timeval toTimeval(std::chrono::milliseconds duration)
{
    timeval value {};
    value.tv_sec = static_cast<time_t>(duration.count() / 1000);
    value.tv_usec = static_cast<suseconds_t>((duration.count() % 1000) * 1000);
    return value;
}

AmqpConnection::AmqpConnection(ServiceUrl url, ConnectionSettings settings)
    : m_url(std::move(url))
    , m_settings(settings)
{ }

AmqpConnection::~AmqpConnection()
{
    drop();
}

std::string AmqpConnection::failure(const char* operation, const std::string& reason) const
{
    return std::string(operation) + " failed: " + reason + " (rabbitmq through " + m_url.address()
        + ")";
}

std::optional<std::string> AmqpConnection::check(int status, const char* operation) const
{
    if (status == AMQP_STATUS_OK)
        return std::nullopt;
    return failure(operation, amqp_error_string2(status));
}

std::optional<std::string> AmqpConnection::check(
    const amqp_rpc_reply_t& reply, const char* operation) const
{
    switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
        return std::nullopt;
    case AMQP_RESPONSE_NONE:
        return failure(operation, "no reply");
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
        return failure(operation, amqp_error_string2(reply.library_error));
    case AMQP_RESPONSE_SERVER_EXCEPTION:
        break;
    }
    if (reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
        const auto* close = static_cast<const amqp_connection_close_t*>(reply.reply.decoded);
        return failure(operation,
            "the broker closed the connection: " + std::to_string(close->reply_code) + " "
                + bytesText(close->reply_text));
    }
    if (reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
        const auto* close = static_cast<const amqp_channel_close_t*>(reply.reply.decoded);
        return failure(operation,
            "the broker closed the channel: " + std::to_string(close->reply_code) + " "
                + bytesText(close->reply_text));
    }
    return failure(operation, std::string("unexpected method ") + amqp_method_name(reply.reply.id));
}

std::optional<std::string> AmqpConnection::open()
{
    if (m_state)
        return std::nullopt;
    if (auto error = openSocket()) {
        drop();
        return error;
    }
    if (auto error = openChannel()) {
        drop();
        return error;
    }
    return std::nullopt;
}

std::optional<std::string> AmqpConnection::openSocket()
{
    m_state = amqp_new_connection();
    amqp_socket_t* socket = amqp_tcp_socket_new(m_state);
    if (!socket)
        return failure("amqp connect", "cannot create a socket");
    const auto replyTimeout = toTimeval(m_settings.queryTimeout);
    amqp_set_handshake_timeout(m_state, &replyTimeout);
    amqp_set_rpc_timeout(m_state, &replyTimeout);
    auto connectTimeout = toTimeval(m_settings.connectTimeout);
    errno = 0;
    const int status
        = amqp_socket_open_noblock(socket, m_url.host.c_str(), m_url.port, &connectTimeout);
    const int socketError = errno;
    if (status == AMQP_STATUS_SOCKET_ERROR && socketError != 0) {
        return failure("amqp connect",
            std::string(amqp_error_string2(status)) + ": " + std::strerror(socketError));
    }
    if (auto error = check(status, "amqp connect"))
        return error;

    const std::string vhost = m_url.path.empty() ? "/" : m_url.path;
    // Heartbeat 0 turns heartbeats off, because rabbitmq-c sends them only from inside its
    // own calls, and the notifier makes none while it waits for MongoDB.
    return check(amqp_login(m_state, vhost.c_str(), 1, frameMax, 0, AMQP_SASL_METHOD_PLAIN,
                     m_url.user.c_str(), m_url.password.c_str()),
        "amqp login");
}

std::optional<std::string> AmqpConnection::openChannel()
{
    amqp_channel_open(m_state, Channel);
    if (auto error = check(amqp_get_rpc_reply(m_state), "amqp channel open"))
        return error;
    amqp_exchange_declare(m_state, Channel, amqp_cstring_bytes(OrdersExchange),
        amqp_cstring_bytes("topic"), /*passive=*/0, /*durable=*/1, /*auto_delete=*/0,
        /*internal=*/0, amqp_empty_table);
    return check(amqp_get_rpc_reply(m_state), "amqp exchange declare");
}

void AmqpConnection::close()
{
    if (!m_state)
        return;
    amqp_channel_close(m_state, Channel, AMQP_REPLY_SUCCESS);
    amqp_connection_close(m_state, AMQP_REPLY_SUCCESS);
    drop();
}

void AmqpConnection::drop()
{
    if (!m_state)
        return;
    amqp_destroy_connection(m_state);
    m_state = nullptr;
}

} // namespace chaoslab::orders
