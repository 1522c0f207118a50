// Configuration files of `chaoslab serve -config`: valid files and each kind of error.
#include "proxyconfigfile.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace chaoslab::engine;

class TestProxyConfigFile : public QObject
{
    Q_OBJECT

private slots:
    void readsProxies();
    void emptyArrayIsValid();
    void missingFileNamesPath();
    void directoryIsRejected();
    void syntaxErrorHasLineAndColumn();
    void invalidFiles_data();
    void invalidFiles();
};

namespace {

QString messageOf(const Result<std::vector<PopulateEntry>>& result)
{
    return QString::fromStdString(result.error().message);
}

} // namespace

void TestProxyConfigFile::readsProxies()
{
    const auto result = parseProxyConfig(R"([
        {"name": "mysql", "listen": "127.0.0.1:13306", "upstream": "127.0.0.1:3306"},
        {"name": "redis", "listen": "127.0.0.1:0", "upstream": "localhost:6379", "enabled": false},
        {"NAME": "api", "upstream": "127.0.0.1:8080", "unknown": [1, 2]}
    ])",
        "proxies.json");
    QVERIFY(result.ok());
    const auto& entries = result.value();
    QCOMPARE(entries.size(), size_t(3));
    QCOMPARE(entries[0].name, std::string("mysql"));
    QCOMPARE(entries[0].listen, std::string("127.0.0.1:13306"));
    QVERIFY(!entries[0].enabled.has_value());
    QCOMPARE(entries[1].enabled, std::optional<bool>(false));
    QCOMPARE(entries[2].name, std::string("api"));
    QCOMPARE(entries[2].listen, std::string());
}

void TestProxyConfigFile::emptyArrayIsValid()
{
    const auto result = parseProxyConfig("[]", "empty.json");
    QVERIFY(result.ok());
    QVERIFY(result.value().empty());
}

void TestProxyConfigFile::missingFileNamesPath()
{
    const auto result = loadProxyConfigFile("/nonexistent/proxies.json");
    QVERIFY(!result.ok());
    QVERIFY2(
        messageOf(result).contains(u"/nonexistent/proxies.json"), qPrintable(messageOf(result)));
    QVERIFY2(messageOf(result).contains(u"No such file"), qPrintable(messageOf(result)));
}

void TestProxyConfigFile::directoryIsRejected()
{
    QTemporaryDir dir;
    const auto result = loadProxyConfigFile(dir.path().toStdString());
    QVERIFY(!result.ok());
    QVERIFY2(messageOf(result).contains(u"directory"), qPrintable(messageOf(result)));
}

void TestProxyConfigFile::syntaxErrorHasLineAndColumn()
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("broken.json")).toStdString();
    std::ofstream(path) << "[\n  {\"name\": \"a\",\n   \"upstream\": 127.0.0.1:9}\n]\n";
    const auto result = loadProxyConfigFile(path);
    QVERIFY(!result.ok());
    const auto expected = QString::fromStdString(path + ":3:");
    QVERIFY2(messageOf(result).startsWith(expected), qPrintable(messageOf(result)));
}

void TestProxyConfigFile::invalidFiles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const char* text, const char* expected) {
        QTest::newRow(name) << QByteArray(text) << QString::fromUtf8(expected);
    };
    row("object instead of array", R"({"name": "a"})", "p.json: expected a JSON array of proxies");
    row("entry not an object", R"([1])", "p.json: expected a JSON object for the proxy 1");
    row("name of wrong type", R"([{"name": 5, "upstream": "x:1"}])",
        "field \"name\" of the proxy 1");
    row("enabled as string", R"([{"name": "a", "upstream": "x:1", "enabled": "yes"}])",
        "field \"enabled\" of the proxy 1 must be true or false");
    row("missing name", R"([{"upstream": "x:1"}])",
        "p.json: proxy 1: missing required field \"name\"");
    row("missing upstream", R"([{"name": "a", "upstream": "x:1"}, {"name": "db"}])",
        "p.json: proxy 2 (\"db\"): missing required field \"upstream\"");
    row("listen without port", R"([{"name": "db", "listen": "127.0.0.1", "upstream": "x:1"}])",
        "p.json: proxy 1 (\"db\"): invalid listen address \"127.0.0.1\"");
    row("listen port out of range", R"([{"name": "db", "listen": ":70000", "upstream": "x:1"}])",
        "invalid port \"70000\"");
    row("duplicate name",
        R"([{"name": "db", "upstream": "x:1"}, {"name": "db", "upstream": "y:1"}])",
        "p.json: proxy 2: duplicate name \"db\", already used by proxy 1");
    row("empty file", "", "p.json:1:1:");
}

void TestProxyConfigFile::invalidFiles()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto result = parseProxyConfig(text.toStdString(), "p.json");
    QVERIFY(!result.ok());
    QVERIFY2(messageOf(result).contains(expected), qPrintable(messageOf(result)));
}

QTEST_GUILESS_MAIN(TestProxyConfigFile)
#include "tst_proxyconfigfile.moc"
