// The MongoDB probe over a real loopback connection. No MongoDB server is packaged in
// Debian 12, so a small peer on 127.0.0.1 plays the server: it reads one OP_MSG and replies
// with a recorded MongoDB 6.0 `hello` reply.
#include "mongohelloreply.h"
#include "protocoldriver.h"

#include "probes/mongodbprotocol.h"
#include "probes/probespec.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace chaoslab::probes;

namespace {

// Replies to the first complete OP_MSG on each connection with `reply` as the body
// document, sent in pieces of `chunk` bytes. An empty `reply` closes the connection instead.
class MongoPeer : public QObject
{
public:
    explicit MongoPeer(QByteArray reply, int chunk = 0) : m_reply(std::move(reply)), m_chunk(chunk)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, &MongoPeer::accept);
    }

    quint16 port() const { return m_server.serverPort(); }
    QByteArray request() const { return m_request; }

private:
    void accept()
    {
        QTcpSocket* socket = m_server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    void read(QTcpSocket* socket)
    {
        m_request += socket->readAll();
        if (m_request.size() < 4
            || m_request.size() < qFromLittleEndian<qint32>(m_request.constData()))
            return;
        if (m_reply.isEmpty()) {
            socket->disconnectFromHost();
            return;
        }
        const QByteArray message = replyTo(qFromLittleEndian<qint32>(m_request.constData() + 4));
        const int chunk = m_chunk > 0 ? m_chunk : int(message.size());
        for (qsizetype at = 0; at < message.size(); at += chunk) {
            socket->write(message.mid(at, chunk));
            socket->flush();
        }
    }

    QByteArray replyTo(qint32 requestId) const
    {
        QByteArray body(5, '\0');
        body += m_reply;
        QByteArray header(16, '\0');
        qToLittleEndian(qint32(16 + body.size()), header.data());
        qToLittleEndian(qint32(500), header.data() + 4);
        qToLittleEndian(requestId, header.data() + 8);
        qToLittleEndian(MongodbProtocol::OpMsg, header.data() + 12);
        return header + body;
    }

    QTcpServer m_server;
    QByteArray m_reply;
    int m_chunk;
    QByteArray m_request;
};

ProbeSpec mongoSpec(quint16 port)
{
    ProbeSpec spec;
    spec.kind = ProbeKind::Mongodb;
    spec.port = port;
    return spec;
}

} // namespace

class TestMongodbProbe : public QObject
{
    Q_OBJECT

private slots:
    void recordedHelloReplyIsOk();
    void replyInSmallPiecesIsOk();
    void closeWithoutReplyIsClosed();
};

void TestMongodbProbe::recordedHelloReplyIsOk()
{
    MongoPeer peer(mongoHelloReply());
    QVERIFY(peer.port() != 0);

    const ProbeAttempt attempt = runAttempt(mongoSpec(peer.port()));
    QCOMPARE(attempt.outcome, ProbeOutcome::Ok);
    QCOMPARE(attempt.detail, u"writable primary, wire version 17"_qs);
    QVERIFY(attempt.firstByteMs >= attempt.connectMs);

    const QByteArray request = peer.request();
    QCOMPARE(qFromLittleEndian<qint32>(request.constData() + 12), MongodbProtocol::OpMsg);
    QVERIFY(request.contains(QByteArray("hello\0", 6)));
    QVERIFY(request.contains(QByteArray("$db\0\x06\0\0\0admin\0", 14)));
}

void TestMongodbProbe::replyInSmallPiecesIsOk()
{
    MongoPeer peer(mongoHelloReply(), 7);

    const ProbeAttempt attempt = runAttempt(mongoSpec(peer.port()));
    QCOMPARE(attempt.outcome, ProbeOutcome::Ok);
}

void TestMongodbProbe::closeWithoutReplyIsClosed()
{
    MongoPeer peer({});

    const ProbeAttempt attempt = runAttempt(mongoSpec(peer.port()));
    QCOMPARE(attempt.outcome, ProbeOutcome::ClosedAfterConnect);
}

QTEST_GUILESS_MAIN(TestMongodbProbe)
#include "tst_mongodbprobe.moc"
