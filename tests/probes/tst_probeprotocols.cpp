// The service protocols of the probes, on bytes alone. Each protocol state machine is fed
// server bytes recorded from Redis 7.0, MariaDB 10.11, PostgreSQL 15 and RabbitMQ 3.10 on
// Debian 12. Where no server was at hand (MySQL 8's caching_sha2_password, MongoDB), the
// bytes follow the protocol documentation. Expected scrambles and SCRAM messages were
// computed independently with Python's hashlib and hmac.
#include "mongohelloreply.h"
#include "probes/amqpprotocol.h"
#include "probes/bson.h"
#include "probes/mongodbprotocol.h"
#include "probes/mysqlpackets.h"
#include "probes/mysqlprotocol.h"
#include "probes/postgresprotocol.h"
#include "probes/redisprotocol.h"
#include "probes/scramsha256.h"

#include <QTest>
#include <QtEndian>

using namespace chaoslab::probes;

Q_DECLARE_METATYPE(chaoslab::probes::ProbeOutcome)

namespace {

// One conversation with a protocol: the server's bytes go in, the client's bytes collect.
class Conversation
{
public:
    explicit Conversation(ProbeProtocol& protocol) : m_protocol(protocol)
    {
        m_sent = m_protocol.start();
    }

    // Delivers `bytes` in chunks of `chunk` bytes (0: at once), as a socket might split
    // them, and returns the step after the last chunk.
    ProtocolStep serverSends(const QByteArray& bytes, int chunk = 0)
    {
        ProtocolStep step;
        const int size = chunk > 0 ? chunk : int(bytes.size());
        for (qsizetype at = 0; at < bytes.size(); at += size) {
            m_buffer += bytes.mid(at, size);
            step = m_protocol.receive(m_buffer);
            m_sent += step.send;
            m_lastSent = step.send;
            if (step.finished)
                break;
        }
        return step;
    }

    QByteArray sent() const { return m_sent; }
    QByteArray lastSent() const { return m_lastSent; }
    QByteArray unconsumed() const { return m_buffer; }

private:
    ProbeProtocol& m_protocol;
    QByteArray m_buffer;
    QByteArray m_sent;
    QByteArray m_lastSent;
};

ProbeSpec spec(ProbeKind kind, const QString& user = {}, const QString& password = {},
    const QString& database = {})
{
    ProbeSpec result;
    result.kind = kind;
    result.user = user;
    result.password = password;
    result.database = database;
    return result;
}

QByteArray mysqlPacket(quint8 sequence, const QByteArray& payload)
{
    QByteArray out(4, '\0');
    qToLittleEndian(quint32(payload.size()), out.data());
    out[3] = char(sequence);
    return out + payload;
}

// Recorded from MariaDB 10.11.19 on Debian 12.
const QByteArray MariadbGreeting = QByteArray::fromHex(
    "640000000a352e352e352d31302e31312e31392d4d6172696144422d302b6465623132753100070000003b"
    "407036583b5d4200fef7080200ff81150000000000001d000000723a67794b496a5c6e355c4f006d7973716c"
    "5f6e61746976655f70617373776f726400");
const QByteArray MariadbNonce = QByteArray::fromHex("3b407036583b5d42723a67794b496a5c6e355c4f");
// mysql_native_password scramble of "mariadb-secret" with MariadbNonce.
const QByteArray MariadbScramble = QByteArray::fromHex("fd3c8240a5190eb46704374d16abac0b5dd6a271");
const QByteArray MariadbOk = QByteArray::fromHex("0700000200000002000000");
const QByteArray MariadbPingOk = QByteArray::fromHex("0700000100000002000000");
// ERR 1045 after a wrong password.
const QByteArray MariadbAccessDenied = QByteArray::fromHex(
    "4c000002ff15042332383030304163636573732064656e69656420666f72207573657220276368616f736c61"
    "622740276c6f63616c686f73742720287573696e672070617373776f72643a2059455329");
// ERR 1129 as the greeting, after too many aborted handshakes from 127.0.0.3.
const QByteArray MariadbHostBlocked = QByteArray::fromHex(
    "6a000000ff6904486f737420273132372e302e302e332720697320626c6f636b65642062656361757365206f"
    "66206d616e7920636f6e6e656374696f6e206572726f72733b20756e626c6f636b207769746820276d617269"
    "6164622d61646d696e20666c7573682d686f73747327");

// Recorded from RabbitMQ 3.10.8.
const QByteArray RabbitStart = QByteArray::fromHex(
    "010000000001f8000a000a0009000001d30c6361706162696c697469657346000000c7127075626c69736865"
    "725f636f6e6669726d7374011a65786368616e67655f65786368616e67655f62696e64696e677374010a6261"
    "7369632e6e61636b740116636f6e73756d65725f63616e63656c5f6e6f74696679740112636f6e6e65637469"
    "6f6e2e626c6f636b6564740113636f6e73756d65725f7072696f72697469657374011c61757468656e746963"
    "6174696f6e5f6661696c7572655f636c6f73657401107065725f636f6e73756d65725f716f7374010f646972"
    "6563745f7265706c795f746f74010c636c75737465725f6e616d6553000000116368616f736c61622d353134"
    "373740766d09636f707972696768745300000037436f707972696768742028632920323030372d3230323220"
    "564d776172652c20496e632e206f722069747320616666696c69617465732e0b696e666f726d6174696f6e53"
    "000000394c6963656e73656420756e64657220746865204d504c20322e302e20576562736974653a20687474"
    "70733a2f2f7261626269746d712e636f6d08706c6174666f726d530000001145726c616e672f4f5450203235"
    "2e322e330770726f6475637453000000085261626269744d510776657273696f6e5300000006332e31302e38"
    "0000000e504c41494e20414d51504c41494e00000005656e5f5553ce");
const QByteArray RabbitTune = QByteArray::fromHex("0100000000000c000a001e07ff00020000003cce");
const QByteArray RabbitOpenOk = QByteArray::fromHex("01000000000005000a002900ce");
const QByteArray RabbitCloseOk = QByteArray::fromHex("01000000000004000a0033ce");
const QByteArray RabbitAccessRefused = QByteArray::fromHex(
    "01000000000077000a003201936c4143434553535f52454655534544202d204c6f67696e2077617320726566"
    "75736564207573696e672061757468656e7469636174696f6e206d656368616e69736d20504c41494e2e2046"
    "6f722064657461696c7320736565207468652062726f6b6572206c6f6766696c652e00000000ce");
const QByteArray RabbitVhostNotFound = QByteArray::fromHex(
    "01000000000034000a00320212294e4f545f414c4c4f574544202d2076686f7374206e6f7375636876686f73"
    "74206e6f7420666f756e64000a0028ce");

// Recorded from PostgreSQL 15.
const QByteArray PostgresSaslRequest("R\x00\x00\x00\x17\x00\x00\x00\x0aSCRAM-SHA-256\x00\x00", 24);
const QByteArray PostgresMd5Request = QByteArray::fromHex("520000000c00000005b0f1e1db");
const QByteArray PostgresPasswordFailed("E\x00\x00\x00lSFATAL\x00VFATAL\x00"
                                        "C28P01\x00Mpassword authentication failed for user "
                                        "\"chaoslab_md5\"\x00"
                                        "Fauth.c\x00L334\x00Rauth_failed\x00\x00",
    109);

QByteArray postgresMessage(char type, const QByteArray& body)
{
    QByteArray length(4, '\0');
    qToBigEndian(qint32(body.size() + 4), length.data());
    return type + length + body;
}

QByteArray postgresAuth(qint32 code, const QByteArray& data = {})
{
    QByteArray body(4, '\0');
    qToBigEndian(code, body.data());
    return postgresMessage('R', body + data);
}

QByteArray postgresReady()
{
    return postgresAuth(0)
        + postgresMessage('S',
            QByteArray("server_version\x00"
                       "15.18\x00",
                21))
        + postgresMessage('K', QByteArray(8, '\x01')) + postgresMessage('Z', "I");
}

QByteArray mongoMessage(qint32 responseTo, qint32 opCode, const QByteArray& document)
{
    QByteArray body(4, '\0');
    body += char(0);
    body += document;
    QByteArray header(16, '\0');
    qToLittleEndian(qint32(16 + body.size()), header.data());
    qToLittleEndian(qint32(99), header.data() + 4);
    qToLittleEndian(responseTo, header.data() + 8);
    qToLittleEndian(opCode, header.data() + 12);
    return header + body;
}

const QByteArray MongoHelloReply = mongoHelloReply();
// {ok: 0.0, errmsg: "no such command: 'hello'", code: 59, codeName: "CommandNotFound"}
const QByteArray MongoCommandNotFound = QByteArray::fromHex(
    "5e000000016f6b000000000000000000026572726d736700190000006e6f207375636820636f6d6d616e643a"
    "202768656c6c6f270010636f6465003b00000002636f64654e616d650010000000436f6d6d616e644e6f7446"
    "6f756e640000");

} // namespace

class TestProbeProtocols : public QObject
{
    Q_OBJECT

private slots:
    void redisPingWithoutLogin();
    void redisAuthWithUserThenPing();
    void redisSelectsDatabase();
    void redisReplies_data();
    void redisReplies();
    void redisEndlessLineIsProtocolError();

    void mysqlGreetingParsed();
    void mysqlScrambles();
    void mysqlLoginPingQuit();
    void mysqlWrongPasswordIsAuthFailed();
    void mysqlWithoutUserCountsAccessDeniedAsOk();
    void mysqlErrGreetingIsProtocolError();
    void mysqlAuthSwitchUsesNewNonce();
    void mysqlCachingSha2FastPath();
    void mysqlCachingSha2FullAuthIsAuthFailed();
    void mysqlBadBytesAreProtocolError_data();
    void mysqlBadBytesAreProtocolError();

    void scramRfc7677Example();
    void postgresStartupMessage();
    void postgresWithoutUserStopsAtAuthRequest();
    void postgresMd5Login();
    void postgresScramLogin();
    void postgresScramWrongServerSignature();
    void postgresErrors_data();
    void postgresErrors();

    void amqpWithoutCredentialsStopsAtStart();
    void amqpLoginOpensAndClosesConnection();
    void amqpAccessRefusedIsAuthFailed();
    void amqpVirtualHostNotFound();
    void amqpCloseAfterLoginIsAuthFailed();
    void amqpOtherProtocolHeaderIsProtocolError();
    void amqpBadFrameEndIsProtocolError();

    void mongoHelloRequest();
    void mongoRecordedHelloReplyIsOk();
    void mongoCommandErrorIsProtocolError();
    void mongoMismatchedReplies_data();
    void mongoMismatchedReplies();
    void bsonReaderValues();
};

void TestProbeProtocols::redisPingWithoutLogin()
{
    RedisProtocol protocol(spec(ProbeKind::Redis));
    Conversation talk(protocol);
    QCOMPARE(talk.sent(), QByteArray("*1\r\n$4\r\nPING\r\n"));

    const ProtocolStep step = talk.serverSends("+PONG\r\n", 1);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QVERIFY(protocol.reusable());
    QCOMPARE(protocol.restart(), QByteArray("*1\r\n$4\r\nPING\r\n"));
}

void TestProbeProtocols::redisAuthWithUserThenPing()
{
    RedisProtocol protocol(spec(ProbeKind::Redis, u"chaoslab"_qs, u"redis-secret"_qs));
    Conversation talk(protocol);
    QCOMPARE(talk.sent(),
        QByteArray("*3\r\n$4\r\nAUTH\r\n$8\r\nchaoslab\r\n$12\r\nredis-secret\r\n"
                   "*1\r\n$4\r\nPING\r\n"));

    const ProtocolStep step = talk.serverSends("+OK\r\n+PONG\r\n", 3);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
}

void TestProbeProtocols::redisSelectsDatabase()
{
    RedisProtocol protocol(spec(ProbeKind::Redis, {}, {}, u"3"_qs));
    Conversation talk(protocol);
    QCOMPARE(talk.sent(), QByteArray("*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*1\r\n$4\r\nPING\r\n"));

    const ProtocolStep step = talk.serverSends("+OK\r\n+PONG\r\n");
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);

    RedisProtocol outOfRange(spec(ProbeKind::Redis, {}, {}, u"99"_qs));
    Conversation refused(outOfRange);
    const ProtocolStep error = refused.serverSends("-ERR DB index is out of range\r\n+PONG\r\n");
    QVERIFY(error.finished);
    QCOMPARE(error.outcome, ProbeOutcome::ProtocolError);
    QCOMPARE(error.detail, u"ERR DB index is out of range"_qs);
}

void TestProbeProtocols::redisReplies_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<ProbeOutcome>("outcome");
    QTest::addColumn<QString>("detail");

    QTest::newRow("wrong password is auth failure")
        << u"wrong"_qs
        << QByteArray("-WRONGPASS invalid username-password pair or user is disabled.\r\n"
                      "+PONG\r\n")
        << ProbeOutcome::AuthenticationFailed << u"WRONGPASS invalid"_qs;
    QTest::newRow("password without one configured is auth failure")
        << u"wrong"_qs
        << QByteArray("-ERR AUTH <password> called without any password configured for the "
                      "default user. Are you sure your configuration is correct?\r\n+PONG\r\n")
        << ProbeOutcome::AuthenticationFailed << u"called without any password"_qs;
    QTest::newRow("ping without login is auth failure")
        << QString() << QByteArray("-NOAUTH Authentication required.\r\n")
        << ProbeOutcome::AuthenticationFailed << u"NOAUTH"_qs;
    QTest::newRow("loading error is protocol error")
        << QString() << QByteArray("-LOADING Redis is loading the dataset in memory\r\n")
        << ProbeOutcome::ProtocolError << u"LOADING"_qs;
    QTest::newRow("bulk string reply is protocol error")
        << QString() << QByteArray("$4\r\nPONG\r\n") << ProbeOutcome::ProtocolError
        << u"unexpected reply to PING"_qs;
    QTest::newRow("http server is protocol error")
        << QString() << QByteArray("HTTP/1.1 400 Bad Request\r\n\r\n")
        << ProbeOutcome::ProtocolError << u"HTTP/1.1 400"_qs;
}

void TestProbeProtocols::redisReplies()
{
    QFETCH(QString, password);
    QFETCH(QByteArray, reply);
    QFETCH(ProbeOutcome, outcome);
    QFETCH(QString, detail);

    RedisProtocol protocol(spec(ProbeKind::Redis, {}, password));
    Conversation talk(protocol);
    const ProtocolStep step = talk.serverSends(reply);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, outcome);
    QVERIFY2(step.detail.contains(detail), qPrintable(step.detail));
}

void TestProbeProtocols::redisEndlessLineIsProtocolError()
{
    RedisProtocol protocol(spec(ProbeKind::Redis));
    Conversation talk(protocol);
    QVERIFY(!talk.serverSends(QByteArray(1000, 'x')).finished);

    const ProtocolStep step = talk.serverSends(QByteArray(70 * 1024, 'x'));
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::ProtocolError);
}

void TestProbeProtocols::mysqlGreetingParsed()
{
    QString error;
    const auto greeting = mysql::parseGreeting(MariadbGreeting.mid(4), &error);
    QVERIFY2(greeting, qPrintable(error));
    QCOMPARE(greeting->serverVersion, u"5.5.5-10.11.19-MariaDB-0+deb12u1"_qs);
    QCOMPARE(greeting->nonce, MariadbNonce);
    QCOMPARE(greeting->authPlugin, u"mysql_native_password"_qs);
    QVERIFY(greeting->capabilities & mysql::ClientProtocol41);
    QVERIFY(greeting->capabilities & mysql::ClientPluginAuth);
}

void TestProbeProtocols::mysqlScrambles()
{
    QCOMPARE(mysql::nativePasswordScramble("mariadb-secret", MariadbNonce), MariadbScramble);
    QCOMPARE(mysql::cachingSha2Scramble("mariadb-secret", MariadbNonce),
        QByteArray::fromHex("dad59762d953be3407d48decadf7f6f21c5c89f596bfdc270551bf0e4fd46f02"));
    QVERIFY(mysql::nativePasswordScramble({}, MariadbNonce).isEmpty());
    QVERIFY(mysql::cachingSha2Scramble({}, MariadbNonce).isEmpty());
}

void TestProbeProtocols::mysqlLoginPingQuit()
{
    MysqlProtocol protocol(spec(ProbeKind::Mysql, u"chaoslab"_qs, u"mariadb-secret"_qs));
    Conversation talk(protocol);
    QVERIFY(talk.sent().isEmpty());

    ProtocolStep step = talk.serverSends(MariadbGreeting, 7);
    QVERIFY(!step.finished);
    const QByteArray response = talk.lastSent();
    QCOMPARE(quint8(response.at(3)), quint8(1));
    QVERIFY(
        response.contains(QByteArray(QByteArray("chaoslab\0", 9) + char(20) + MariadbScramble)));
    QVERIFY(response.endsWith(QByteArray("mysql_native_password\0", 22)));

    step = talk.serverSends(MariadbOk);
    QVERIFY(!step.finished);
    QCOMPARE(step.send, mysqlPacket(0, "\x0e"));

    step = talk.serverSends(MariadbPingOk);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(step.detail, u"10.11.19-MariaDB-0+deb12u1"_qs);
    QCOMPARE(step.send, mysqlPacket(0, "\x01"));
}

void TestProbeProtocols::mysqlWrongPasswordIsAuthFailed()
{
    MysqlProtocol protocol(spec(ProbeKind::Mysql, u"chaoslab"_qs, u"wrong"_qs));
    Conversation talk(protocol);
    talk.serverSends(MariadbGreeting);

    const ProtocolStep step = talk.serverSends(MariadbAccessDenied);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::AuthenticationFailed);
    QCOMPARE(step.detail,
        u"ERR 1045 (28000) Access denied for user 'chaoslab'@'localhost' (using password: YES)"_qs);
}

void TestProbeProtocols::mysqlWithoutUserCountsAccessDeniedAsOk()
{
    MysqlProtocol protocol(spec(ProbeKind::Mysql));
    Conversation talk(protocol);
    talk.serverSends(MariadbGreeting);
    const QByteArray response = talk.lastSent();
    QVERIFY(response.contains(QByteArray(MysqlProtocol::AnonymousProbeUser).append(2, '\0')));

    const ProtocolStep step = talk.serverSends(MariadbAccessDenied);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QVERIFY2(step.detail.contains(u"10.11.19-MariaDB"_qs), qPrintable(step.detail));
    QVERIFY(step.send.isEmpty());
}

void TestProbeProtocols::mysqlErrGreetingIsProtocolError()
{
    MysqlProtocol protocol(spec(ProbeKind::Mysql, u"chaoslab"_qs, u"mariadb-secret"_qs));
    Conversation talk(protocol);

    const ProtocolStep step = talk.serverSends(MariadbHostBlocked);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::ProtocolError);
    QCOMPARE(step.detail,
        u"ERR 1129 Host '127.0.0.3' is blocked because of many connection errors; unblock with "
        "'mariadb-admin flush-hosts'"_qs);
}

void TestProbeProtocols::mysqlAuthSwitchUsesNewNonce()
{
    MysqlProtocol protocol(spec(ProbeKind::Mysql, u"chaoslab"_qs, u"mariadb-secret"_qs));
    Conversation talk(protocol);
    talk.serverSends(MariadbGreeting);

    const QByteArray nonce = QByteArray("0123456789abcdefghij");
    const ProtocolStep step = talk.serverSends(
        mysqlPacket(2, QByteArray("\xfemysql_native_password\0", 23) + nonce + '\0'));
    QVERIFY(!step.finished);
    QCOMPARE(step.send, mysqlPacket(3, mysql::nativePasswordScramble("mariadb-secret", nonce)));

    QVERIFY(!talk.serverSends(mysqlPacket(4, QByteArray::fromHex("00000002000000"))).finished);
    QCOMPARE(talk.lastSent(), mysqlPacket(0, "\x0e"));
}

namespace {

// A MySQL 8 greeting whose default plugin is caching_sha2_password, written from the
// protocol documentation: protocol 10, version, connection id, nonce part 1, filler,
// capabilities, charset, status, capabilities high, nonce length, reserved, nonce part 2.
QByteArray mysql8Greeting(const QByteArray& nonce)
{
    QByteArray payload("\x0a"
                       "8.0.35\0",
        8);
    payload += QByteArray::fromHex("0d000000") + nonce.left(8) + '\0';
    payload += QByteArray::fromHex("ffff") + char(0xff) + QByteArray::fromHex("0200ffdf");
    payload += char(21) + QByteArray(10, '\0') + nonce.mid(8) + '\0';
    payload += QByteArray("caching_sha2_password\0", 22);
    return mysqlPacket(0, payload);
}

} // namespace

void TestProbeProtocols::mysqlCachingSha2FastPath()
{
    const QByteArray nonce("ABCDEFGHIJKLMNOPQRST");
    MysqlProtocol protocol(spec(ProbeKind::Mysql, u"root"_qs, u"secret"_qs, u"app"_qs));
    Conversation talk(protocol);
    talk.serverSends(mysql8Greeting(nonce));
    const QByteArray response = talk.lastSent();
    QVERIFY(response.contains(QByteArray(char(32) + mysql::cachingSha2Scramble("secret", nonce))));
    QVERIFY(response.contains(QByteArray("app\0caching_sha2_password\0", 26)));

    ProtocolStep step = talk.serverSends(
        mysqlPacket(2, "\x01\x03") + mysqlPacket(3, QByteArray::fromHex("00000002000000")));
    QVERIFY(!step.finished);
    QCOMPARE(step.send, mysqlPacket(0, "\x0e"));
    step = talk.serverSends(mysqlPacket(1, QByteArray::fromHex("00000002000000")));
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(step.detail, u"8.0.35"_qs);
}

void TestProbeProtocols::mysqlCachingSha2FullAuthIsAuthFailed()
{
    MysqlProtocol protocol(spec(ProbeKind::Mysql, u"root"_qs, u"secret"_qs));
    Conversation talk(protocol);
    talk.serverSends(mysql8Greeting("ABCDEFGHIJKLMNOPQRST"));

    const ProtocolStep step = talk.serverSends(mysqlPacket(2, "\x01\x04"));
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::AuthenticationFailed);
    QVERIFY2(step.detail.contains(u"full authentication"_qs), qPrintable(step.detail));
    QVERIFY2(step.detail.contains(u"TLS"_qs), qPrintable(step.detail));
}

void TestProbeProtocols::mysqlBadBytesAreProtocolError_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("detail");

    QTest::newRow("http response")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n\r\n") << u"packet longer than"_qs;
    QTest::newRow("protocol version 9") << mysqlPacket(0,
        QByteArray("\x09"
                   "5.0\0",
            5)) << u"unsupported protocol version 9"_qs;
    QTest::newRow("truncated greeting") << mysqlPacket(0,
        QByteArray("\x0a"
                   "5.7.1\0\x01\x00",
            9)) << u"truncated"_qs;
    QTest::newRow("empty packet") << mysqlPacket(0, {}) << u"empty packet"_qs;
}

void TestProbeProtocols::mysqlBadBytesAreProtocolError()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, detail);

    MysqlProtocol protocol(spec(ProbeKind::Mysql));
    Conversation talk(protocol);
    const ProtocolStep step = talk.serverSends(bytes);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::ProtocolError);
    QVERIFY2(step.detail.contains(detail), qPrintable(step.detail));
}

void TestProbeProtocols::scramRfc7677Example()
{
    ScramSha256Client scram("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
    QCOMPARE(scram.clientFirstMessage(), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));

    QString error;
    const auto final = scram.clientFinalMessage(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        &error);
    QVERIFY2(final, qPrintable(error));
    QCOMPARE(*final,
        QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                   "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    QVERIFY2(scram.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", &error),
        qPrintable(error));
    QVERIFY(!scram.verifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", &error));
    QVERIFY(
        !scram.clientFinalMessage("r=someoneElsesNonce,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", &error));
}

void TestProbeProtocols::postgresStartupMessage()
{
    PostgresProtocol protocol(spec(ProbeKind::Postgres, u"chaoslab"_qs, {}, u"app"_qs));
    const QByteArray body = QByteArray::fromHex("00030000")
        + QByteArray("user\0chaoslab\0database\0app\0application_name\0chaoslab-probe\0\0", 60);
    QByteArray length(4, '\0');
    qToBigEndian(qint32(body.size() + 4), length.data());
    QCOMPARE(protocol.start(), length + body);
}

void TestProbeProtocols::postgresWithoutUserStopsAtAuthRequest()
{
    PostgresProtocol protocol(spec(ProbeKind::Postgres));
    Conversation talk(protocol);
    QVERIFY(talk.sent().contains(QByteArray("user\0chaoslab_probe\0", 20)));

    const ProtocolStep step = talk.serverSends(PostgresSaslRequest);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QVERIFY(step.send.isEmpty());
}

void TestProbeProtocols::postgresMd5Login()
{
    PostgresProtocol protocol(
        spec(ProbeKind::Postgres, u"chaoslab_md5"_qs, u"postgres-md5-secret"_qs));
    Conversation talk(protocol);

    ProtocolStep step = talk.serverSends(PostgresMd5Request);
    QVERIFY(!step.finished);
    QCOMPARE(
        step.send, postgresMessage('p', QByteArray("md5b2106f73e2d33233c99ac2747c6600af\0", 36)));

    step = talk.serverSends(postgresReady(), 5);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(step.send, postgresMessage('X', {}));
}

namespace {

// A SCRAM exchange for user "chaoslab" with password "postgres-secret", salt
// "chaoslab-salt-16" and 4096 iterations. PostgreSQL sends an empty SCRAM user name.
const QByteArray ScramClientNonce("clientnonce0123456789AB");
const QByteArray ScramServerFirst(
    "r=clientnonce0123456789ABservernonceXYZ,s=Y2hhb3NsYWItc2FsdC0xNg==,i=4096");
const QByteArray ScramClientFinal("c=biws,r=clientnonce0123456789ABservernonceXYZ,"
                                  "p=5JNrthYeCymWZu0Z2v4ntH55JFmD1bAckotfNVVWp4U=");
const QByteArray ScramServerFinal("v=k1/O6iFxf8W6K1O/9AQNYUStg6fevteHtx2MQ4GHkRk=");

} // namespace

void TestProbeProtocols::postgresScramLogin()
{
    PostgresProtocol protocol(
        spec(ProbeKind::Postgres, u"chaoslab"_qs, u"postgres-secret"_qs), ScramClientNonce);
    Conversation talk(protocol);

    ProtocolStep step = talk.serverSends(PostgresSaslRequest);
    QVERIFY(!step.finished);
    const QByteArray first = "n,,n=,r=" + ScramClientNonce;
    QByteArray firstLength(4, '\0');
    qToBigEndian(qint32(first.size()), firstLength.data());
    QCOMPARE(
        step.send, postgresMessage('p', QByteArray("SCRAM-SHA-256\0", 14) + firstLength + first));

    step = talk.serverSends(postgresAuth(11, ScramServerFirst));
    QVERIFY(!step.finished);
    QCOMPARE(step.send, postgresMessage('p', ScramClientFinal));

    step = talk.serverSends(postgresAuth(12, ScramServerFinal) + postgresReady());
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
}

void TestProbeProtocols::postgresScramWrongServerSignature()
{
    PostgresProtocol protocol(
        spec(ProbeKind::Postgres, u"chaoslab"_qs, u"postgres-secret"_qs), ScramClientNonce);
    Conversation talk(protocol);
    talk.serverSends(PostgresSaslRequest);
    talk.serverSends(postgresAuth(11, ScramServerFirst));

    const ProtocolStep step = talk.serverSends(
        postgresAuth(12, "v=AAAA6iFxf8W6K1O/9AQNYUStg6fevteHtx2MQ4GHkRk=") + postgresReady());
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::AuthenticationFailed);
    QVERIFY2(step.detail.contains(u"signature"_qs), qPrintable(step.detail));
}

void TestProbeProtocols::postgresErrors_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<ProbeOutcome>("outcome");
    QTest::addColumn<QString>("detail");

    const QByteArray startingUp = postgresMessage(
        'E', QByteArray("SFATAL\0VFATAL\0C57P03\0Mthe database system is starting up\0\0", 57));
    QTest::newRow("wrong password is auth failure")
        << u"chaoslab_md5"_qs << PostgresPasswordFailed << ProbeOutcome::AuthenticationFailed
        << u"FATAL 28P01 password authentication failed for user \"chaoslab_md5\""_qs;
    QTest::newRow("starting up is protocol error")
        << u"chaoslab"_qs << startingUp << ProbeOutcome::ProtocolError
        << u"FATAL 57P03 the database system is starting up"_qs;
    QTest::newRow("starting up without user is protocol error")
        << QString() << startingUp << ProbeOutcome::ProtocolError << u"57P03"_qs;
    QTest::newRow("rejected role without user is ok")
        << QString()
        << postgresMessage('E',
               QByteArray(
                   "SFATAL\0VFATAL\0C28000\0Mrole \"chaoslab_probe\" does not exist\0\0", 60))
        << ProbeOutcome::Ok << u"28000"_qs;
    QTest::newRow("kerberos request is auth failure")
        << u"chaoslab"_qs << postgresAuth(2) << ProbeOutcome::AuthenticationFailed
        << u"method 2"_qs;
    QTest::newRow("http response is protocol error")
        << u"chaoslab"_qs << QByteArray("HTTP/1.1 400 Bad Request\r\n\r\n")
        << ProbeOutcome::ProtocolError << u"invalid length"_qs;
    QTest::newRow("unexpected message is protocol error")
        << u"chaoslab"_qs << postgresMessage('D', "x") << ProbeOutcome::ProtocolError
        << u"unexpected message 'D'"_qs;
}

void TestProbeProtocols::postgresErrors()
{
    QFETCH(QString, user);
    QFETCH(QByteArray, reply);
    QFETCH(ProbeOutcome, outcome);
    QFETCH(QString, detail);

    PostgresProtocol protocol(spec(ProbeKind::Postgres, user, u"wrong"_qs));
    Conversation talk(protocol);
    const ProtocolStep step = talk.serverSends(reply);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, outcome);
    QVERIFY2(step.detail.contains(detail), qPrintable(step.detail));
}

void TestProbeProtocols::amqpWithoutCredentialsStopsAtStart()
{
    AmqpProtocol protocol(spec(ProbeKind::Amqp));
    Conversation talk(protocol);
    QCOMPARE(talk.sent(), QByteArray("AMQP\x00\x00\x09\x01", 8));

    const ProtocolStep step = talk.serverSends(RabbitStart, 50);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(step.detail, u"RabbitMQ 3.10.8"_qs);
}

void TestProbeProtocols::amqpLoginOpensAndClosesConnection()
{
    AmqpProtocol protocol(spec(ProbeKind::Amqp, u"chaoslab"_qs, u"rabbitmq-secret"_qs, u"lab"_qs));
    Conversation talk(protocol);

    ProtocolStep step = talk.serverSends(RabbitStart);
    QVERIFY(!step.finished);
    QVERIFY(step.send.startsWith(QByteArray::fromHex("0100000000")));
    QVERIFY(step.send.contains(QByteArray::fromHex("000a000b")));
    QVERIFY(
        step.send.contains(QByteArray("\x05PLAIN\x00\x00\x00\x19\0chaoslab\0rabbitmq-secret", 35)));
    QVERIFY(step.send.contains("authentication_failure_close"));
    QVERIFY(step.send.endsWith('\xce'));

    step = talk.serverSends(RabbitTune);
    QVERIFY(!step.finished);
    // Tune-Ok keeps channel max 2047, frame max 131072, heartbeat 0; Open names vhost "lab".
    QCOMPARE(step.send,
        QByteArray::fromHex("0100000000000c000a001f07ff0002000000"
                            "00ce"
                            "0100000000000a000a0028036c61620000ce"));

    step = talk.serverSends(RabbitOpenOk);
    QVERIFY(!step.finished);
    QCOMPARE(step.send,
        QByteArray::fromHex("01000000000012000a003200c807476f6f64627965") + QByteArray(4, '\0')
            + '\xce');

    step = talk.serverSends(RabbitCloseOk);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(step.detail, u"RabbitMQ 3.10.8"_qs);
}

void TestProbeProtocols::amqpAccessRefusedIsAuthFailed()
{
    AmqpProtocol protocol(spec(ProbeKind::Amqp, u"chaoslab"_qs, u"wrong"_qs));
    Conversation talk(protocol);
    talk.serverSends(RabbitStart);

    const ProtocolStep step = talk.serverSends(RabbitAccessRefused);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::AuthenticationFailed);
    QVERIFY2(step.detail.startsWith(u"403 ACCESS_REFUSED - Login was refused"_qs),
        qPrintable(step.detail));
    QCOMPARE(step.send, QByteArray::fromHex("01000000000004000a0033ce"));
}

void TestProbeProtocols::amqpVirtualHostNotFound()
{
    AmqpProtocol protocol(
        spec(ProbeKind::Amqp, u"chaoslab"_qs, u"rabbitmq-secret"_qs, u"nosuchvhost"_qs));
    Conversation talk(protocol);
    talk.serverSends(RabbitStart);
    talk.serverSends(RabbitTune);

    const ProtocolStep step = talk.serverSends(RabbitVhostNotFound);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::AuthenticationFailed);
    QCOMPARE(step.detail, u"530 NOT_ALLOWED - vhost nosuchvhost not found"_qs);
}

void TestProbeProtocols::amqpCloseAfterLoginIsAuthFailed()
{
    AmqpProtocol protocol(spec(ProbeKind::Amqp, u"chaoslab"_qs, u"wrong"_qs));
    Conversation talk(protocol);
    talk.serverSends(RabbitStart);

    const ProtocolStep step = protocol.receiveClose({});
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::AuthenticationFailed);

    AmqpProtocol beforeStart(spec(ProbeKind::Amqp, u"chaoslab"_qs, u"wrong"_qs));
    beforeStart.start();
    QCOMPARE(beforeStart.receiveClose({}).outcome, ProbeOutcome::ClosedAfterConnect);
}

void TestProbeProtocols::amqpOtherProtocolHeaderIsProtocolError()
{
    AmqpProtocol protocol(spec(ProbeKind::Amqp));
    Conversation talk(protocol);

    const ProtocolStep step = talk.serverSends(QByteArray("AMQP\x00\x01\x00\x00", 8));
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::ProtocolError);
    QVERIFY2(step.detail.contains(u"1-0-0"_qs), qPrintable(step.detail));
}

void TestProbeProtocols::amqpBadFrameEndIsProtocolError()
{
    AmqpProtocol protocol(spec(ProbeKind::Amqp));
    Conversation talk(protocol);
    QByteArray broken = RabbitStart;
    broken.back() = 'x';

    const ProtocolStep step = talk.serverSends(broken);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::ProtocolError);
}

void TestProbeProtocols::mongoHelloRequest()
{
    MongodbProtocol protocol(spec(ProbeKind::Mongodb));
    const QByteArray request = protocol.start();
    // {hello: 1 (int32), $db: "admin"}, encoded by Python struct.
    const QByteArray document
        = QByteArray::fromHex("1f0000001068656c6c6f000100000002246462000600000061646d696e0000");
    QCOMPARE(request.size(), 16 + 5 + document.size());
    QCOMPARE(qFromLittleEndian<qint32>(request.constData()), qint32(request.size()));
    QCOMPARE(qFromLittleEndian<qint32>(request.constData() + 4), protocol.requestId());
    QCOMPARE(qFromLittleEndian<qint32>(request.constData() + 8), 0);
    QCOMPARE(qFromLittleEndian<qint32>(request.constData() + 12), MongodbProtocol::OpMsg);
    QCOMPARE(request.mid(16, 5), QByteArray(5, '\0'));
    QCOMPARE(request.mid(21), document);
}

void TestProbeProtocols::mongoRecordedHelloReplyIsOk()
{
    MongodbProtocol protocol(spec(ProbeKind::Mongodb));
    Conversation talk(protocol);

    const ProtocolStep step = talk.serverSends(
        mongoMessage(protocol.requestId(), MongodbProtocol::OpMsg, MongoHelloReply), 13);
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::Ok);
    QCOMPARE(step.detail, u"writable primary, wire version 17"_qs);
    QVERIFY(talk.unconsumed().isEmpty());
}

void TestProbeProtocols::mongoCommandErrorIsProtocolError()
{
    MongodbProtocol protocol(spec(ProbeKind::Mongodb));
    Conversation talk(protocol);

    const ProtocolStep step = talk.serverSends(
        mongoMessage(protocol.requestId(), MongodbProtocol::OpMsg, MongoCommandNotFound));
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::ProtocolError);
    QCOMPARE(step.detail, u"hello failed: no such command: 'hello' (code 59)"_qs);
}

void TestProbeProtocols::mongoMismatchedReplies_data()
{
    QTest::addColumn<qint32>("responseTo");
    QTest::addColumn<qint32>("opCode");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("detail");

    QTest::newRow("reply to another request")
        << 7 << MongodbProtocol::OpMsg << MongoHelloReply << u"reply to request 7"_qs;
    QTest::newRow("legacy OP_REPLY") << 1 << 1 << MongoHelloReply << u"opcode 1"_qs;
    QTest::newRow("truncated document")
        << 1 << MongodbProtocol::OpMsg << MongoHelloReply.left(40) << u"BSON"_qs;
}

void TestProbeProtocols::mongoMismatchedReplies()
{
    QFETCH(qint32, responseTo);
    QFETCH(qint32, opCode);
    QFETCH(QByteArray, document);
    QFETCH(QString, detail);

    MongodbProtocol protocol(spec(ProbeKind::Mongodb));
    Conversation talk(protocol);
    QCOMPARE(protocol.requestId(), 1);
    const ProtocolStep step = talk.serverSends(mongoMessage(responseTo, opCode, document));
    QVERIFY(step.finished);
    QCOMPARE(step.outcome, ProbeOutcome::ProtocolError);
    QVERIFY2(step.detail.contains(detail), qPrintable(step.detail));
}

void TestProbeProtocols::bsonReaderValues()
{
    QString error;
    const auto hello = bson::readDocument(MongoHelloReply, &error);
    QVERIFY2(hello, qPrintable(error));
    QCOMPARE(hello->value(u"ok"_qs).toDouble(), 1.0);
    QCOMPARE(hello->value(u"helloOk"_qs).toBool(), true);
    QCOMPARE(hello->value(u"readOnly"_qs).toBool(), false);
    QCOMPARE(hello->value(u"maxBsonObjectSize"_qs).toInt(), 16777216);
    QCOMPARE(hello->value(u"maxMessageSizeBytes"_qs).toInt(), 48000000);
    QCOMPARE(hello->value(u"logicalSessionTimeoutMinutes"_qs).toInt(), 30);
    QCOMPARE(hello->value(u"localTime"_qs).toDateTime().toMSecsSinceEpoch(), 1701680400123);
    const QVariantMap topology = hello->value(u"topologyVersion"_qs).toMap();
    QCOMPARE(topology.value(u"counter"_qs).toLongLong(), 0);
    QCOMPARE(topology.value(u"processId"_qs).toByteArray().size(), 12);

    bson::DocumentWriter writer;
    writer.appendDouble("d", 2.5);
    writer.appendString("s", u"teks"_qs);
    writer.appendBool("b", true);
    writer.appendInt32("i", -7);
    writer.appendInt64("l", 1LL << 40);
    bson::DocumentWriter inner;
    inner.appendInt32("x", 1);
    writer.appendDocument("doc", inner.document());
    const auto read = bson::readDocument(writer.document(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->value(u"d"_qs).toDouble(), 2.5);
    QCOMPARE(read->value(u"s"_qs).toString(), u"teks"_qs);
    QCOMPARE(read->value(u"b"_qs).toBool(), true);
    QCOMPARE(read->value(u"i"_qs).toInt(), -7);
    QCOMPARE(read->value(u"l"_qs).toLongLong(), 1LL << 40);
    QCOMPARE(read->value(u"doc"_qs).toMap().value(u"x"_qs).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestProbeProtocols)
#include "tst_probeprotocols.moc"
