// chaoslab-order-api's service against real MariaDB and RabbitMQ (the `services` test
// fixture, tests/services/services.sh), each behind a proxy of the built-in engine in this
// process, so toxics and a disabled proxy show how POST /orders fails and recovers. The test
// checks the stored row with the MariaDB client and the published event with its own queue
// bound to the "orders" exchange. Exits with 77 (skipped) when the services are missing.
#include "orderstestsupport.h"

#include "amqpconnection.h"
#include "orderapiservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <amqp.h>
#include <amqp_framing.h>
#include <mysql.h>

#include <cstdio>
#include <memory>

using namespace chaoslab;
using namespace chaoslab::orders;
using namespace orderstest;
using namespace std::chrono_literals;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr const char* database = "chaoslab_orders_test";

} // namespace

class TestOrderApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void orderIsStoredAndPublished();
    void invalidOrderIsRejected_data();
    void invalidOrderIsRejected();
    void timeoutToxicGivesError();
    void latencyToxicSlowsOrder();
    void disabledBrokerReportsPublishFailure();
    void healthReportsDependencies();

private:
    // Returns the order's row as "customer,item,qty", or the MySQL error.
    QString storedRow(qint64 id);
    // Opens a connection with a server-named queue bound to the "orders" exchange, which
    // receives a copy of every order.created event published after this call.
    std::unique_ptr<AmqpConnection> subscribe();
    // Returns the next event that `subscription` receives within 5 s, or "".
    QByteArray nextEvent(AmqpConnection& subscription);
    HttpResult postOrder(const QByteArray& body);

    ServiceEnvironment m_services;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<OrderApiService> m_service;
    // RabbitMQ itself, not its proxy.
    ServiceUrl m_broker;
    ConnectionSettings m_connection;
};

void TestOrderApi::initTestCase()
{
    QString error;
    const auto services
        = loadServices({ QStringLiteral("MARIADB"), QStringLiteral("RABBITMQ") }, &error);
    if (!services) {
        std::fprintf(stderr, "SKIP: %s\n", qPrintable(error));
        std::exit(77);
    }
    m_services = *services;
    mysql_library_init(0, nullptr, nullptr);

    m_engine = std::make_unique<engine::Engine>(1);
    const quint16 mysqlPort = createProxy(
        *m_engine, "mysql_proxy", m_services.value(QStringLiteral("MARIADB_PORT")).toUShort());
    const quint16 amqpPort = createProxy(
        *m_engine, "rabbitmq_proxy", m_services.value(QStringLiteral("RABBITMQ_PORT")).toUShort());
    QVERIFY(mysqlPort != 0);
    QVERIFY(amqpPort != 0);

    const auto login = [this](const char* service) {
        const auto prefix = QString::fromLatin1(service);
        return m_services.value(prefix + u"_USER"_s).toStdString() + ":"
            + m_services.value(prefix + u"_PASSWORD"_s).toStdString();
    };
    OrderApiSettings settings;
    settings.mysql = *parseServiceUrl(
        "mysql://" + login("MARIADB") + "@127.0.0.1:" + std::to_string(mysqlPort) + "/" + database,
        "mysql", 3306)
                          .value;
    settings.amqp = *parseServiceUrl(
        "amqp://" + login("RABBITMQ") + "@127.0.0.1:" + std::to_string(amqpPort) + "/", "amqp",
        5672)
                         .value;
    settings.connection.connectTimeout = 2s;
    settings.connection.queryTimeout = 10s;
    settings.connection.reconnectDelay = 200ms;

    m_broker = settings.amqp;
    m_broker.port = m_services.value(QStringLiteral("RABBITMQ_PORT")).toUShort();
    m_connection = settings.connection;

    m_service = std::make_unique<OrderApiService>(settings);
    const auto listening = m_service->listen("127.0.0.1", 0);
    QVERIFY2(!listening, listening ? listening->c_str() : "");
}

void TestOrderApi::cleanupTestCase()
{
    m_service.reset();
    m_engine.reset();
    mysql_library_end();
}

void TestOrderApi::cleanup()
{
    for (const auto& proxy : m_engine->proxies()) {
        for (const auto& toxic : proxy.toxics)
            m_engine->removeToxic(proxy.name, toxic.name);
        if (!proxy.enabled)
            m_engine->updateProxy(proxy.name, { std::nullopt, std::nullopt, true });
    }
}

HttpResult TestOrderApi::postOrder(const QByteArray& body)
{
    return httpCall(m_service->port(), "POST", QStringLiteral("/orders"), body);
}

QString TestOrderApi::storedRow(qint64 id)
{
    MYSQL* mysql = mysql_init(nullptr);
    const auto user = m_services.value(QStringLiteral("MARIADB_USER")).toStdString();
    const auto password = m_services.value(QStringLiteral("MARIADB_PASSWORD")).toStdString();
    QString row;
    if (!mysql_real_connect(mysql, "127.0.0.1", user.c_str(), password.c_str(), database,
            m_services.value(QStringLiteral("MARIADB_PORT")).toUInt(), nullptr, 0)) {
        row = QString::fromUtf8(mysql_error(mysql));
    } else {
        const auto query
            = "SELECT customer, item, qty FROM orders WHERE id = " + std::to_string(id);
        if (mysql_query(mysql, query.c_str()) != 0) {
            row = QString::fromUtf8(mysql_error(mysql));
        } else {
            MYSQL_RES* result = mysql_store_result(mysql);
            if (MYSQL_ROW values = result ? mysql_fetch_row(result) : nullptr) {
                row = QStringLiteral("%1,%2,%3")
                          .arg(QString::fromUtf8(values[0]), QString::fromUtf8(values[1]),
                              QString::fromUtf8(values[2]));
            }
            mysql_free_result(result);
        }
    }
    mysql_close(mysql);
    return row;
}

std::unique_ptr<AmqpConnection> TestOrderApi::subscribe()
{
    auto subscription = std::make_unique<AmqpConnection>(m_broker, m_connection);
    if (subscription->open())
        return nullptr;
    auto* state = subscription->state();
    const auto* declared = amqp_queue_declare(state, AmqpConnection::Channel, amqp_empty_bytes,
        /*passive=*/0, /*durable=*/0, /*exclusive=*/1, /*auto_delete=*/1, amqp_empty_table);
    if (!declared)
        return nullptr;
    const auto queue = amqp_bytes_malloc_dup(declared->queue);
    amqp_queue_bind(state, AmqpConnection::Channel, queue, amqp_cstring_bytes(OrdersExchange),
        amqp_cstring_bytes(OrderCreatedKey), amqp_empty_table);
    const bool bound = amqp_get_rpc_reply(state).reply_type == AMQP_RESPONSE_NORMAL;
    amqp_basic_consume(state, AmqpConnection::Channel, queue, amqp_empty_bytes, /*no_local=*/0,
        /*no_ack=*/1, /*exclusive=*/0, amqp_empty_table);
    const bool consuming = amqp_get_rpc_reply(state).reply_type == AMQP_RESPONSE_NORMAL;
    amqp_bytes_free(queue);
    return bound && consuming ? std::move(subscription) : nullptr;
}

QByteArray TestOrderApi::nextEvent(AmqpConnection& subscription)
{
    auto timeout = toTimeval(5s);
    amqp_envelope_t envelope {};
    const auto reply = amqp_consume_message(subscription.state(), &envelope, &timeout, 0);
    if (reply.reply_type != AMQP_RESPONSE_NORMAL)
        return {};
    const auto& body = envelope.message.body;
    QByteArray event(static_cast<const char*>(body.bytes), qsizetype(body.len));
    amqp_destroy_envelope(&envelope);
    return event;
}

void TestOrderApi::orderIsStoredAndPublished()
{
    const auto subscription = subscribe();
    QVERIFY(subscription);
    const auto result = postOrder(R"({"customer":"ana","item":"kopi","qty":2})");
    QVERIFY2(result.status == 201, result.describe());
    const auto response = QJsonDocument::fromJson(result.body).object();
    QCOMPARE(response.value(u"status"_s).toString(), QStringLiteral("created"));
    const qint64 id = response.value(u"id"_s).toInteger();
    QVERIFY(id > 0);
    QVERIFY(result.body.startsWith(R"({"status":"created","id":)"));

    QCOMPARE(storedRow(id), QStringLiteral("ana,kopi,2"));

    const QByteArray event = nextEvent(*subscription);
    QVERIFY(!event.isEmpty());
    const auto payload = QJsonDocument::fromJson(event).object();
    QCOMPARE(payload.value(u"id"_s).toInteger(), id);
    QCOMPARE(payload.value(u"customer"_s).toString(), QStringLiteral("ana"));
    QCOMPARE(payload.value(u"item"_s).toString(), QStringLiteral("kopi"));
    QCOMPARE(payload.value(u"qty"_s).toInt(), 2);
    QVERIFY(payload.value(u"created_at"_s).toString().endsWith(u'Z'));
}

void TestOrderApi::invalidOrderIsRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named");
    QTest::newRow("not json") << QByteArray("{customer") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("JSON object");
    QTest::newRow("missing customer")
        << QByteArray(R"({"item":"kopi","qty":1})") << QStringLiteral("\\\"customer\\\"");
    QTest::newRow("item is a number")
        << QByteArray(R"({"customer":"a","item":7,"qty":1})") << QStringLiteral("\\\"item\\\"");
    QTest::newRow("empty item") << QByteArray(R"({"customer":"a","item":"","qty":1})")
                                << QStringLiteral("\\\"item\\\"");
    QTest::newRow("qty zero") << QByteArray(R"({"customer":"a","item":"b","qty":0})")
                              << QStringLiteral("\\\"qty\\\"");
    QTest::newRow("qty fraction") << QByteArray(R"({"customer":"a","item":"b","qty":1.5})")
                                  << QStringLiteral("\\\"qty\\\"");
    QTest::newRow("qty string") << QByteArray(R"({"customer":"a","item":"b","qty":"1"})")
                                << QStringLiteral("\\\"qty\\\"");
}

void TestOrderApi::invalidOrderIsRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    const auto result = postOrder(body);
    QCOMPARE(result.status, 400);
    QVERIFY2(QString::fromUtf8(result.body).contains(named), result.body);
}

void TestOrderApi::timeoutToxicGivesError()
{
    QCOMPARE(addToxic(*m_engine, "mysql_proxy", "timeout", "timeout", 3000), std::string());
    const auto failed = postOrder(R"({"customer":"timeout","item":"kopi","qty":1})");
    QVERIFY2(failed.status == 500, failed.describe());
    QVERIFY2(failed.elapsed >= 2900ms, qPrintable(QString::number(failed.elapsed.count())));
    QVERIFY2(failed.elapsed <= 9000ms, qPrintable(QString::number(failed.elapsed.count())));
    QVERIFY2(failed.body.contains("failed: "), failed.body);
    QVERIFY2(failed.body.contains("(mysql through 127.0.0.1:"), failed.body);

    m_engine->removeToxic("mysql_proxy", "mysql_proxy_timeout");
    const auto recovered = postOrder(R"({"customer":"after","item":"kopi","qty":1})");
    QVERIFY2(recovered.status == 201, recovered.describe());
}

void TestOrderApi::latencyToxicSlowsOrder()
{
    // A connected store needs one round trip per insert, so the order is slower by at
    // least the latency of one reply.
    const auto warm = postOrder(R"({"customer":"warm","item":"kopi","qty":1})");
    QVERIFY2(warm.status == 201, warm.describe());
    QCOMPARE(addToxic(*m_engine, "mysql_proxy", "latency", "latency", 1000), std::string());
    const auto slow = postOrder(R"({"customer":"latency","item":"kopi","qty":1})");
    QVERIFY2(slow.status == 201, slow.describe());
    QVERIFY2(slow.elapsed >= 1000ms, qPrintable(QString::number(slow.elapsed.count())));
}

void TestOrderApi::disabledBrokerReportsPublishFailure()
{
    const auto disabled = m_engine->updateProxy("rabbitmq_proxy", { {}, {}, false });
    QVERIFY(disabled.ok());
    const auto failed = postOrder(R"({"customer":"nobroker","item":"kopi","qty":1})");
    QVERIFY2(failed.status == 502, failed.describe());
    QVERIFY2(failed.body.contains("publish"), failed.body);
    QVERIFY2(failed.body.contains("failed"), failed.body);
    QVERIFY2(failed.body.contains("\"published\":false"), failed.body);
    const qint64 id = QJsonDocument::fromJson(failed.body).object().value(u"id"_s).toInteger();
    QCOMPARE(storedRow(id), QStringLiteral("nobroker,kopi,1"));

    const auto enabled = m_engine->updateProxy("rabbitmq_proxy", { {}, {}, true });
    QVERIFY(enabled.ok());
    const auto recovered = postOrder(R"({"customer":"broker","item":"kopi","qty":1})");
    QVERIFY2(recovered.status == 201, recovered.describe());
}

void TestOrderApi::healthReportsDependencies()
{
    const auto result = httpCall(m_service->port(), "GET", QStringLiteral("/health"));
    QCOMPARE(result.status, 200);
    const auto body = QJsonDocument::fromJson(result.body).object();
    QVERIFY2(body.value(u"mysql"_s).toString().startsWith(u"connected"_s), result.body);
    QVERIFY2(body.value(u"rabbitmq"_s).toString().startsWith(u"connected"_s), result.body);
}

QTEST_GUILESS_MAIN(TestOrderApi)
#include "tst_orderapi.moc"
