// Where chaostoxi functions find the Toxiproxy API, and the built-in engine that replaces
// Toxiproxy when nothing responds there.
//
// chaostoxi builds the address from the configuration: "toxiproxy_url" when set, otherwise
// http://<toxiproxy_host>:<toxiproxy_port, default 8474>. The address maps apply after that.
#pragma once

#include "experiment.h"
#include "runcontext.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace chaoslab::host {
class BuiltInEngine;
}

namespace chaoslab::toxiproxy {
class ToxiproxyClient;
}

namespace chaoslab::chaostoolkit {

// Returns the mapped API root, or nothing with the reason in `error`.
std::optional<QUrl> toxiproxyApiUrl(const RunContext& context, std::string& error);

// The host name of the Toxiproxy server as the experiment writes it, before any map.
QString configuredToxiproxyHost(const RunContext& context);

// True when an activity of the experiment calls a chaostoxi function.
bool usesChaostoxi(const Experiment& experiment);

class ToxiproxyEndpoint : public QObject
{
public:
    explicit ToxiproxyEndpoint(QObject* parent = nullptr);
    // Stops the built-in engine if this object started it.
    ~ToxiproxyEndpoint() override;

    // Sends GET /version to `url`. When nothing responds and the address is on this computer,
    // starts the built-in engine there. Logs what it found or started, then calls `done`
    // with an error message only when an engine start failed.
    void prepare(
        const QUrl& url, const LogSink& log, std::function<void(std::optional<std::string>)> done);

    bool startedBuiltIn() const { return m_engine != nullptr; }

private:
    toxiproxy::ToxiproxyClient* m_client;
    std::unique_ptr<host::BuiltInEngine> m_engine;
};

} // namespace chaoslab::chaostoolkit
