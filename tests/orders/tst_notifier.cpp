// chaoslab-notifier's service against a real RabbitMQ (the `services` test fixture,
// tests/services/services.sh) and a MongoDB URL where nothing listens, because Debian 12
// packages no MongoDB server. The notifier must stay healthy, say that the store is
// unavailable, take an event without acknowledging it, and leave every event in the queue.
// Exits with 77 (skipped) when RabbitMQ is missing.
#include "orderstestsupport.h"

#include "amqpconnection.h"
#include "notifierservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <amqp.h>
#include <amqp_framing.h>

#include <cstdio>
#include <memory>

using namespace chaoslab::orders;
using namespace orderstest;
using namespace std::chrono_literals;
using namespace Qt::Literals::StringLiterals;

class TestNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void missingStoreKeepsEventsQueued();
    void invalidLimitIsRejected();

private:
    QJsonObject health();
    // Returns the number of ready messages in the notifier's queue, or -1 on error.
    int readyMessages();
    void publish(const std::string& event);

    ServiceEnvironment m_services;
    NotifierSettings m_settings;
    std::unique_ptr<AmqpConnection> m_broker;
    std::unique_ptr<NotifierService> m_service;
};

void TestNotifier::initTestCase()
{
    QString error;
    const auto services = loadServices({ u"RABBITMQ"_s }, &error);
    if (!services) {
        std::fprintf(stderr, "SKIP: %s\n", qPrintable(error));
        std::exit(77);
    }
    m_services = *services;
    const auto url = "amqp://" + m_services.value(u"RABBITMQ_USER"_s).toStdString() + ":"
        + m_services.value(u"RABBITMQ_PASSWORD"_s).toStdString()
        + "@127.0.0.1:" + m_services.value(u"RABBITMQ_PORT"_s).toStdString() + "/";
    m_settings.amqp = *parseServiceUrl(url, "amqp", 5672).value;
    m_settings.queue = "notifier-test-" + std::to_string(QCoreApplication::applicationPid());
    m_settings.mongoUrl = "mongodb://127.0.0.1:" + std::to_string(unusedPort()) + "/notifier";
    m_settings.mongo = *parseServiceUrl(m_settings.mongoUrl, "mongodb", 27017).value;
    m_settings.connection.connectTimeout = 500ms;
    m_settings.connection.queryTimeout = 2s;
    m_settings.connection.reconnectDelay = 200ms;

    m_broker = std::make_unique<AmqpConnection>(m_settings.amqp, m_settings.connection);
    const auto opened = m_broker->open();
    QVERIFY2(!opened, opened ? opened->c_str() : "");
}

void TestNotifier::cleanupTestCase()
{
    m_service.reset();
    if (m_broker && m_broker->isOpen()) {
        amqp_queue_delete(m_broker->state(), AmqpConnection::Channel,
            amqp_cstring_bytes(m_settings.queue.c_str()), 0, 0);
    }
    m_broker.reset();
}

QJsonObject TestNotifier::health()
{
    const auto result = httpCall(m_service->port(), "GET", u"/health"_s);
    if (result.status != 200)
        return {};
    return QJsonDocument::fromJson(result.body).object();
}

int TestNotifier::readyMessages()
{
    auto* declared = amqp_queue_declare(m_broker->state(), AmqpConnection::Channel,
        amqp_cstring_bytes(m_settings.queue.c_str()), /*passive=*/1, 0, 0, 0, amqp_empty_table);
    return declared ? int(declared->message_count) : -1;
}

void TestNotifier::publish(const std::string& event)
{
    const int status = amqp_basic_publish(m_broker->state(), AmqpConnection::Channel,
        amqp_cstring_bytes(OrdersExchange), amqp_cstring_bytes(OrderCreatedKey), 0, 0, nullptr,
        amqp_cstring_bytes(event.c_str()));
    QCOMPARE(status, int(AMQP_STATUS_OK));
}

void TestNotifier::missingStoreKeepsEventsQueued()
{
    m_service = std::make_unique<NotifierService>(m_settings);
    const auto listening = m_service->listen("127.0.0.1", 0);
    QVERIFY2(!listening, listening ? listening->c_str() : "");

    QTRY_VERIFY_WITH_TIMEOUT(
        health().value(u"consumer"_s).toString().startsWith(u"connected"_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        health().value(u"store"_s).toString().startsWith(u"unavailable"_s), 10000);
    const auto store = health().value(u"store"_s).toString();
    QVERIFY2(store.contains(u"no MongoDB answered at 127.0.0.1:"_s), qPrintable(store));

    publish(R"({"id":1,"customer":"a","item":"kopi","qty":1,"created_at":"x"})");
    publish(R"({"id":2,"customer":"b","item":"kopi","qty":1,"created_at":"x"})");
    // The consumer keeps one event unacknowledged (prefetch 1) and the other stays ready.
    QTRY_COMPARE_WITH_TIMEOUT(readyMessages(), 1, 10000);
    QCOMPARE(health().value(u"stored"_s).toInteger(), 0);
    QVERIFY(health().value(u"store"_s).toString().startsWith(u"unavailable"_s));

    // Unacknowledged events go back to the queue when the consumer's connection closes.
    m_service.reset();
    QTRY_COMPARE_WITH_TIMEOUT(readyMessages(), 2, 10000);
}

void TestNotifier::invalidLimitIsRejected()
{
    m_service = std::make_unique<NotifierService>(m_settings);
    const auto listening = m_service->listen("127.0.0.1", 0);
    QVERIFY2(!listening, listening ? listening->c_str() : "");
    const auto result = httpCall(m_service->port(), "GET", u"/notifications?limit=0"_s);
    QCOMPARE(result.status, 400);
    QVERIFY2(result.body.contains("limit"), result.body);
    const auto unavailable = httpCall(m_service->port(), "GET", u"/notifications?limit=5"_s);
    QCOMPARE(unavailable.status, 503);
    QVERIFY2(unavailable.body.contains("no MongoDB answered"), unavailable.body);
    m_service.reset();
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
