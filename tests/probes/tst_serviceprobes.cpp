// The service probes against real Redis, MariaDB, PostgreSQL and RabbitMQ servers, started
// by tests/services/services.sh on 127.0.0.1 (the `services` test fixture), both directly
// and through a proxy of the built-in engine running in this process. Attempts run through
// ProbeAttemptRunner, as in the application.
//
// CHAOSLAB_SERVICES_ENV names the services.env file that services.sh writes. The test exits
// with 77 (skipped) when that file or one of the services is missing, which happens when
// the server packages are not installed: `tests/services/services.sh install` adds them.
#include "protocoldriver.h"
#include "servicesenv.h"

#include "builtinengine.h"
#include "probes/mysqlprotocol.h"
#include "probes/probestatistics.h"

#include <QHash>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

#include <cstdio>

using namespace chaoslab;
using namespace chaoslab::probes;

Q_DECLARE_METATYPE(chaoslab::probes::ProbeOutcome)
Q_DECLARE_METATYPE(chaoslab::probes::ProbeSpec)

namespace {

using servicestest::ServiceEnvironment;

const QStringList RequiredServices { u"REDIS"_qs, u"MARIADB"_qs, u"POSTGRES"_qs, u"RABBITMQ"_qs };

std::optional<ServiceEnvironment> loadEnvironment(const QString& path, QString* error)
{
    auto environment = servicestest::readServicesFile(path);
    if (!environment) {
        *error = QStringLiteral("no services file at '%1'; run the `services_start` test or "
                                "tests/services/services.sh start redis mariadb postgres "
                                "rabbitmq --dir D and set CHAOSLAB_SERVICES_ENV=D/services.env")
                     .arg(path);
        return std::nullopt;
    }
    const QStringList missing = servicestest::missingServices(*environment, RequiredServices);
    if (!missing.isEmpty()) {
        *error = QStringLiteral("%1 not running, probably not installed; run "
                                "tests/services/services.sh install")
                     .arg(missing.join(u", "_qs));
        return std::nullopt;
    }
    return environment;
}

ServiceEnvironment& environment()
{
    static ServiceEnvironment values;
    return values;
}

QString value(const QString& key)
{
    return environment().value(key);
}

} // namespace

class TestServiceProbes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probeOutcomes_data();
    void probeOutcomes();
    void redisLatencyThroughEngine();
    void mysqlProbesWithoutUserDoNotBlockHost();

private:
    quint16 servicePort(const QString& service) const;
    // A proxy of the built-in engine in front of 127.0.0.1:port; returns its port.
    quint16 proxyFor(const QString& name, quint16 port);

    std::unique_ptr<host::BuiltInEngine> m_engine;
};

void TestServiceProbes::initTestCase()
{
    m_engine = std::make_unique<host::BuiltInEngine>();
    const auto error = m_engine->start("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
}

quint16 TestServiceProbes::servicePort(const QString& service) const
{
    return quint16(value(service + u"_PORT"_qs).toUInt());
}

quint16 TestServiceProbes::proxyFor(const QString& name, quint16 port)
{
    if (const auto existing = m_engine->engine().proxy(name.toStdString()); existing.ok())
        return quint16(QString::fromStdString(existing.value().listen).section(u':', -1).toUInt());
    const auto created = m_engine->engine().createProxy(
        { name.toStdString(), "127.0.0.1:0", "127.0.0.1:" + std::to_string(port), true });
    if (!created.ok())
        return 0;
    return quint16(QString::fromStdString(created.value().listen).section(u':', -1).toUInt());
}

void TestServiceProbes::probeOutcomes_data()
{
    QTest::addColumn<ProbeSpec>("spec");
    QTest::addColumn<QString>("service");
    QTest::addColumn<ProbeOutcome>("outcome");

    const auto login = [](ProbeKind kind, const QString& user, const QString& password,
                           const QString& database = {}) {
        ProbeSpec spec;
        spec.kind = kind;
        spec.user = user;
        spec.password = password;
        spec.database = database;
        return spec;
    };
    const QString wrong = u"wrong"_qs;
    const QString redisUser = value(u"REDIS_USER"_qs);
    const QString mariadbUser = value(u"MARIADB_USER"_qs);
    const QString postgresUser = value(u"POSTGRES_USER"_qs);
    const QString postgresMd5User = value(u"POSTGRES_MD5_USER"_qs);
    const QString postgresDatabase = value(u"POSTGRES_DATABASE"_qs);
    const QString rabbitmqUser = value(u"RABBITMQ_USER"_qs);

    struct Case
    {
        const char* name;
        QString service;
        ProbeSpec spec;
        ProbeOutcome outcome;
    };
    const QList<Case> cases {
        { "redis without login", u"REDIS"_qs, login(ProbeKind::Redis, {}, {}), ProbeOutcome::Ok },
        { "redis with acl user", u"REDIS"_qs,
            login(ProbeKind::Redis, redisUser, value(u"REDIS_PASSWORD"_qs)), ProbeOutcome::Ok },
        { "redis database 1", u"REDIS"_qs, login(ProbeKind::Redis, {}, {}, u"1"_qs),
            ProbeOutcome::Ok },
        { "redis wrong password", u"REDIS"_qs, login(ProbeKind::Redis, redisUser, wrong),
            ProbeOutcome::AuthenticationFailed },
        { "mariadb without user", u"MARIADB"_qs, login(ProbeKind::Mysql, {}, {}),
            ProbeOutcome::Ok },
        { "mariadb native password", u"MARIADB"_qs,
            login(ProbeKind::Mysql, mariadbUser, value(u"MARIADB_PASSWORD"_qs)), ProbeOutcome::Ok },
        { "mariadb wrong password", u"MARIADB"_qs, login(ProbeKind::Mysql, mariadbUser, wrong),
            ProbeOutcome::AuthenticationFailed },
        { "postgres without user", u"POSTGRES"_qs, login(ProbeKind::Postgres, {}, {}),
            ProbeOutcome::Ok },
        { "postgres scram", u"POSTGRES"_qs,
            login(ProbeKind::Postgres, postgresUser, value(u"POSTGRES_PASSWORD"_qs),
                postgresDatabase),
            ProbeOutcome::Ok },
        { "postgres md5", u"POSTGRES"_qs,
            login(ProbeKind::Postgres, postgresMd5User, value(u"POSTGRES_MD5_PASSWORD"_qs),
                postgresDatabase),
            ProbeOutcome::Ok },
        { "postgres scram wrong password", u"POSTGRES"_qs,
            login(ProbeKind::Postgres, postgresUser, wrong, postgresDatabase),
            ProbeOutcome::AuthenticationFailed },
        { "postgres md5 wrong password", u"POSTGRES"_qs,
            login(ProbeKind::Postgres, postgresMd5User, wrong, postgresDatabase),
            ProbeOutcome::AuthenticationFailed },
        { "rabbitmq without login", u"RABBITMQ"_qs, login(ProbeKind::Amqp, {}, {}),
            ProbeOutcome::Ok },
        { "rabbitmq with login", u"RABBITMQ"_qs,
            login(ProbeKind::Amqp, rabbitmqUser, value(u"RABBITMQ_PASSWORD"_qs)),
            ProbeOutcome::Ok },
        { "rabbitmq wrong password", u"RABBITMQ"_qs, login(ProbeKind::Amqp, rabbitmqUser, wrong),
            ProbeOutcome::AuthenticationFailed },
    };
    for (const bool throughEngine : { false, true }) {
        for (const Case& c : cases) {
            QTest::addRow("%s, %s", c.name, throughEngine ? "through engine" : "direct")
                << c.spec << c.service << c.outcome;
        }
    }
}

void TestServiceProbes::probeOutcomes()
{
    QFETCH(ProbeSpec, spec);
    QFETCH(QString, service);
    QFETCH(ProbeOutcome, outcome);

    spec.port = servicePort(service);
    if (QByteArray(QTest::currentDataTag()).endsWith("through engine")) {
        spec.port = proxyFor(service.toLower(), spec.port);
        QVERIFY(spec.port != 0);
    }

    const ProbeAttempt result = runAttempt(spec);
    QVERIFY2(result.outcome == outcome,
        qPrintable(outcomeName(result.outcome) + u": "_qs + result.detail));
    QVERIFY(!result.detail.isEmpty());
}

// 200 ms of latency on the server-to-client stream delays PONG by 200 ms. Connecting to
// the proxy and sending PING add well under a millisecond on loopback.
void TestServiceProbes::redisLatencyThroughEngine()
{
    const quint16 port = proxyFor(u"redis_latency"_qs, servicePort(u"REDIS"_qs));
    QVERIFY(port != 0);
    auto toxic = engine::defaultToxic(*engine::findToxicType("latency"));
    toxic.name = "latency_downstream";
    toxic.setAttribute("latency", 200);
    const auto added = m_engine->engine().addToxic("redis_latency", toxic, { "latency" });
    QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());

    ProbeSpec spec;
    spec.kind = ProbeKind::Redis;
    spec.port = port;
    std::vector<float> latencies;
    for (int i = 0; i < 9; ++i) {
        const ProbeAttempt result = runAttempt(spec);
        QVERIFY2(result.ok(), qPrintable(result.detail));
        latencies.push_back(float(result.totalMs));
    }
    std::sort(latencies.begin(), latencies.end());
    const double p50 = percentileOfSorted(latencies, 0.5);
    qInfo("redis through 200 ms latency: p50 %.2f ms, min %.2f ms, max %.2f ms", p50,
        double(latencies.front()), double(latencies.back()));
    QVERIFY2(p50 >= 200.0, qPrintable(QString::number(p50)));
    QVERIFY2(p50 <= 205.0, qPrintable(QString::number(p50)));
}

namespace {

// Opens a connection from `localAddress`, waits for the greeting and closes: an aborted
// handshake, which MariaDB counts against max_connect_errors. Returns the greeting.
QByteArray greetAndClose(quint16 port, const QHostAddress& localAddress)
{
    QTcpSocket socket;
    socket.bind(localAddress, 0);
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray greeting;
    QObject::connect(
        &socket, &QTcpSocket::readyRead, &socket, [&] { greeting += socket.readAll(); });
    const bool answered = QTest::qWaitFor([&] { return greeting.size() >= 4; }, 5000);
    socket.abort();
    return answered ? greeting : QByteArray();
}

} // namespace

// MariaDB blocks a client host after max_connect_errors (5 here) aborted handshakes. It
// keeps no such count for 127.0.0.1, so the probes come from 127.0.0.2, and a host
// that merely reads the greeting and leaves, 127.0.0.3, shows that blocking is active.
void TestServiceProbes::mysqlProbesWithoutUserDoNotBlockHost()
{
    if (value(u"MARIADB_HOST_CACHE"_qs) != u"1"_qs)
        QSKIP("MariaDB runs with skip-name-resolve here, so it blocks no host");
    const quint16 port = servicePort(u"MARIADB"_qs);
    const QHostAddress probeHost(u"127.0.0.2"_qs);

    for (int i = 0; i < 50; ++i) {
        const ProbeAttempt result
            = driveProtocol(std::make_unique<MysqlProtocol>(ProbeSpec {}), port, probeHost);
        QVERIFY2(result.ok(), qPrintable(QString::number(i) + u": "_qs + result.detail));
    }
    ProbeSpec login;
    login.user = value(u"MARIADB_USER"_qs);
    login.password = value(u"MARIADB_PASSWORD"_qs);
    const ProbeAttempt afterProbes
        = driveProtocol(std::make_unique<MysqlProtocol>(login), port, probeHost);
    QVERIFY2(afterProbes.ok(), qPrintable(afterProbes.detail));

    const QHostAddress abortingHost(u"127.0.0.3"_qs);
    int aborted = 0;
    while (aborted < 10 && !greetAndClose(port, abortingHost).contains("is blocked"))
        ++aborted;
    qInfo("127.0.0.3 blocked after %d aborted handshakes", aborted);
    const ProbeAttempt blocked
        = driveProtocol(std::make_unique<MysqlProtocol>(login), port, abortingHost);
    QCOMPARE(blocked.outcome, ProbeOutcome::ProtocolError);
    QVERIFY2(blocked.detail.contains(u"is blocked because of many connection errors"_qs),
        qPrintable(blocked.detail));
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QString error;
    const auto loaded = loadEnvironment(qEnvironmentVariable("CHAOSLAB_SERVICES_ENV"), &error);
    if (!loaded) {
        std::fprintf(stderr, "SKIP: %s\n", qPrintable(error));
        return 77;
    }
    environment() = *loaded;
    TestServiceProbes test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_serviceprobes.moc"
