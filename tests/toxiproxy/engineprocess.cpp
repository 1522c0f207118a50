#include "engineprocess.h"

using namespace chaoslab::toxiproxy;
using namespace std::chrono_literals;

EngineProcess::EngineProcess(quint16 port, QObject* parent)
    : QObject(parent)
    , m_port(port)
    , m_client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)))
{
    m_process.setProgram(QStringLiteral(CHAOSLAB_EXECUTABLE));
    m_process.setArguments({ QStringLiteral("serve"), QStringLiteral("--host"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(port) });
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, [this] { m_output += m_process.readAll(); });
    m_client.setDefaultTimeout(1000ms);
    m_probeTimer.setInterval(50ms);
    connect(&m_probeTimer, &QTimer::timeout, this, &EngineProcess::probe);
}

// Test teardown may block: the process must be gone before the next test reuses its port.
EngineProcess::~EngineProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QUrl EngineProcess::url() const
{
    return m_client.baseUrl();
}

void EngineProcess::start()
{
    m_ready = false;
    m_output.clear();
    m_process.start();
    m_probeTimer.start();
}

void EngineProcess::kill()
{
    m_probeTimer.stop();
    m_client.cancelAll();
    m_ready = false;
    m_process.kill();
}

QString EngineProcess::diagnostics() const
{
    return QStringLiteral("%1 %2: state %3, exit code %4, error \"%5\", output:\n%6")
        .arg(m_process.program(), m_process.arguments().join(u' '))
        .arg(int(m_process.state()))
        .arg(m_process.exitCode())
        .arg(m_process.errorString(), QString::fromLocal8Bit(m_output));
}

void EngineProcess::probe()
{
    if (m_probing || m_ready)
        return;
    m_probing = true;
    m_client.version(this, [this](const ApiResult& result, const QString&) {
        m_probing = false;
        if (!result.ok())
            return;
        m_ready = true;
        m_probeTimer.stop();
    });
}
