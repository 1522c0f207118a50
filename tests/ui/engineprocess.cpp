#include "engineprocess.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace

EngineProcess::EngineProcess()
{
    m_process.setProgram(QStringLiteral(CHAOSLAB_BINARY));
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

EngineProcess::~EngineProcess()
{
    stop();
}

bool EngineProcess::start()
{
    if (m_port == 0)
        m_port = freeLoopbackPort();
    m_process.setArguments(
        { QStringLiteral("serve"), QStringLiteral("--port"), QString::number(m_port) });
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("could not start %1: %2")
                      .arg(m_process.program(), m_process.errorString());
        return false;
    }
    return waitUntilListening();
}

// Polls until the engine accepts connections; the port may still be held for a moment
// by the previous process after a restart.
bool EngineProcess::waitUntilListening()
{
    const QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("chaoslab serve exited: %1")
                          .arg(QString::fromLocal8Bit(m_process.readAll()));
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        QTest::qWait(20);
    }
    m_error = QStringLiteral("chaoslab serve did not listen on port %1 within 10 s").arg(m_port);
    return false;
}

void EngineProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

QUrl EngineProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}
