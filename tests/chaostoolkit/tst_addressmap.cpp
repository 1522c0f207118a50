// The --map forms that send the academy's host names and URLs to local addresses.
#include "chaostoolkit/addressmap.h"

#include <QTest>

using namespace chaoslab::chaostoolkit;
using namespace Qt::Literals::StringLiterals;

class TestAddressMap : public QObject
{
    Q_OBJECT

private slots:
    void hostMapKeepsThePort()
    {
        AddressMap map;
        QVERIFY(!map.add(u"toxiproxy=127.0.0.1"_s));
        QCOMPARE(map.mapUrl(QUrl(u"http://toxiproxy:6060/todos/1"_s)),
            QUrl(u"http://127.0.0.1:6060/todos/1"_s));
        const auto mapped = map.mapHostPort({ u"TOXIPROXY"_s, 8474 });
        QCOMPARE(mapped.host, u"127.0.0.1"_s);
        QCOMPARE(mapped.port, 8474);
    }

    void hostPortMapWinsOverHostMap()
    {
        AddressMap map;
        QVERIFY(!map.add(u"toxiproxy=127.0.0.1"_s));
        QVERIFY(!map.add(u"toxiproxy:6060=127.0.0.1:40000"_s));
        QCOMPARE(
            map.mapUrl(QUrl(u"http://toxiproxy:6060/x"_s)), QUrl(u"http://127.0.0.1:40000/x"_s));
        QCOMPARE(
            map.mapUrl(QUrl(u"http://toxiproxy:8474/x"_s)), QUrl(u"http://127.0.0.1:8474/x"_s));
    }

    void hostPortMapUsesTheSchemeDefaultPort()
    {
        AddressMap map;
        QVERIFY(!map.add(u"jsonplaceholder.typicode.com:80=127.0.0.1:8080"_s));
        QCOMPARE(map.mapUrl(QUrl(u"http://jsonplaceholder.typicode.com/todos/1"_s)),
            QUrl(u"http://127.0.0.1:8080/todos/1"_s));
        QCOMPARE(map.mapHostPort({ u"jsonplaceholder.typicode.com"_s, 80 }).port, 8080);
    }

    void urlPrefixMapRewritesSchemeAndHost()
    {
        AddressMap map;
        QVERIFY(!map.add(u"https://jsonplaceholder.typicode.com=http://127.0.0.1:8080"_s));
        QCOMPARE(map.mapUrl(QUrl(u"https://jsonplaceholder.typicode.com/todos/1?x=1"_s)),
            QUrl(u"http://127.0.0.1:8080/todos/1?x=1"_s));
        QCOMPARE(map.mapUrl(QUrl(u"https://jsonplaceholder.typicode.com.evil/x"_s)),
            QUrl(u"https://jsonplaceholder.typicode.com.evil/x"_s));
    }

    void unmappedAddressesStay()
    {
        AddressMap map;
        QVERIFY(!map.add(u"order-api=127.0.0.1"_s));
        QCOMPARE(map.mapUrl(QUrl(u"http://notifier:8082/health"_s)),
            QUrl(u"http://notifier:8082/health"_s));
        QVERIFY(!map.hasEntryFor({ u"notifier"_s, 8082 }));
    }

    void invalidEntriesAreRejected()
    {
        AddressMap map;
        QVERIFY(map.add(u"noequals"_s));
        QVERIFY(map.add(u"host=127.0.0.1:80"_s));
        QVERIFY(map.add(u"host:80=127.0.0.1"_s));
        QVERIFY(map.add(u"https://a=b"_s));
        QVERIFY(map.add(u"x==y"_s));
        QVERIFY(map.add(u"https://a.example=http://127.0.0.1:80https://b=http://c"_s));
        QVERIFY(map.add(u"a=b c=d"_s));
        QVERIFY(map.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAddressMap)
#include "tst_addressmap.moc"
