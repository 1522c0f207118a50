// Which Toxiproxy addresses count as this computer. Decided from the text alone: these
// tests never open a connection.
#include "hostlocality.h"

#include <QTest>

using namespace chaoslab::host;

class TestHostLocality : public QObject
{
    Q_OBJECT

private slots:
    void loopbackHost_data();
    void loopbackHost();
    void builtInServesOnlyLocalHttp_data();
    void builtInServesOnlyLocalHttp();
    void localhostBindsIpv4Loopback();
};

void TestHostLocality::loopbackHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("IPv4 loopback") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("end of 127/8") << QStringLiteral("127.255.255.254") << true;
    QTest::newRow("start of 127/8") << QStringLiteral("127.0.0.0") << true;
    QTest::newRow("IPv6 loopback") << QStringLiteral("::1") << true;
    QTest::newRow("IPv6 loopback in brackets") << QStringLiteral("[::1]") << true;
    QTest::newRow("IPv6 loopback in full") << QStringLiteral("0:0:0:0:0:0:0:1") << true;
    QTest::newRow("IPv4-mapped loopback") << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("localhost") << QStringLiteral("localhost") << true;
    QTest::newRow("localhost in capitals") << QStringLiteral("LocalHost") << true;
    QTest::newRow("localhost with trailing dot") << QStringLiteral("localhost.") << true;
    QTest::newRow("after 127/8") << QStringLiteral("128.0.0.1") << false;
    QTest::newRow("documentation address") << QStringLiteral("192.0.2.1") << false;
    QTest::newRow("private address") << QStringLiteral("10.0.0.1") << false;
    QTest::newRow("every IPv4 interface") << QStringLiteral("0.0.0.0") << false;
    QTest::newRow("every IPv6 interface") << QStringLiteral("::") << false;
    QTest::newRow("IPv4-mapped documentation address")
        << QStringLiteral("::ffff:192.0.2.1") << false;
    QTest::newRow("link-local IPv6") << QStringLiteral("fe80::1") << false;
    QTest::newRow("docker service name") << QStringLiteral("toxiproxy") << false;
    QTest::newRow("name under localhost") << QStringLiteral("localhost.example.com") << false;
    QTest::newRow("name resembling loopback") << QStringLiteral("127.0.0.1.example.com") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestHostLocality::loopbackHost()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);

    QCOMPARE(isLoopbackHost(host), loopback);
}

void TestHostLocality::builtInServesOnlyLocalHttp_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("default address") << QStringLiteral("http://127.0.0.1:8474") << true;
    QTest::newRow("localhost without port") << QStringLiteral("http://localhost") << true;
    QTest::newRow("IPv6 loopback") << QStringLiteral("http://[::1]:8474") << true;
    QTest::newRow("https on loopback") << QStringLiteral("https://127.0.0.1:8474") << false;
    QTest::newRow("remote address") << QStringLiteral("http://192.0.2.1:8474") << false;
    QTest::newRow("docker service name") << QStringLiteral("http://toxiproxy:8474") << false;
    QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:8474") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestHostLocality::builtInServesOnlyLocalHttp()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);

    QCOMPARE(canHostBuiltIn(QUrl(url)), allowed);
}

void TestHostLocality::localhostBindsIpv4Loopback()
{
    QCOMPARE(bindAddressFor(QStringLiteral("localhost")), QStringLiteral("127.0.0.1"));
    QCOMPARE(bindAddressFor(QStringLiteral("LOCALHOST.")), QStringLiteral("127.0.0.1"));
    QCOMPARE(bindAddressFor(QStringLiteral("127.0.0.2")), QStringLiteral("127.0.0.2"));
    QCOMPARE(bindAddressFor(QStringLiteral("::1")), QStringLiteral("::1"));
}

QTEST_GUILESS_MAIN(TestHostLocality)

#include "tst_hostlocality.moc"
