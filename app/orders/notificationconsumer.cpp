#include "notificationconsumer.h"

#include "orderslog.h"

#include <amqp_framing.h>

#include <nlohmann/json.hpp>

namespace chaoslab::orders {

namespace {

// How long one wait for a message lasts, which bounds how late stop() takes effect.
constexpr std::chrono::milliseconds receivePoll { 200 };

} // namespace

NotificationConsumer::NotificationConsumer(ServiceUrl amqp, std::string queue, std::string mongoUrl,
    std::string mongoAddress, ConnectionSettings settings, DependencyState& consumerState,
    DependencyState& storeState)
    : m_connection(std::move(amqp), settings)
    , m_queue(std::move(queue))
    , m_store(std::move(mongoUrl), std::move(mongoAddress), settings)
    , m_settings(settings)
    , m_consumerState(consumerState)
    , m_storeState(storeState)
{ }

NotificationConsumer::~NotificationConsumer()
{
    stop();
}

void NotificationConsumer::start()
{
    m_thread = std::thread([this] { run(); });
}

void NotificationConsumer::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_connection.drop();
}

bool NotificationConsumer::pause(std::chrono::milliseconds delay)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, delay, [this] { return m_stopping; });
}

void NotificationConsumer::run()
{
    while (pause(std::chrono::milliseconds(0))) {
        checkStore();
        if (!m_connection.isOpen()) {
            connectConsumer();
            if (!m_connection.isOpen() && !pause(m_settings.reconnectDelay))
                return;
        } else if (m_pending) {
            storePending();
        } else {
            receive();
        }
    }
}

void NotificationConsumer::checkStore()
{
    // Every insert updates the store's state. While the consumer is idle, a ping every
    // reconnect delay checks MongoDB until it replies, so /health reports an outage early.
    const auto now = std::chrono::steady_clock::now();
    if (m_storeState.isConnected() || m_pending
        || (m_storeChecked && now - m_lastStoreCheck < m_settings.reconnectDelay))
        return;
    m_storeChecked = true;
    m_lastStoreCheck = now;
    if (auto error = m_store.ping())
        m_storeState.setUnavailable(*error);
    else
        m_storeState.setConnected("collection " + std::string(NotificationsCollection));
}

void NotificationConsumer::connectConsumer()
{
    if (auto error = m_connection.open()) {
        m_consumerState.setUnavailable(*error);
        return;
    }
    auto* state = m_connection.state();
    const auto channel = AmqpConnection::Channel;
    const auto queue = amqp_cstring_bytes(m_queue.c_str());
    amqp_queue_declare(state, channel, queue, /*passive=*/0, /*durable=*/1, /*exclusive=*/0,
        /*auto_delete=*/0, amqp_empty_table);
    auto error = m_connection.check(amqp_get_rpc_reply(state), "amqp queue declare");
    if (!error) {
        amqp_queue_bind(state, channel, queue, amqp_cstring_bytes(OrdersExchange),
            amqp_cstring_bytes(OrderCreatedKey), amqp_empty_table);
        error = m_connection.check(amqp_get_rpc_reply(state), "amqp queue bind");
    }
    if (!error) {
        amqp_basic_qos(state, channel, 0, /*prefetch_count=*/1, /*global=*/0);
        error = m_connection.check(amqp_get_rpc_reply(state), "amqp basic qos");
    }
    if (!error) {
        amqp_basic_consume(state, channel, queue, amqp_empty_bytes, /*no_local=*/0,
            /*no_ack=*/0, /*exclusive=*/0, amqp_empty_table);
        error = m_connection.check(amqp_get_rpc_reply(state), "amqp basic consume");
    }
    if (error) {
        dropConnection(*error);
        return;
    }
    m_consumerState.setConnected("consuming from queue " + m_queue);
}

void NotificationConsumer::receive()
{
    auto timeout = toTimeval(receivePoll);
    amqp_envelope_t envelope {};
    amqp_maybe_release_buffers(m_connection.state());
    const auto reply = amqp_consume_message(m_connection.state(), &envelope, &timeout, 0);
    if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION
        && reply.library_error == AMQP_STATUS_TIMEOUT)
        return;
    if (auto error = m_connection.check(reply, "amqp consume")) {
        dropConnection(*error);
        return;
    }
    const auto& body = envelope.message.body;
    m_pending = Delivery { envelope.delivery_tag,
        std::string(static_cast<const char*>(body.bytes), body.len) };
    amqp_destroy_envelope(&envelope);
}

void NotificationConsumer::storePending()
{
    if (!nlohmann::json::parse(m_pending->body, nullptr, false).is_object()) {
        // No retry can store a body that is not a JSON object, so it leaves the queue.
        qCWarning(lcOrders, "rejecting event that is not a JSON object delivery_tag=%llu bytes=%zu",
            static_cast<unsigned long long>(m_pending->tag), m_pending->body.size());
        const int status = amqp_basic_reject(
            m_connection.state(), AmqpConnection::Channel, m_pending->tag, /*requeue=*/0);
        m_pending.reset();
        if (auto rejectError = m_connection.check(status, "amqp reject"))
            dropConnection(*rejectError);
        return;
    }
    const auto error = m_store.insert(m_pending->body);
    m_lastStoreCheck = std::chrono::steady_clock::now();
    if (error) {
        m_storeState.setUnavailable(*error);
        qCWarning(lcOrders, "event kept unacknowledged delivery_tag=%llu retry_in_ms=%lld",
            static_cast<unsigned long long>(m_pending->tag),
            static_cast<long long>(m_settings.reconnectDelay.count()));
        pause(m_settings.reconnectDelay);
        return;
    }
    m_storeState.setConnected("collection " + std::string(NotificationsCollection));
    const int status
        = amqp_basic_ack(m_connection.state(), AmqpConnection::Channel, m_pending->tag, 0);
    ++m_stored;
    qCInfo(lcOrders, "event stored delivery_tag=%llu stored=%lld",
        static_cast<unsigned long long>(m_pending->tag), static_cast<long long>(m_stored));
    m_pending.reset();
    if (auto ackError = m_connection.check(status, "amqp ack"))
        dropConnection(*ackError);
}

void NotificationConsumer::dropConnection(const std::string& error)
{
    // The broker puts an unacknowledged message back in the queue when the connection goes,
    // so a held message is forgotten here and comes back with a new delivery tag.
    m_pending.reset();
    m_connection.drop();
    m_consumerState.setUnavailable(error);
}

} // namespace chaoslab::orders
