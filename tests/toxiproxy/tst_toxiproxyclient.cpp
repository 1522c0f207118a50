// Every call of ToxiproxyClient round trip against the built-in engine, run as
// `chaoslab serve` on a free loopback port.
#include "clienttestsupport.h"
#include "engineprocess.h"
#include "toxiproxy/toxiproxyclient.h"

#include <QTest>

#include <memory>

using namespace chaoslab::toxiproxy;
using namespace Qt::StringLiterals;

class TestToxiproxyClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void versionIsReported();
    void proxyLifecycle();
    void proxyUpdatesEachField();
    void duplicateProxyConflicts();
    void missingProxyNotFound();
    void populateCreatesAndReplaces();
    void toxicLifecycle();
    void duplicateToxicConflicts();
    void invalidToxicTypeRejected();
    void resetRemovesToxicsAndEnables();

private:
    Proxy makeProxy(const QString& name) const;

    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<ToxiproxyClient> m_client;
    // Nothing listens there: the engine accepts any upstream address.
    QString m_upstream;
};

namespace {

Toxic latencyToxic(qint64 milliseconds)
{
    Toxic toxic;
    toxic.type = u"latency"_s;
    toxic.setAttribute(u"latency"_s, milliseconds);
    toxic.setAttribute(u"jitter"_s, 10);
    return toxic;
}

} // namespace

void TestToxiproxyClient::initTestCase()
{
    m_upstream = u"127.0.0.1:%1"_s.arg(unusedPort());
    m_engine = std::make_unique<EngineProcess>(unusedPort());
    m_engine->start();
    QTRY_VERIFY2_WITH_TIMEOUT(m_engine->isReady(), qPrintable(m_engine->diagnostics()), 10000);
    m_client = std::make_unique<ToxiproxyClient>(m_engine->url());
}

// Deletes every proxy, so that each test starts from an empty server.
void TestToxiproxyClient::cleanup()
{
    auto listed = std::make_shared<Outcome<QList<Proxy>>>();
    m_client->listProxies(this, recordInto(listed));
    AWAIT_SUCCESS(listed);
    for (const auto& proxy : listed->value) {
        auto deleted = std::make_shared<DoneOutcome>();
        m_client->deleteProxy(proxy.name, this, recordInto(deleted));
        AWAIT_SUCCESS(deleted);
    }
}

Proxy TestToxiproxyClient::makeProxy(const QString& name) const
{
    return { name, u"127.0.0.1:0"_s, m_upstream, true, {} };
}

void TestToxiproxyClient::versionIsReported()
{
    auto version = std::make_shared<Outcome<QString>>();
    m_client->version(this, recordInto(version));
    AWAIT_SUCCESS(version);
    QCOMPARE(version->result.httpStatus, 200);
    QVERIFY(!version->value.isEmpty());
    QVERIFY2(version->value.front().isDigit(), qPrintable(version->value));
}

void TestToxiproxyClient::proxyLifecycle()
{
    auto created = std::make_shared<Outcome<Proxy>>();
    m_client->createProxy(makeProxy(u"redis"_s), this, recordInto(created));
    AWAIT_SUCCESS(created);
    QCOMPARE(created->result.httpStatus, 201);
    QCOMPARE(created->value.name, u"redis");
    QCOMPARE(created->value.upstream, m_upstream);
    QVERIFY(created->value.enabled);
    QVERIFY2(!created->value.listen.endsWith(u":0"), qPrintable(created->value.listen));

    auto read = std::make_shared<Outcome<Proxy>>();
    m_client->getProxy(u"redis"_s, this, recordInto(read));
    AWAIT_SUCCESS(read);
    QCOMPARE(read->value, created->value);

    auto listed = std::make_shared<Outcome<QList<Proxy>>>();
    m_client->listProxies(this, recordInto(listed));
    AWAIT_SUCCESS(listed);
    QCOMPARE(listed->value, QList<Proxy> { created->value });

    auto deleted = std::make_shared<DoneOutcome>();
    m_client->deleteProxy(u"redis"_s, this, recordInto(deleted));
    AWAIT_SUCCESS(deleted);
    QCOMPARE(deleted->result.httpStatus, 204);

    auto missing = std::make_shared<Outcome<Proxy>>();
    m_client->getProxy(u"redis"_s, this, recordInto(missing));
    AWAIT_CALL(missing);
    QCOMPARE(missing->result.error, ErrorKind::NotFound);
}

void TestToxiproxyClient::proxyUpdatesEachField()
{
    auto created = std::make_shared<Outcome<Proxy>>();
    m_client->createProxy(makeProxy(u"mysql"_s), this, recordInto(created));
    AWAIT_SUCCESS(created);

    auto disabled = std::make_shared<Outcome<Proxy>>();
    m_client->setProxyEnabled(u"mysql"_s, false, this, recordInto(disabled));
    AWAIT_SUCCESS(disabled);
    QCOMPARE(disabled->value.enabled, false);
    QCOMPARE(disabled->value.upstream, m_upstream);

    auto enabled = std::make_shared<Outcome<Proxy>>();
    m_client->setProxyEnabled(u"mysql"_s, true, this, recordInto(enabled));
    AWAIT_SUCCESS(enabled);
    QCOMPARE(enabled->value.enabled, true);

    const auto newListen = u"127.0.0.1:%1"_s.arg(unusedPort());
    const auto newUpstream = u"127.0.0.1:%1"_s.arg(unusedPort());
    ProxyUpdate update;
    update.listen = newListen;
    update.upstream = newUpstream;
    auto moved = std::make_shared<Outcome<Proxy>>();
    m_client->updateProxy(u"mysql"_s, update, this, recordInto(moved));
    AWAIT_SUCCESS(moved);
    QCOMPARE(moved->value.listen, newListen);
    QCOMPARE(moved->value.upstream, newUpstream);
    QCOMPARE(moved->value.enabled, true);
}

void TestToxiproxyClient::duplicateProxyConflicts()
{
    auto first = std::make_shared<Outcome<Proxy>>();
    m_client->createProxy(makeProxy(u"twice"_s), this, recordInto(first));
    AWAIT_SUCCESS(first);

    auto second = std::make_shared<Outcome<Proxy>>();
    m_client->createProxy(makeProxy(u"twice"_s), this, recordInto(second));
    AWAIT_CALL(second);
    QCOMPARE(second->result.error, ErrorKind::Conflict);
    QCOMPARE(second->result.httpStatus, 409);
    QVERIFY(!second->result.serverMessage.isEmpty());
    QVERIFY2(second->result.message.contains(u"\"twice\""), qPrintable(second->result.message));
}

void TestToxiproxyClient::missingProxyNotFound()
{
    auto missing = std::make_shared<Outcome<QList<Toxic>>>();
    m_client->listToxics(u"nope"_s, this, recordInto(missing));
    AWAIT_CALL(missing);
    QCOMPARE(missing->result.error, ErrorKind::NotFound);
    QCOMPARE(missing->result.httpStatus, 404);
    QVERIFY(!missing->result.serverMessage.isEmpty());
    QVERIFY2(missing->result.message.contains(m_engine->url().toString()),
        qPrintable(missing->result.message));
}

void TestToxiproxyClient::populateCreatesAndReplaces()
{
    auto first = std::make_shared<Outcome<QList<Proxy>>>();
    m_client->populate({ makeProxy(u"pop1"_s), makeProxy(u"pop2"_s) }, this, recordInto(first));
    AWAIT_SUCCESS(first);
    QCOMPARE(first->value.size(), 2);
    QCOMPARE(first->value[0].name, u"pop1");
    QCOMPARE(first->value[1].name, u"pop2");

    auto replaced = makeProxy(u"pop2"_s);
    replaced.upstream = u"127.0.0.1:%1"_s.arg(unusedPort());
    auto second = std::make_shared<Outcome<QList<Proxy>>>();
    m_client->populate({ replaced }, this, recordInto(second));
    AWAIT_SUCCESS(second);
    QCOMPARE(second->value.size(), 1);
    QCOMPARE(second->value[0].upstream, replaced.upstream);

    auto listed = std::make_shared<Outcome<QList<Proxy>>>();
    m_client->listProxies(this, recordInto(listed));
    AWAIT_SUCCESS(listed);
    QCOMPARE(listed->value.size(), 2);
}

void TestToxiproxyClient::toxicLifecycle()
{
    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_client->createProxy(makeProxy(u"api"_s), this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);

    auto created = std::make_shared<Outcome<Toxic>>();
    m_client->createToxic(u"api"_s, latencyToxic(100), this, recordInto(created));
    AWAIT_SUCCESS(created);
    QCOMPARE(created->value.name, u"latency_downstream");
    QCOMPARE(created->value.stream, ToxicStream::Downstream);
    QCOMPARE(created->value.attribute(u"latency"), 100);
    QCOMPARE(created->value.attribute(u"jitter"), 10);

    auto listed = std::make_shared<Outcome<QList<Toxic>>>();
    m_client->listToxics(u"api"_s, this, recordInto(listed));
    AWAIT_SUCCESS(listed);
    QCOMPARE(listed->value, QList<Toxic> { created->value });

    ToxicUpdate update;
    update.attributes.append({ u"latency"_s, 250 });
    auto updated = std::make_shared<Outcome<Toxic>>();
    m_client->updateToxic(u"api"_s, u"latency_downstream"_s, update, this, recordInto(updated));
    AWAIT_SUCCESS(updated);
    QCOMPARE(updated->value.attribute(u"latency"), 250);
    QCOMPARE(updated->value.attribute(u"jitter"), 10);

    ToxicUpdate toxicity;
    toxicity.toxicity = 0.5;
    auto halved = std::make_shared<Outcome<Toxic>>();
    m_client->updateToxic(u"api"_s, u"latency_downstream"_s, toxicity, this, recordInto(halved));
    AWAIT_SUCCESS(halved);
    QCOMPARE(halved->value.toxicity, 0.5);
    QCOMPARE(halved->value.attribute(u"latency"), 250);

    auto read = std::make_shared<Outcome<Toxic>>();
    m_client->getToxic(u"api"_s, u"latency_downstream"_s, this, recordInto(read));
    AWAIT_SUCCESS(read);
    QCOMPARE(read->value, halved->value);

    auto deleted = std::make_shared<DoneOutcome>();
    m_client->deleteToxic(u"api"_s, u"latency_downstream"_s, this, recordInto(deleted));
    AWAIT_SUCCESS(deleted);
    QCOMPARE(deleted->result.httpStatus, 204);

    auto missing = std::make_shared<Outcome<Toxic>>();
    m_client->getToxic(u"api"_s, u"latency_downstream"_s, this, recordInto(missing));
    AWAIT_CALL(missing);
    QCOMPARE(missing->result.error, ErrorKind::NotFound);
}

void TestToxiproxyClient::duplicateToxicConflicts()
{
    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_client->createProxy(makeProxy(u"dup"_s), this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);
    auto toxic = latencyToxic(5);
    toxic.name = u"slow"_s;
    toxic.stream = ToxicStream::Upstream;

    auto first = std::make_shared<Outcome<Toxic>>();
    m_client->createToxic(u"dup"_s, toxic, this, recordInto(first));
    AWAIT_SUCCESS(first);
    QCOMPARE(first->value.stream, ToxicStream::Upstream);

    auto second = std::make_shared<Outcome<Toxic>>();
    m_client->createToxic(u"dup"_s, toxic, this, recordInto(second));
    AWAIT_CALL(second);
    QCOMPARE(second->result.error, ErrorKind::Conflict);
    QCOMPARE(second->result.httpStatus, 409);
}

void TestToxiproxyClient::invalidToxicTypeRejected()
{
    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_client->createProxy(makeProxy(u"bad"_s), this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);
    Toxic toxic;
    toxic.type = u"explode"_s;

    auto rejected = std::make_shared<Outcome<Toxic>>();
    m_client->createToxic(u"bad"_s, toxic, this, recordInto(rejected));
    AWAIT_CALL(rejected);
    QCOMPARE(rejected->result.error, ErrorKind::ClientError);
    QCOMPARE(rejected->result.httpStatus, 400);
    QVERIFY(!rejected->result.serverMessage.isEmpty());
}

void TestToxiproxyClient::resetRemovesToxicsAndEnables()
{
    auto proxy = std::make_shared<Outcome<Proxy>>();
    m_client->createProxy(makeProxy(u"web"_s), this, recordInto(proxy));
    AWAIT_SUCCESS(proxy);
    auto toxic = std::make_shared<Outcome<Toxic>>();
    m_client->createToxic(u"web"_s, latencyToxic(50), this, recordInto(toxic));
    AWAIT_SUCCESS(toxic);
    auto disabled = std::make_shared<Outcome<Proxy>>();
    m_client->setProxyEnabled(u"web"_s, false, this, recordInto(disabled));
    AWAIT_SUCCESS(disabled);
    QCOMPARE(disabled->value.toxics.size(), 1);

    auto reset = std::make_shared<DoneOutcome>();
    m_client->reset(this, recordInto(reset));
    AWAIT_SUCCESS(reset);
    QCOMPARE(reset->result.httpStatus, 204);

    auto read = std::make_shared<Outcome<Proxy>>();
    m_client->getProxy(u"web"_s, this, recordInto(read));
    AWAIT_SUCCESS(read);
    QVERIFY(read->value.enabled);
    QVERIFY(read->value.toxics.isEmpty());
}

QTEST_GUILESS_MAIN(TestToxiproxyClient)
#include "tst_toxiproxyclient.moc"
