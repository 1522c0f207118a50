// The local lab stack from `chaoslab env up` (started once by envstack.sh for every test
// here): status, the proxies carrying each protocol, and a stop/start cycle on the same data.
#include "envstackclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

std::optional<EnvStackClient>& stack()
{
    static std::optional<EnvStackClient> client;
    return client;
}

bool orderSystemBuilt()
{
    const auto binDir = QFileInfo(QStringLiteral(CHAOSLAB_EXECUTABLE)).absolutePath();
    return QFileInfo(binDir + u"/chaoslab-order-api"_s).isExecutable()
        && QFileInfo(binDir + u"/chaoslab-notifier"_s).isExecutable();
}

// Returns whether the process runs. A zombie has ended and only waits for init to reap it.
bool processRuns(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const auto text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) != "Z";
}

// Returns the PIDs that `env up` recorded in the state file, such as RabbitMQ's epmd,
// start script and Erlang VM.
QList<qint64> recordedPids()
{
    QFile file(stack()->dir() + u"/state.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<qint64> pids;
    const auto processes = QJsonDocument::fromJson(file.readAll())[u"processes"_s].toArray();
    for (const auto& process : processes)
        pids.append(process[u"pid"_s].toInteger());
    return pids;
}

struct ApiReply
{
    int status = 0;
    QJsonObject body;
};

// Sends one request to a Toxiproxy API on 127.0.0.1 and waits for the whole response.
ApiReply callApi(
    quint16 port, const QByteArray& method, const QByteArray& path, const QJsonObject& body = {})
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(3000))
        return {};
    const auto content
        = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    socket.write(method + ' ' + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: tst_envstack\r\n"
          "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(content.size()) + "\r\nConnection: close\r\n\r\n" + content);
    QByteArray response;
    while (socket.waitForReadyRead(3000))
        response += socket.readAll();
    const auto statusLine = response.left(response.indexOf("\r\n")).split(' ');
    ApiReply reply;
    reply.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    reply.body = QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
    return reply;
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

// Starts `chaoslab serve` on `port`, as a Toxiproxy server that `env up` did not start.
bool startServe(QProcess& engine, quint16 port)
{
    engine.start(
        QStringLiteral(CHAOSLAB_EXECUTABLE), { u"serve"_s, u"--port"_s, QString::number(port) });
    return engine.waitForStarted()
        && QTest::qWaitFor([port] { return callApi(port, "GET", "/version").status == 200; }, 5000);
}

void stopServe(QProcess& engine)
{
    engine.terminate();
    engine.waitForFinished(5000);
}

// Creates the user's own redis_proxy on the server at `apiPort`, disabled, and returns its
// listen address.
QString createOwnRedisProxy(quint16 apiPort)
{
    const QString listen = u"127.0.0.1:%1"_s.arg(freePort());
    const QJsonObject own { { u"name"_s, u"redis_proxy"_s }, { u"listen"_s, listen },
        { u"upstream"_s, u"127.0.0.1:9"_s }, { u"enabled"_s, false } };
    return callApi(apiPort, "POST", "/proxies", own).status == 201 ? listen : QString();
}

// Writes the ports of a second stack in `dir`: the running stack's services, so that `up`
// starts none of them, the API at `apiPort` and free ports for the proxies. Returns the
// arguments that run `env` on that stack.
QStringList otherStackArguments(const QTemporaryDir& dir, quint16 apiPort)
{
    auto ports = stack()->ports();
    ports[u"api"_s] = apiPort;
    for (const auto& proxy : { u"mysql_proxy"_s, u"rabbitmq_proxy"_s, u"mongo_proxy"_s,
             u"redis_proxy"_s, u"postgres_proxy"_s, u"demo_api"_s })
        ports[proxy] = freePort();
    QFile portsFile(dir.filePath(u"ports.json"_s));
    if (!portsFile.open(QIODevice::WriteOnly))
        return {};
    portsFile.write(QJsonDocument(ports).toJson());
    return { u"--dir"_s, dir.filePath(u"stack"_s), u"--ports"_s, portsFile.fileName() };
}

// A Toxiproxy server that `up` did not start, holding a proxy of the user's with a lab
// proxy's name, and a second stack folder whose API it is.
struct OtherServer
{
    quint16 apiPort = freePort();
    QProcess engine;
    QString ownListen;
    QTemporaryDir dir;
    // The arguments that run `env` on the second stack.
    QStringList where;

    bool start()
    {
        if (!startServe(engine, apiPort) || !dir.isValid())
            return false;
        ownListen = createOwnRedisProxy(apiPort);
        where = otherStackArguments(dir, apiPort);
        return !ownListen.isEmpty() && !where.isEmpty();
    }
    ~OtherServer() { stopServe(engine); }
};

} // namespace

class TestEnvStack : public QObject
{
    Q_OBJECT

private slots:
    void statusShowsEveryServiceRunning();
    void statusTableListsServicesAndProxies();
    void probePassesThroughProxy_data();
    void probePassesThroughProxy();
    void mongoProxyReportsNoUpstream();
    void upWhenUpIsNoOp();
    void upRecreatesDeletedProxy();
    void downRestoresProxyOnOtherServer();
    void downRetriesProxiesOfStoppedServer();
    void upRepairsDisabledProxy();
    // Runs last: it stops the stack and starts it again on the same data.
    void downStopsEverythingAndUpRestarts();
};

void TestEnvStack::statusShowsEveryServiceRunning()
{
    QString diagnostics;
    const auto status = stack()->status(&diagnostics);
    QVERIFY2(!status.isEmpty(), qPrintable(diagnostics));
    QCOMPARE(status.value(u"engine"_s).toString(), u"started"_s);
    QCOMPARE(status.value(u"dir"_s).toString(), stack()->dir());
    QCOMPARE(status.value(u"api"_s).toString(), u"http://"_s + stack()->address(u"api"_s));

    QStringList expected { u"mariadb"_s, u"rabbitmq"_s, u"redis"_s, u"postgres"_s, u"demo-http"_s };
    if (orderSystemBuilt())
        expected << u"order-api"_s << u"notifier"_s;
    for (const auto& name : expected) {
        const auto service = findByName(status, u"services"_s, name);
        QVERIFY2(!service.isEmpty(), qPrintable(name + u" is missing from the status"_s));
        QVERIFY2(service.value(u"state"_s).toString() == u"running"_s,
            qPrintable(name + u": "_s + QString::fromUtf8(QJsonDocument(service).toJson())));
        QVERIFY2(service.value(u"pid"_s).toInteger() > 0, qPrintable(name));
        for (const auto* key : { "address", "detail", "fix" })
            QVERIFY2(service.contains(QLatin1StringView(key)), key);
    }
    QCOMPARE(findByName(status, u"services"_s, u"mariadb"_s).value(u"address"_s).toString(),
        stack()->address(u"mariadb"_s));
    QCOMPARE(
        findByName(status, u"services"_s, u"mongodb"_s).value(u"state"_s).toString(), u"missing"_s);

    for (const auto& name : { u"mysql_proxy"_s, u"rabbitmq_proxy"_s, u"mongo_proxy"_s,
             u"redis_proxy"_s, u"postgres_proxy"_s, u"demo_api"_s }) {
        const auto proxy = findByName(status, u"proxies"_s, name);
        QVERIFY2(proxy.value(u"state"_s).toString() == u"running"_s,
            qPrintable(name + u": "_s + QString::fromUtf8(QJsonDocument(proxy).toJson())));
        QCOMPARE(proxy.value(u"listen"_s).toString(), stack()->address(name));
    }
    QCOMPARE(findByName(status, u"proxies"_s, u"mysql_proxy"_s).value(u"upstream"_s).toString(),
        stack()->address(u"mariadb"_s));
}

void TestEnvStack::statusTableListsServicesAndProxies()
{
    const auto result = stack()->env(u"status"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics));
    const auto table = QString::fromUtf8(result.output);
    QVERIFY2(table.contains(u"SERVICE"_s), qPrintable(table));
    QVERIFY2(table.contains(u"PROXY"_s), qPrintable(table));
    QVERIFY2(table.contains(u"mysql_proxy"_s), qPrintable(table));
    QVERIFY2(table.contains(u"docker run"_s), qPrintable(table));
}

void TestEnvStack::probePassesThroughProxy_data()
{
    QTest::addColumn<QString>("url");
    const auto at = [](const QString& proxy) { return stack()->address(proxy); };
    QTest::newRow("mysql_proxy") << u"mysql://chaoslab:chaoslab@%1/orders"_s.arg(
        at(u"mysql_proxy"_s));
    QTest::newRow("rabbitmq_proxy")
        << u"amqp://chaoslab:chaoslab@%1/"_s.arg(at(u"rabbitmq_proxy"_s));
    QTest::newRow("redis_proxy") << u"redis://%1"_s.arg(at(u"redis_proxy"_s));
    QTest::newRow("postgres_proxy")
        << u"postgres://chaoslab:chaoslab@%1/chaoslab"_s.arg(at(u"postgres_proxy"_s));
    QTest::newRow("demo_api") << u"http://%1/todos/1"_s.arg(at(u"demo_api"_s));
}

void TestEnvStack::probePassesThroughProxy()
{
    QFETCH(QString, url);
    const auto result = stack()->run(
        { u"probe"_s, u"--duration"_s, u"1"_s, u"--interval"_s, u"200"_s, u"--json"_s, url });
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics));
    const auto summary = QJsonDocument::fromJson(result.output).object();
    QVERIFY2(summary.value(u"ok"_s).toInt() >= 2, qPrintable(result.diagnostics));
    QVERIFY2(summary.value(u"error_rate"_s).toDouble() == 0, qPrintable(result.diagnostics));
}

void TestEnvStack::mongoProxyReportsNoUpstream()
{
    // No MongoDB runs here, so the proxy accepts and then closes the connection.
    const auto url = u"mongodb://%1"_s.arg(stack()->address(u"mongo_proxy"_s));
    const auto result = stack()->run(
        { u"probe"_s, u"--duration"_s, u"1"_s, u"--interval"_s, u"200"_s, u"--json"_s, url });
    const auto summary = QJsonDocument::fromJson(result.output).object();
    QVERIFY2(summary.value(u"attempts"_s).toInt() >= 2, qPrintable(result.diagnostics));
    QCOMPARE(summary.value(u"ok"_s).toInt(), 0);
    const auto errors = summary.value(u"errors"_s).toObject();
    const auto refusedOrClosed = errors.value(u"closed"_s).toInt()
        + errors.value(u"refused"_s).toInt() + errors.value(u"reset"_s).toInt();
    QVERIFY2(
        refusedOrClosed == summary.value(u"attempts"_s).toInt(), qPrintable(result.diagnostics));

    const auto proxy = findByName(stack()->status(), u"proxies"_s, u"mongo_proxy"_s);
    QVERIFY2(proxy.value(u"detail"_s).toString().contains(u"nothing accepts connections"_s),
        qPrintable(proxy.value(u"detail"_s).toString()));
}

void TestEnvStack::upWhenUpIsNoOp()
{
    const auto before = recordedPids();
    const auto result = stack()->env(u"up"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics));
    QVERIFY2(result.output.contains("already up"), qPrintable(result.diagnostics));
    QCOMPARE(recordedPids(), before);
}

void TestEnvStack::upRecreatesDeletedProxy()
{
    QCOMPARE(callApi(stack()->port(u"api"_s), "DELETE", "/proxies/redis_proxy").status, 204);
    const auto before = recordedPids();
    const auto result = stack()->env(u"up"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics));
    QVERIFY2(result.output.contains("created redis_proxy"), qPrintable(result.diagnostics));
    QCOMPARE(recordedPids(), before);
    const auto proxy = findByName(stack()->status(), u"proxies"_s, u"redis_proxy"_s);
    QCOMPARE(proxy.value(u"state"_s).toString(), u"running"_s);
}

// A Toxiproxy server that `up` did not start, with a proxy of the user's that has a lab
// proxy's name.
void TestEnvStack::downRestoresProxyOnOtherServer()
{
    OtherServer other;
    QVERIFY(other.start());

    const auto up = stack()->run(QStringList { u"env"_s, u"up"_s } + other.where);
    QVERIFY2(up.exitCode == 0, qPrintable(up.diagnostics));
    QVERIFY2(up.output.contains("updated redis_proxy"), qPrintable(up.diagnostics));
    const auto changed = callApi(other.apiPort, "GET", "/proxies/redis_proxy").body;
    QCOMPARE(changed.value(u"upstream"_s).toString(), stack()->address(u"redis"_s));
    QCOMPARE(changed.value(u"enabled"_s).toBool(), true);
    const auto status
        = stack()->run(QStringList { u"env"_s, u"status"_s, u"--json"_s } + other.where);
    const auto detail = findByName(
        QJsonDocument::fromJson(status.output).object(), u"proxies"_s, u"redis_proxy"_s)
                            .value(u"detail"_s)
                            .toString();
    QVERIFY2(detail.contains(u"sets it back to listen "_s + other.ownListen), qPrintable(detail));

    const auto down = stack()->run(QStringList { u"env"_s, u"down"_s } + other.where);
    QVERIFY2(down.exitCode == 0, qPrintable(down.diagnostics));
    const auto restored = callApi(other.apiPort, "GET", "/proxies/redis_proxy").body;
    QCOMPARE(restored.value(u"listen"_s).toString(), other.ownListen);
    QCOMPARE(restored.value(u"upstream"_s).toString(), u"127.0.0.1:9"_s);
    QCOMPARE(restored.value(u"enabled"_s).toBool(), false);
    QCOMPARE(callApi(other.apiPort, "GET", "/proxies/mysql_proxy").status, 404);
    // The running stack's services were only used, so they still run.
    QCOMPARE(findByName(stack()->status(), u"services"_s, u"redis"_s).value(u"state"_s).toString(),
        u"running"_s);
}

// `down` while that server is gone keeps what it could not undo, and a later `down` does it.
void TestEnvStack::downRetriesProxiesOfStoppedServer()
{
    OtherServer other;
    QVERIFY(other.start());
    const auto up = stack()->run(QStringList { u"env"_s, u"up"_s } + other.where);
    QVERIFY2(up.exitCode == 0, qPrintable(up.diagnostics));

    stopServe(other.engine);
    const auto failed = stack()->run(QStringList { u"env"_s, u"down"_s } + other.where);
    QVERIFY2(failed.exitCode == 1, qPrintable(failed.diagnostics));
    QVERIFY2(failed.output.contains("were not changed back"), qPrintable(failed.diagnostics));

    // A new server with no proxies: the user's proxy is created again as it was.
    QVERIFY(startServe(other.engine, other.apiPort));
    const auto down = stack()->run(QStringList { u"env"_s, u"down"_s } + other.where);
    QVERIFY2(down.exitCode == 0, qPrintable(down.diagnostics));
    const auto restored = callApi(other.apiPort, "GET", "/proxies/redis_proxy").body;
    QCOMPARE(restored.value(u"listen"_s).toString(), other.ownListen);
    QCOMPARE(restored.value(u"enabled"_s).toBool(), false);
}

void TestEnvStack::upRepairsDisabledProxy()
{
    const auto apiPort = stack()->port(u"api"_s);
    const QJsonObject disable { { u"enabled"_s, false } };
    QCOMPARE(callApi(apiPort, "POST", "/proxies/mysql_proxy", disable).status, 200);
    const auto proxy = findByName(stack()->status(), u"proxies"_s, u"mysql_proxy"_s);
    QCOMPARE(proxy.value(u"fix"_s).toString(), u"chaoslab env up --dir "_s + stack()->dir());

    const auto up = stack()->env(u"up"_s);
    QVERIFY2(up.exitCode == 0, qPrintable(up.diagnostics));
    QVERIFY2(up.output.contains("updated mysql_proxy"), qPrintable(up.diagnostics));
    QCOMPARE(
        callApi(apiPort, "GET", "/proxies/mysql_proxy").body.value(u"enabled"_s).toBool(), true);
}

void TestEnvStack::downStopsEverythingAndUpRestarts()
{
    const auto pids = recordedPids();
    // epmd, the RabbitMQ script and VM, MariaDB, Redis, PostgreSQL, the engine, demo-http.
    QVERIFY2(pids.size() >= 8, qPrintable(u"%1 PIDs recorded"_s.arg(pids.size())));

    const auto down = stack()->env(u"down"_s);
    QVERIFY2(down.exitCode == 0, qPrintable(down.diagnostics));
    for (const auto pid : pids)
        QVERIFY2(!processRuns(pid), qPrintable(u"PID %1 survived env down"_s.arg(pid)));
    // The state file keeps the ports for the next `up`, but no processes.
    QVERIFY2(recordedPids().isEmpty(), "the state file still lists processes");
    QVERIFY2(QDir(stack()->dir() + u"/mariadb/data/orders"_s).exists(), "data was deleted");
    const auto stopped = stack()->status();
    QCOMPARE(stopped.value(u"engine"_s).toString(), u"down"_s);
    QCOMPARE(
        findByName(stopped, u"services"_s, u"redis"_s).value(u"state"_s).toString(), u"stopped"_s);

    const auto up = stack()->env(u"up"_s);
    QVERIFY2(up.exitCode == 0, qPrintable(up.diagnostics));
    QVERIFY2(!up.output.contains("creating"), qPrintable(up.diagnostics));
    const auto restarted = stack()->status();
    for (const auto& name : { u"mariadb"_s, u"rabbitmq"_s, u"redis"_s, u"postgres"_s })
        QCOMPARE(
            findByName(restarted, u"services"_s, name).value(u"state"_s).toString(), u"running"_s);
    const auto probe = stack()->run({ u"probe"_s, u"--duration"_s, u"1"_s, u"--json"_s,
        u"amqp://chaoslab:chaoslab@%1/"_s.arg(stack()->address(u"rabbitmq_proxy"_s)) });
    QVERIFY2(probe.exitCode == 0, qPrintable(probe.diagnostics));
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QString error;
    stack() = EnvStackClient::open(qEnvironmentVariable("CHAOSLAB_ENV_DIR"), error);
    if (!stack()) {
        std::printf("SKIP: %s\n", qPrintable(error));
        return 77;
    }
    TestEnvStack test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_envstack.moc"
