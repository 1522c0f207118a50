// Runs Chaos Lab's built-in engine as a real process, `chaoslab serve --host 127.0.0.1
// --port P`, and reports when its API responds. The executable's path is compiled in as
// CHAOSLAB_EXECUTABLE.
//
//     EngineProcess engine(unusedPort());
//     engine.start();
//     QTRY_VERIFY2_WITH_TIMEOUT(engine.isReady(), qPrintable(engine.diagnostics()), 10000);
#pragma once

#include "toxiproxy/toxiproxyclient.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

class EngineProcess : public QObject
{
    Q_OBJECT

public:
    explicit EngineProcess(quint16 port, QObject* parent = nullptr);
    ~EngineProcess() override;

    QUrl url() const;
    // Starts the process and requests GET /version every 50 ms until the engine responds.
    void start();
    // Sends SIGKILL, so the engine gets no chance to close connections cleanly.
    void kill();
    bool isReady() const { return m_ready; }
    bool hasExited() const { return m_process.state() == QProcess::NotRunning; }
    // The command, its state and everything it printed, for failure messages.
    QString diagnostics() const;

private:
    void probe();

    quint16 m_port;
    QProcess m_process;
    QByteArray m_output;
    chaoslab::toxiproxy::ToxiproxyClient m_client;
    QTimer m_probeTimer;
    bool m_ready = false;
    bool m_probing = false;
};
