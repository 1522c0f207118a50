// Finds or starts the Toxiproxy server the console talks to.
//
// start(url) sends GET /version to `url` with a 1 s timeout. When a server responds, ready()
// follows with Kind::Toxiproxy and "Toxiproxy 2.12.0 at <url>"; a Chaos Lab engine in another
// process responds the same way. When nothing responds (connection refused or timed out) and
// `url` is an http:// address on this computer, the host starts the built-in engine there
// (see BuiltInEngine) and emits ready() with Kind::BuiltIn and "built-in engine at <url>".
// Otherwise failed() carries a message with the cause and the next step, and nothing is
// started. Locality is decided from the URL's text alone, so a remote address only ever gets
// the version request.
//
// Signals come from the event loop, never from inside start(). Nothing blocks the calling
// thread. Destroying the host stops the built-in engine.
#pragma once

#include "builtinengine.h"

#include "toxiproxy/toxiproxyclient.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace chaoslab::host {

class EngineHost : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Toxiproxy, BuiltIn };
    Q_ENUM(Kind)

    static constexpr std::chrono::milliseconds VersionTimeout { 1000 };

    explicit EngineHost(QObject* parent = nullptr);
    ~EngineHost() override;

    // Stops whatever an earlier start() began, then checks `url` as described above.
    void start(const QUrl& url);

    // Starts the built-in engine at `url` at once, without asking whether a server is
    // there and without emitting signals. Returns what failed, or nothing on success.
    std::optional<QString> startBuiltIn(const QUrl& url);

    // Cancels a running check and stops the built-in engine.
    void stop();

    QUrl url() const { return m_url; }
    bool isChecking() const { return m_checking; }
    // The built-in engine while it runs, otherwise nullptr.
    BuiltInEngine* builtInEngine() const { return m_builtIn.get(); }

signals:
    void ready(chaoslab::host::EngineHost::Kind kind, const QString& description);
    void failed(const QString& message);

private:
    void handleVersion(const toxiproxy::ApiResult& result, const QString& version);
    void failLater(const QString& message);

    toxiproxy::ToxiproxyClient* m_client;
    QUrl m_url;
    std::unique_ptr<BuiltInEngine> m_builtIn;
    // Identifies the current check, so that responses to checks stopped earlier are ignored.
    quint64 m_check = 0;
    bool m_checking = false;
};

} // namespace chaoslab::host
