// Plays the bundled service labs (MariaDB, Redis, RabbitMQ) through against the built-in
// engine and real servers started by tests/services/services.sh on free 127.0.0.1 ports (the
// `services` test fixture). Each lab is loaded from labs/ and its addresses and logins are
// rewritten to those servers before it is played, so the lab text and checks are the bundled
// ones.
//
// The labs name their service by the proxy's listen address, which works both with the
// local stack of `chaoslab env up` and with the Docker compose stack, where only the
// proxies' ports are published. So the tests also check that the service check reports the
// service missing while no proxy listens, and that a lab uses a proxy that already exists
// with another upstream, as the compose stack's do, and leaves it in place.
//
// CHAOSLAB_SERVICES_ENV names the services.env file that services.sh writes. The test exits
// with 77 (skipped) when that file is missing; a lab whose server is missing is skipped.
#include "labplaythrough.h"
#include "servicesenv.h"

#include "lab/labloader.h"
#include "lab/servicecheck.h"

#include "builtinengine.h"

#include <QDateTime>
#include <QHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <set>

using namespace chaoslab;
using probes::ProbeOutcome;

namespace {

using servicestest::ServiceEnvironment;
using Outcomes = std::set<ProbeOutcome>;
// Step id to the outcomes every failed attempt must have while that step's toxic is on.
using ExpectedFailures = QHash<QString, Outcomes>;

// The upstream of the Docker compose stack's mysql_proxy, which does not resolve here.
const QString ComposeUpstream = u"mysql:3306"_qs;
constexpr qint64 SecondMs = 1000;

ServiceEnvironment& environment()
{
    static ServiceEnvironment values;
    return values;
}

// Returns a port that nothing listens on at the moment, for a proxy to bind right after.
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

// Points the lab's only proxy, service and probe at `listenPort` on 127.0.0.1, with the test
// server behind it and the test server's login in the probe URL.
void rewriteLab(
    lab::LabDocument& lab, const QString& service, quint16 listenPort, const QString& upstream)
{
    const QString listen = u"127.0.0.1:%1"_qs.arg(listenPort);
    lab.proxies[0].listen = listen;
    lab.proxies[0].upstream = upstream;
    lab.services[0].address = listen;

    QUrl url(lab.probes[0].url);
    url.setPort(listenPort);
    if (!url.userName().isEmpty()) {
        url.setUserName(environment().value(service + u"_USER"_qs));
        url.setPassword(environment().value(service + u"_PASSWORD"_qs));
    }
    // The test server has no `orders` database, which the academy's stack creates.
    if (url.scheme() == u"mysql")
        url.setPath({});
    lab.probes[0].url = url.toString();
}

// Returns the services that the lab player's service check finds missing.
QList<lab::LabService> missingServices(const lab::LabDocument& lab)
{
    lab::ServiceCheck check;
    QSignalSpy finished(&check, &lab::ServiceCheck::finished);
    check.run(lab.services);
    if (!finished.wait(lab::ServiceCheck::TimeoutMs * 2))
        return lab.services;
    return finished.first().first().value<QList<lab::LabService>>();
}

} // namespace

Q_DECLARE_METATYPE(ExpectedFailures)

class TestServiceLabs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void playsThrough_data();
    void playsThrough();

private:
    std::unique_ptr<host::BuiltInEngine> m_engine;
    std::unique_ptr<toxiproxy::ToxiproxyClient> m_client;
    std::unique_ptr<toxiproxy::ServerMonitor> m_monitor;
};

void TestServiceLabs::initTestCase()
{
    qRegisterMetaType<QList<lab::LabService>>();
    m_engine = std::make_unique<host::BuiltInEngine>();
    const auto error = m_engine->start("127.0.0.1", 0);
    QVERIFY2(!error, error ? error->c_str() : "");
    m_client = std::make_unique<toxiproxy::ToxiproxyClient>(
        QUrl(QStringLiteral("http://%1").arg(QString::fromStdString(m_engine->apiAddress()))));
    m_monitor = std::make_unique<toxiproxy::ServerMonitor>(m_client.get());
    m_monitor->start();
}

void TestServiceLabs::playsThrough_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("service");
    QTest::addColumn<bool>("proxyExists");
    QTest::addColumn<ExpectedFailures>("failures");

    const ExpectedFailures database { { u"silent"_qs, { ProbeOutcome::TimedOut } } };
    QTest::newRow("database-mariadb")
        << u"database-mariadb"_qs << u"MARIADB"_qs << false << database;
    QTest::newRow("database-mariadb, compose proxy")
        << u"database-mariadb"_qs << u"MARIADB"_qs << true << database;

    const ExpectedFailures cache {
        { u"hang"_qs, { ProbeOutcome::TimedOut } },
        { u"reset"_qs, { ProbeOutcome::Reset } },
    };
    QTest::newRow("redis-cache") << u"redis-cache"_qs << u"REDIS"_qs << false << cache;

    // The proxy closes the connection in the middle of the broker's first frame.
    const ExpectedFailures broker { { u"cut"_qs, { ProbeOutcome::ClosedAfterConnect } } };
    QTest::newRow("rabbitmq-broker") << u"rabbitmq-broker"_qs << u"RABBITMQ"_qs << false << broker;
}

void TestServiceLabs::playsThrough()
{
    QFETCH(QString, name);
    QFETCH(QString, service);
    QFETCH(bool, proxyExists);
    QFETCH(ExpectedFailures, failures);
    const QString servicePort = environment().value(service + u"_PORT"_qs);
    if (servicePort.isEmpty())
        QSKIP(qPrintable(service + u" is not running; tests/services/services.sh install adds it"));

    const lab::LabLoadResult loaded
        = lab::loadLabFile(QStringLiteral(BUNDLED_LABS "/%1.json").arg(name));
    QVERIFY2(loaded.ok(), qPrintable(loaded.issues.value(0).message));
    lab::LabDocument lab = loaded.lab;
    QCOMPARE(lab.proxies.size(), 1);
    QCOMPARE(lab.services.size(), 1);
    QCOMPARE(lab.probes.size(), 1);
    const quint16 listenPort = freePort();
    QVERIFY(listenPort != 0);
    const QString upstream = u"127.0.0.1:"_qs + servicePort;
    rewriteLab(lab, service, listenPort, proxyExists ? ComposeUpstream : upstream);
    const QString proxyName = lab.proxies[0].name;

    QCOMPARE(missingServices(lab).size(), 1);
    std::optional<toxiproxy::Proxy> before;
    if (proxyExists) {
        const auto created = m_engine->engine().createProxy({ proxyName.toStdString(),
            lab.proxies[0].listen.toStdString(), upstream.toStdString(), true });
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        m_monitor->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->findProxy(proxyName) != nullptr, 5000);
        before = *m_monitor->findProxy(proxyName);
    }

    QTemporaryDir data;
    QVERIFY(data.isValid());
    labtest::playThrough(lab, m_client.get(), m_monitor.get(), data.path(),
        [&](const lab::LabStep& step, lab::LabSession& session) {
            if (step.id == u"baseline")
                QVERIFY(missingServices(lab).isEmpty());
            if (!failures.contains(step.id))
                return;
            // The step's check passed on the last closed second, so every attempt that ended
            // in it or in the second still open ran under this step's toxic.
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const probes::ProbeSummary summary = labtest::attemptsSince(
                session, lab.probes[0].id, now - now % SecondMs - SecondMs);
            qInfo("%s: %s", qPrintable(step.id), qPrintable(labtest::describeOutcomes(summary)));
            const Outcomes& expected = failures[step.id];
            int counted = 0;
            for (const ProbeOutcome outcome : expected)
                counted += summary.outcomes[int(outcome)];
            QVERIFY2(summary.errors() > 0, qPrintable(labtest::describeOutcomes(summary)));
            QVERIFY2(counted == summary.errors(), qPrintable(labtest::describeOutcomes(summary)));
        });
    if (QTest::currentTestFailed())
        return;

    m_monitor->refreshNow();
    if (proxyExists) {
        QTRY_VERIFY_WITH_TIMEOUT(*m_monitor->findProxy(proxyName) == *before, 5000);
        QVERIFY(!m_engine->engine().removeProxy(proxyName.toStdString()));
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->findProxy(proxyName) == nullptr, 5000);
    }
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString path = qEnvironmentVariable("CHAOSLAB_SERVICES_ENV");
    const auto loaded = servicestest::readServicesFile(path);
    if (!loaded) {
        std::fprintf(stderr,
            "SKIP: no services file at '%s'; run the `services_start` test or "
            "tests/services/services.sh start redis mariadb rabbitmq --dir D and set "
            "CHAOSLAB_SERVICES_ENV=D/services.env\n",
            qPrintable(path));
        return 77;
    }
    environment() = *loaded;
    TestServiceLabs test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_servicelabs.moc"
