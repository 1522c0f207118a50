#include "envstatus.h"

#include "blockinghttp.h"
#include "launcher.h"
#include "proxysetup.h"

#include <QTextStream>

#include <algorithm>

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;
using nlohmann::json;

namespace chaoslab::environment {

namespace {

ServiceStatus recordedServiceStatus(ServiceStatus status, const ServiceLauncher& launcher,
    const EnvLayout& layout, const std::vector<ProcessRecord>& records)
{
    const bool alive = std::all_of(records.begin(), records.end(), isRunning);
    const auto& log = records.front().log;
    status.pid = records.back().pid;
    status.log = log;
    if (alive && launcher.answers(layout)) {
        status.state = QString::fromLatin1(state::running);
        status.reason = u"running"_s;
        status.detail = u"log: "_s + log;
        return status;
    }
    status.state = QString::fromLatin1(state::failed);
    status.reason = alive ? u"not_answering"_s : u"exited"_s;
    status.detail = alive
        ? u"PID %1 runs but %2 does not answer"_s.arg(status.pid).arg(status.address)
        : u"exited after `env up` started it"_s;
    status.fix = u"see %1, then run %2 and %3"_s.arg(
        log, layout.command(u"down"_s), layout.command(u"up"_s));
    if (!alive)
        status.pid = 0;
    return status;
}

ServiceStatus serviceStatus(const ServiceLauncher& launcher, const EnvLayout& layout,
    const std::optional<EnvState>& envState)
{
    ServiceStatus status { launcher.name(), layout.address(launcher.portName()) };
    const auto records
        = envState ? envState->processesOf(launcher.name()) : std::vector<ProcessRecord>();
    if (!records.empty())
        return recordedServiceStatus(status, launcher, layout, records);

    if (envState && envState->failures.count(launcher.name())) {
        status.state = QString::fromLatin1(state::failed);
        status.reason = u"up_failed"_s;
        status.detail = envState->failures.at(launcher.name());
        status.fix = u"fix the cause, then run %1"_s.arg(layout.command(u"up"_s));
    } else if (launcher.answers(layout)) {
        status.state = QString::fromLatin1(state::external);
        status.reason = u"external"_s;
        status.detail = u"answering, but not started by chaoslab env up"_s;
    } else if (const auto reason = launcher.missingReason(layout); !reason.isEmpty()) {
        status.state = QString::fromLatin1(state::missing);
        status.reason = u"missing"_s;
        status.detail = reason;
        status.fix = launcher.installFix(layout);
        status.command = launcher.installCommand(layout);
    } else {
        status.state = QString::fromLatin1(state::stopped);
        status.reason = u"stopped"_s;
        status.fix = layout.command(u"up"_s);
    }
    return status;
}

ProxyStatus proxyStatus(const ProxySpec& spec, const std::optional<ApiProxy>& actual, bool created,
    const ApiProxy* original, bool engineExternal, const EnvLayout& layout)
{
    ProxyStatus status { spec.name, spec.listen, spec.upstream };
    if (!actual) {
        status.state = QString::fromLatin1(state::stopped);
        status.reason = u"not_created"_s;
        status.detail = u"not created; run %1"_s.arg(layout.command(u"up"_s));
        return status;
    }
    status.reason = u"present"_s;
    status.actual = actual;
    status.restore = original ? std::optional<ApiProxy>(*original) : std::nullopt;
    status.state = QString::fromLatin1(!actual->enabled ? state::stopped
            : engineExternal && !created                ? state::external
                                                        : state::running);
    QStringList notes;
    notes.append(actual->enabled ? u"enabled"_s : u"disabled"_s);
    if (actual->toxics > 0)
        notes.append(u"%1 toxic(s) active"_s.arg(actual->toxics));
    if (!actual->enabled || actual->listen != spec.listen || actual->upstream != spec.upstream)
        status.fix = layout.command(u"up"_s);
    if (actual->listen != spec.listen)
        notes.append(u"listens on %1, not %2"_s.arg(actual->listen, spec.listen));
    if (actual->upstream != spec.upstream)
        notes.append(u"upstream is %1, not %2"_s.arg(actual->upstream, spec.upstream));
    const auto upstreamPort = spec.upstream.section(u':', -1).toUShort();
    status.upstreamAccepts = tcpAccepts(layout.host, upstreamPort);
    if (!status.upstreamAccepts)
        notes.append(u"nothing accepts connections at the upstream %1"_s.arg(spec.upstream));
    if (original) {
        notes.append(u"updated by chaoslab env up; env down sets it back to listen %1, "
                     "upstream %2, %3"_s.arg(original->listen, original->upstream,
                         original->enabled ? u"enabled"_s : u"disabled"_s));
    }
    status.detail = notes.join(u"; "_s);
    return status;
}

void addProxies(EnvStatus& status, const EnvLayout& layout, const std::optional<EnvState>& envState)
{
    QString error;
    std::optional<std::map<QString, ApiProxy>> actual;
    if (status.engine != u"down"_s)
        actual = listProxies(layout, error);
    for (const auto& spec : labProxies(layout)) {
        if (!actual) {
            const auto detail = status.engine == u"down"_s
                ? u"engine down: nothing answers at %1"_s.arg(status.api)
                : error;
            const auto reason = status.engine == u"down"_s ? u"engine_down"_s : u"list_failed"_s;
            status.proxies.push_back(ProxyStatus { spec.name, spec.listen, spec.upstream,
                QString::fromLatin1(state::stopped), detail, reason });
            continue;
        }
        const auto found = actual->find(spec.name);
        const auto proxy
            = found == actual->end() ? std::nullopt : std::optional<ApiProxy>(found->second);
        const bool created = envState && envState->createdProxies.contains(spec.name);
        const ApiProxy* original = nullptr;
        if (envState) {
            const auto updated = envState->updatedProxies.find(spec.name);
            if (updated != envState->updatedProxies.end())
                original = &updated->second;
        }
        status.proxies.push_back(
            proxyStatus(spec, proxy, created, original, status.engine == u"external"_s, layout));
    }
}

} // namespace

EnvStatus collectStatus(const EnvLayout& layout, const std::optional<EnvState>& envState)
{
    EnvStatus status { layout.dir, layout.apiUrl(), u"down"_s };
    const bool answering = apiAnswers(layout);
    const auto engineRecords
        = envState ? envState->processesOf(u"engine"_s) : std::vector<ProcessRecord>();
    if (answering && !engineRecords.empty() && isRunning(engineRecords.front())) {
        status.engine = u"started"_s;
        status.enginePid = engineRecords.front().pid;
    } else if (answering) {
        status.engine = u"external"_s;
    }

    for (const auto& launcher : serviceLaunchers())
        status.services.push_back(serviceStatus(*launcher, layout, envState));
    for (const auto& launcher : applicationLaunchers())
        status.services.push_back(serviceStatus(*launcher, layout, envState));
    addProxies(status, layout, envState);
    return status;
}

std::string statusJson(const EnvStatus& status)
{
    const auto proxyJson = [](const ApiProxy& proxy) {
        return json { { "listen", proxy.listen.toStdString() },
            { "upstream", proxy.upstream.toStdString() }, { "enabled", proxy.enabled } };
    };
    json services = json::array();
    for (const auto& service : status.services) {
        services.push_back({ { "name", service.name.toStdString() },
            { "address", service.address.toStdString() }, { "state", service.state.toStdString() },
            { "pid", service.pid }, { "detail", service.detail.toStdString() },
            { "fix", service.fix.toStdString() }, { "reason", service.reason.toStdString() },
            { "log", service.log.toStdString() }, { "command", service.command.toStdString() } });
    }
    json proxies = json::array();
    for (const auto& proxy : status.proxies) {
        json item = { { "name", proxy.name.toStdString() },
            { "listen", proxy.listen.toStdString() }, { "upstream", proxy.upstream.toStdString() },
            { "state", proxy.state.toStdString() }, { "detail", proxy.detail.toStdString() },
            { "fix", proxy.fix.toStdString() }, { "reason", proxy.reason.toStdString() } };
        if (proxy.actual) {
            item["enabled"] = proxy.actual->enabled;
            item["actual_listen"] = proxy.actual->listen.toStdString();
            item["actual_upstream"] = proxy.actual->upstream.toStdString();
            item["upstream_accepts"] = proxy.upstreamAccepts;
            item["toxics"] = proxy.actual->toxics;
        }
        if (proxy.restore)
            item["restore"] = proxyJson(*proxy.restore);
        proxies.push_back(std::move(item));
    }
    const json object = { { "dir", status.dir.toStdString() }, { "api", status.api.toStdString() },
        { "engine", status.engine.toStdString() }, { "services", services },
        { "proxies", proxies } };
    return object.dump(2);
}

QString statusTable(const EnvStatus& status)
{
    QString text;
    QTextStream out(&text);
    out << "Data folder: " << status.dir << '\n';
    out << "Engine:      " << status.api << ' ' << status.engine;
    if (status.enginePid)
        out << " (PID " << status.enginePid << ')';
    out << "\n\n";

    out << u"SERVICE"_s.leftJustified(11) << u"ADDRESS"_s.leftJustified(17)
        << u"STATE"_s.leftJustified(9) << u"PID"_s.leftJustified(8) << "DETAIL / WHAT TO DO\n";
    for (const auto& service : status.services) {
        const QString advice
            = service.fix.isEmpty() ? service.detail : service.detail + u" -> "_s + service.fix;
        out << service.name.leftJustified(10) << ' ' << service.address.leftJustified(16) << ' '
            << service.state.leftJustified(8) << ' '
            << (service.pid ? QString::number(service.pid) : u"-"_s).leftJustified(7) << ' '
            << advice << '\n';
    }

    out << '\n'
        << u"PROXY"_s.leftJustified(15) << u"LISTEN"_s.leftJustified(17)
        << u"UPSTREAM"_s.leftJustified(17) << u"STATE"_s.leftJustified(9) << "DETAIL\n";
    for (const auto& proxy : status.proxies) {
        out << proxy.name.leftJustified(14) << ' ' << proxy.listen.leftJustified(16) << ' '
            << proxy.upstream.leftJustified(16) << ' ' << proxy.state.leftJustified(8) << ' '
            << (proxy.fix.isEmpty() ? proxy.detail : proxy.detail + u" -> "_s + proxy.fix) << '\n';
    }
    return text;
}

} // namespace chaoslab::environment
