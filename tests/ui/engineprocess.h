// Runs Chaos Lab's built-in engine as a real process, `chaoslab serve --port P`, on a free
// loopback port, for tests that drive the console against a real Toxiproxy API.
#pragma once

#include <QProcess>
#include <QUrl>

class EngineProcess
{
public:
    EngineProcess();
    ~EngineProcess();

    // Starts the engine on a free port, or on the port used before after stop(), and
    // waits until it accepts connections. Returns false with a message in error() otherwise.
    bool start();
    // Kills the engine at once, as a crash would.
    void stop();

    QUrl url() const;
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

private:
    bool waitUntilListening();

    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
