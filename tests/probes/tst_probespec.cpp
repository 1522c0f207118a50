// Probe specs from URLs: every scheme with its default port, user, password and database,
// errors that name the bad part, and the display URL that leaves the password out.
#include "probes/probespec.h"

#include <QTest>

using namespace chaoslab::probes;
using namespace Qt::Literals::StringLiterals;

class TestProbeSpec : public QObject
{
    Q_OBJECT

private slots:
    void kindNamesRoundTrip();
    void schemesGetDefaultPorts_data();
    void schemesGetDefaultPorts();
    void httpKeepsPathAndQuery();
    void httpUserBecomesBasicCredentials();
    void serviceUrlReadsCredentialsAndDatabase();
    void amqpVirtualHostIsDecoded();
    void postgresqlSchemeIsPostgres();
    void ipv6HostIsAccepted();
    void invalidUrlsNameTheBadPart_data();
    void invalidUrlsNameTheBadPart();
    void displayUrlLeavesPasswordOut();
    void displayUrlRoundTrips_data();
    void displayUrlRoundTrips();
    void equalityComparesEveryField();
};

namespace {

ProbeSpec parsed(const QString& url)
{
    QString error;
    const auto spec = ProbeSpec::fromUrl(QUrl(url), &error);
    if (!spec)
        qWarning("%s: %s", qPrintable(url), qPrintable(error));
    return spec.value_or(ProbeSpec {});
}

} // namespace

void TestProbeSpec::kindNamesRoundTrip()
{
    for (const auto kind : { ProbeKind::Tcp, ProbeKind::Http, ProbeKind::Https, ProbeKind::Redis,
             ProbeKind::Mysql, ProbeKind::Postgres, ProbeKind::Amqp, ProbeKind::Mongodb }) {
        QVERIFY(!kindName(kind).isEmpty());
        QCOMPARE(kindFromName(kindName(kind)), kind);
    }
    QCOMPARE(kindFromName(u"ftp"_s), std::nullopt);
    QCOMPARE(kindFromName(u"HTTP"_s), std::nullopt);
}

void TestProbeSpec::schemesGetDefaultPorts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("port");
    QTest::newRow("http") << u"http://example.test"_s << int(ProbeKind::Http) << 80;
    QTest::newRow("https") << u"https://example.test/"_s << int(ProbeKind::Https) << 443;
    QTest::newRow("redis") << u"redis://cache"_s << int(ProbeKind::Redis) << 6379;
    QTest::newRow("mysql") << u"mysql://db"_s << int(ProbeKind::Mysql) << 3306;
    QTest::newRow("postgres") << u"postgres://db"_s << int(ProbeKind::Postgres) << 5432;
    QTest::newRow("amqp") << u"amqp://broker"_s << int(ProbeKind::Amqp) << 5672;
    QTest::newRow("mongodb") << u"mongodb://docs"_s << int(ProbeKind::Mongodb) << 27017;
    QTest::newRow("explicit port wins") << u"http://h:8080"_s << int(ProbeKind::Http) << 8080;
    QTest::newRow("upper-case scheme") << u"TCP://h:9"_s << int(ProbeKind::Tcp) << 9;
}

void TestProbeSpec::schemesGetDefaultPorts()
{
    QFETCH(QString, url);
    QFETCH(int, kind);
    QFETCH(int, port);
    QString error;
    const auto spec = ProbeSpec::fromUrl(QUrl(url), &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(int(spec->kind), kind);
    QCOMPARE(int(spec->port), port);
    QCOMPARE(spec->label, spec->displayUrl().toDisplayString());
}

void TestProbeSpec::httpKeepsPathAndQuery()
{
    const auto spec = parsed(u"http://127.0.0.1:8080/todos/1?userId=2&x=a%20b#top"_s);
    QCOMPARE(spec.host, u"127.0.0.1"_s);
    QCOMPARE(spec.port, 8080);
    QCOMPARE(spec.path, u"/todos/1?userId=2&x=a%20b"_s);
    QCOMPARE(parsed(u"http://h"_s).path, u"/"_s);
}

void TestProbeSpec::httpUserBecomesBasicCredentials()
{
    const auto spec = parsed(u"https://ann:s3cret@h/"_s);
    QCOMPARE(spec.user, u"ann"_s);
    QCOMPARE(spec.password, u"s3cret"_s);
}

void TestProbeSpec::serviceUrlReadsCredentialsAndDatabase()
{
    const auto mysql = parsed(u"mysql://app:pw@127.0.0.1:3307/orders"_s);
    QCOMPARE(mysql.kind, ProbeKind::Mysql);
    QCOMPARE(mysql.user, u"app"_s);
    QCOMPARE(mysql.password, u"pw"_s);
    QCOMPARE(mysql.database, u"orders"_s);
    QCOMPARE(mysql.port, 3307);

    const auto redis = parsed(u"redis://:pw@cache/2"_s);
    QCOMPARE(redis.user, QString());
    QCOMPARE(redis.password, u"pw"_s);
    QCOMPARE(redis.database, u"2"_s);

    QCOMPARE(parsed(u"mongodb://docs:27018"_s).database, QString());
}

void TestProbeSpec::amqpVirtualHostIsDecoded()
{
    QCOMPARE(parsed(u"amqp://guest:guest@broker/%2f"_s).database, u"/"_s);
    QCOMPARE(parsed(u"amqp://guest:guest@broker/lab"_s).database, u"lab"_s);
    QCOMPARE(parsed(u"amqp://guest:guest@broker"_s).database, QString());
}

void TestProbeSpec::postgresqlSchemeIsPostgres()
{
    const auto spec = parsed(u"postgresql://postgres@127.0.0.1/postgres"_s);
    QCOMPARE(spec.kind, ProbeKind::Postgres);
    QCOMPARE(spec.port, 5432);
    QCOMPARE(spec.displayUrl().scheme(), u"postgres"_s);
}

void TestProbeSpec::ipv6HostIsAccepted()
{
    const auto spec = parsed(u"tcp://[::1]:6000"_s);
    QCOMPARE(spec.host, u"::1"_s);
    QCOMPARE(spec.port, 6000);
    QCOMPARE(spec.displayUrl().toString(), u"tcp://[::1]:6000"_s);
}

void TestProbeSpec::invalidUrlsNameTheBadPart_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("port above 65535")
        << u"tcp://h:99999"_s << u"port 99999 in tcp://h:99999 is out of range 1-65535"_s;
    QTest::newRow("port 0") << u"tcp://h:0"_s << u"port 0 in tcp://h:0 is out of range 1-65535"_s;
    QTest::newRow("port not a number") << u"http://h:abc/"_s << u"port \"abc\" in"_s;
    QTest::newRow("tcp without port") << u"tcp://h"_s << u"tcp:// needs a port"_s;
    QTest::newRow("unknown scheme")
        << u"ftp://h/"_s
        << u"unknown scheme ftp: use tcp, http, https, redis, mysql, postgres, amqp or mongodb"_s;
    QTest::newRow("amqps") << u"amqps://h"_s << u"scheme amqps (TLS) is not supported"_s;
    QTest::newRow("rediss") << u"rediss://h"_s << u"without TLS with redis://"_s;
    QTest::newRow("missing host") << u"http:///path"_s << u"missing host"_s;
    QTest::newRow("missing scheme") << u"//h:80"_s << u"missing scheme"_s;
    QTest::newRow("tcp with path") << u"tcp://h:80/x"_s << u"path \"/x\""_s;
    QTest::newRow("query on redis") << u"redis://h/0?timeout=1"_s << u"query \"?timeout=1\""_s;
}

void TestProbeSpec::invalidUrlsNameTheBadPart()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    QString error;
    QCOMPARE(ProbeSpec::fromUrl(QUrl(url), &error), std::nullopt);
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestProbeSpec::displayUrlLeavesPasswordOut()
{
    const auto spec = parsed(u"mysql://app:topsecret@db:3307/orders"_s);
    const auto text = spec.displayUrl().toString();
    QCOMPARE(text, u"mysql://app@db:3307/orders"_s);
    QVERIFY(!spec.label.contains(u"topsecret"));
}

void TestProbeSpec::displayUrlRoundTrips_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("tcp") << u"tcp://127.0.0.1:5432"_s;
    QTest::newRow("http path and query") << u"http://127.0.0.1:8080/todos?userId=1"_s;
    QTest::newRow("https default port") << u"https://example.test/health"_s;
    QTest::newRow("redis database") << u"redis://cache/3"_s;
    QTest::newRow("amqp slash vhost") << u"amqp://guest@broker/%2F"_s;
}

void TestProbeSpec::displayUrlRoundTrips()
{
    QFETCH(QString, url);
    const auto spec = parsed(url);
    QCOMPARE(spec.displayUrl().toString(), url);
    QCOMPARE(parsed(spec.displayUrl().toString()), spec);
}

void TestProbeSpec::equalityComparesEveryField()
{
    const auto base = parsed(u"http://h:81/x"_s);
    QVERIFY(base == parsed(u"http://h:81/x"_s));
    auto changed = base;
    changed.keepAlive = true;
    QVERIFY(!(base == changed));
    changed = base;
    changed.insecure = true;
    QVERIFY(!(base == changed));
    changed = base;
    changed.headers.append(qMakePair(QByteArray("X-Lab"), QByteArray("1")));
    QVERIFY(!(base == changed));
    changed = base;
    changed.timeout = std::chrono::milliseconds(1);
    QVERIFY(!(base == changed));
}

QTEST_GUILESS_MAIN(TestProbeSpec)
#include "tst_probespec.moc"
