#include "environment.h"

#include "blockinghttp.h"
#include "proxysetup.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace chaoslab::environment {

namespace {

const QString engineName = u"engine"_s;

void forgetProcesses(EnvState& state, const QString& service)
{
    std::erase_if(
        state.processes, [&](const ProcessRecord& record) { return record.service == service; });
}

} // namespace

Environment::Environment(EnvLayout layout, Print print, bool portsExplicit)
    : m_layout(std::move(layout))
    , m_print(std::move(print))
    , m_portsExplicit(portsExplicit)
{ }

bool Environment::loadExistingState()
{
    QString error;
    m_state = loadState(m_layout.dir, error);
    if (!error.isEmpty()) {
        m_print(error);
        return false;
    }
    if (!m_state)
        return true;
    if (m_portsExplicit && m_state->processes.empty()) {
        m_state->host = m_layout.host;
        m_state->ports = m_layout.ports;
        return true;
    }
    if (m_portsExplicit && m_state->ports != m_layout.ports)
        m_print(u"The stack in %1 runs with the ports of its state file; --ports applies after "
                "%2"_s.arg(m_layout.dir, m_layout.command(u"down"_s)));
    m_layout.host = m_state->host;
    m_layout.ports = m_state->ports;
    return true;
}

// Returns true when every recorded process runs, every installed service is running or
// served by another program, and every lab proxy exists, enabled and with its addresses.
bool Environment::isAlreadyUp() const
{
    if (!m_state || m_state->processes.empty() || !m_state->failures.empty()
        || !std::all_of(m_state->processes.begin(), m_state->processes.end(), isRunning))
        return false;

    LauncherList launchers = serviceLaunchers();
    for (auto& launcher : applicationLaunchers())
        launchers.push_back(std::move(launcher));
    for (const auto& launcher : launchers) {
        const bool notStarted = m_state->processesOf(launcher->name()).empty()
            && launcher->missingReason(m_layout).isEmpty();
        if (notStarted && !launcher->answers(m_layout))
            return false;
    }

    QString error;
    const auto changes = plannedProxyChanges(m_layout, error);
    return changes && changes->empty();
}

int Environment::up()
{
    if (!loadExistingState())
        return 1;
    if (isAlreadyUp()) {
        m_print(u"The lab stack in %1 is already up; nothing to do. "
                "Run %2 for details."_s.arg(m_layout.dir, m_layout.command(u"status"_s)));
        return 0;
    }
    if (!m_state) {
        m_state.emplace();
        m_state->host = m_layout.host;
        m_state->ports = m_layout.ports;
    }
    m_state->failures.clear();
    // The state file records every process `up` starts, so a folder where it cannot be
    // written stops `up` before anything runs.
    if (!QDir().mkpath(m_layout.dir)) {
        m_print(u"cannot create the data folder %1; choose a folder you can write to with "
                "--dir"_s.arg(m_layout.dir));
        return 1;
    }
    if (auto error = saveState(m_layout.dir, *m_state)) {
        m_print(*error + u"; choose a folder you can write to with --dir"_s);
        return 1;
    }

    LaunchContext context { m_layout, *m_state, ::geteuid() == 0, m_print };
    auto services = serviceLaunchers();
    LauncherList pending;
    startServices(context, services, pending);
    startEngine(context);
    setUpProxies(context);
    for (auto& launcher : pending)
        awaitReady(context, *launcher);

    auto applications = applicationLaunchers();
    LauncherList pendingApplications;
    startServices(context, applications, pendingApplications);
    for (auto& launcher : pendingApplications)
        awaitReady(context, *launcher);

    if (auto error = saveState(m_layout.dir, *m_state))
        m_print(*error);
    if (!m_state->failures.empty()) {
        m_print(u"%1 service(s) failed; %2 shows each with its log"_s.arg(
            QString::number(m_state->failures.size()), m_layout.command(u"status"_s)));
        return 1;
    }
    m_print(
        u"Lab stack up; data in %1, Toxiproxy API at %2"_s.arg(m_layout.dir, m_layout.apiUrl()));
    return 0;
}

void Environment::startServices(
    LaunchContext& context, LauncherList& launchers, LauncherList& pending)
{
    for (auto& launcher : launchers) {
        if (startOne(context, *launcher))
            pending.push_back(std::move(launcher));
    }
}

// Returns true when the launcher started processes that must still become ready.
bool Environment::startOne(LaunchContext& context, ServiceLauncher& launcher)
{
    const auto name = launcher.name();
    const auto address = m_layout.address(launcher.portName());
    const auto records = m_state->processesOf(name);
    if (!records.empty() && std::all_of(records.begin(), records.end(), isRunning)) {
        m_print(u"%1: already running at %2"_s.arg(name, address));
        return false;
    }
    // A service that crashed since the last `up` leaves some of its processes (epmd, say).
    for (const auto& record : records)
        stopProcess(record);
    forgetProcesses(*m_state, name);

    if (launcher.answers(m_layout)) {
        m_print(u"%1: something not started by chaoslab env already answers at %2; using it"_s.arg(
            name, address));
        return false;
    }
    if (const auto reason = launcher.missingReason(m_layout); !reason.isEmpty()) {
        m_print(
            u"%1: skipped, %2. To get it: %3"_s.arg(name, reason, launcher.installFix(m_layout)));
        return false;
    }
    if (tcpAccepts(m_layout.host, m_layout.port(launcher.portName()))) {
        fail(context, name,
            u"port %1 is in use by another program; stop it or choose another port with "
            "--ports"_s.arg(address));
        return false;
    }
    m_print(u"%1: starting on %2"_s.arg(name, address));
    if (auto error = launcher.start(context)) {
        fail(context, name, *error);
        return false;
    }
    return true;
}

void Environment::awaitReady(LaunchContext& context, ServiceLauncher& launcher)
{
    if (auto error = launcher.awaitReady(context)) {
        fail(context, launcher.name(), *error);
        return;
    }
    const auto records = m_state->processesOf(launcher.name());
    m_print(u"%1: ready at %2 (PID %3)"_s.arg(launcher.name(),
        m_layout.address(launcher.portName()), QString::number(records.back().pid)));
}

void Environment::fail(LaunchContext& context, const QString& service, const QString& reason)
{
    m_print(u"%1: FAILED: %2"_s.arg(service, reason));
    context.state.failures[service] = reason;
}

void Environment::startEngine(LaunchContext& context)
{
    const auto records = m_state->processesOf(engineName);
    if (!records.empty() && isRunning(records.front()) && apiAnswers(m_layout)) {
        m_print(u"engine: already running at %1"_s.arg(m_layout.apiUrl()));
        return;
    }
    forgetProcesses(*m_state, engineName);
    if (apiAnswers(m_layout)) {
        m_state->engine = EngineMode::External;
        m_print(u"engine: using the Toxiproxy server that answers at %1"_s.arg(m_layout.apiUrl()));
        return;
    }

    if (tcpAccepts(m_layout.host, m_layout.port(port::api))) {
        return fail(context, engineName,
            u"port %1 is in use by a program that is not a Toxiproxy server (GET /version "
            "failed); stop it or choose another api port with --ports"_s.arg(
                m_layout.address(port::api)));
    }
    m_print(u"engine: starting chaoslab serve on %1"_s.arg(m_layout.apiUrl()));
    const auto log = serviceLog(m_layout, engineName);
    QString error;
    const auto record = startDetached(engineName,
        Command { m_layout.binDir + u"/chaoslab"_s,
            { u"serve"_s, u"--host"_s, m_layout.host, u"--port"_s,
                QString::number(m_layout.port(port::api)) } },
        log, error);
    if (!record)
        return fail(context, engineName, error);
    context.record(*record);
    m_state->engine = EngineMode::Started;
    if (auto failure
        = waitUntilReady(context, engineName, 15s, [&] { return apiAnswers(m_layout); }))
        return fail(context, engineName, *failure);
    m_print(u"engine: ready at %1 (PID %2)"_s.arg(m_layout.apiUrl()).arg(record->pid));
}

void Environment::setUpProxies(LaunchContext& context)
{
    if (m_state->failures.count(engineName))
        return;
    QString error;
    const auto changes = plannedProxyChanges(m_layout, error);
    if (!changes) {
        fail(context, u"proxies"_s, error);
        if (auto saveError = saveState(m_layout.dir, *m_state))
            m_print(*saveError);
        return;
    }
    // What is about to change is saved first, so that `down` undoes it even after a crash
    // halfway through.
    for (const auto& change : *changes)
        journalProxyChange(change);
    if (auto saveError = saveState(m_layout.dir, *m_state))
        m_print(*saveError);

    QStringList created;
    QStringList updated;
    QStringList errors;
    for (const auto& change : *changes) {
        if (auto failure = applyProxyChange(m_layout, change))
            errors.append(*failure);
        else
            (change.original ? updated : created).append(change.spec.name);
    }
    if (!created.isEmpty())
        m_print(u"proxies: created %1"_s.arg(created.join(u", "_s)));
    // Only a server that `up` did not start outlives `down`, so only there is anything set back.
    if (!updated.isEmpty() && m_state->engine == EngineMode::External)
        m_print(u"proxies: updated %1; chaoslab env down sets %2 back"_s.arg(
            updated.join(u", "_s), updated.size() == 1 ? u"it"_s : u"them"_s));
    else if (!updated.isEmpty())
        m_print(u"proxies: updated %1"_s.arg(updated.join(u", "_s)));
    if (!errors.isEmpty())
        fail(context, u"proxies"_s, errors.join(u"; "_s));
    if (auto saveError = saveState(m_layout.dir, *m_state))
        m_print(*saveError);
}

void Environment::journalProxyChange(const ProxyChange& change)
{
    const auto& name = change.spec.name;
    if (!change.original) {
        if (!m_state->createdProxies.contains(name))
            m_state->createdProxies.append(name);
        return;
    }
    // A proxy that an earlier `up` created, or whose earlier settings are already saved,
    // keeps its entry in the state file.
    if (m_state->createdProxies.contains(name) || m_state->updatedProxies.count(name))
        return;
    // A server that `up` started has only the stack's own proxies, so nothing to set back.
    if (m_state->engine == EngineMode::External)
        m_state->updatedProxies[name] = *change.original;
}

int Environment::down(bool purge)
{
    if (!loadExistingState())
        return 1;
    if (!m_state) {
        m_print(u"No lab stack recorded in %1; nothing to stop."_s.arg(m_layout.dir));
        if (purge)
            purgeData();
        return 0;
    }

    if (m_state->engine == EngineMode::External) {
        removeCreatedProxies();
        restoreUpdatedProxies();
    }
    QStringList messages;
    auto applications = applicationLaunchers();
    std::reverse(applications.begin(), applications.end());
    for (auto& launcher : applications)
        messages += launcher->stop(m_layout, *m_state);
    for (auto& record : m_state->processesOf(engineName)) {
        if (auto message = stopProcess(record))
            messages.append(*message);
    }
    auto services = serviceLaunchers();
    std::reverse(services.begin(), services.end());
    for (auto& launcher : services)
        messages += launcher->stop(m_layout, *m_state);
    for (const auto& message : messages)
        m_print(message);

    const auto survivors
        = std::count_if(m_state->processes.begin(), m_state->processes.end(), isRunning);
    if (survivors > 0) {
        m_print(u"%1 process(es) are still running; the state file %2 stays so that "
                "%3 can try again"_s.arg(survivors)
                    .arg(statePath(m_layout.dir), m_layout.command(u"down"_s)));
        return 1;
    }
    const auto stoppedCount = m_state->processes.size();
    // The state file stays with the ports and no processes, so the next `up` reuses the ports.
    m_state->processes.clear();
    m_state->failures.clear();
    // Proxies that could not be changed back stay in the state file for the next `down`.
    const bool proxiesLeft = m_state->engine == EngineMode::External && !m_state->isEmpty();
    if (!proxiesLeft) {
        m_state->createdProxies.clear();
        m_state->updatedProxies.clear();
        m_state->engine = EngineMode::None;
    }
    if (auto error = saveState(m_layout.dir, *m_state))
        m_print(*error);
    m_print(u"Stopped %1 process(es) of the lab stack in %2"_s.arg(stoppedCount).arg(m_layout.dir));
    if (proxiesLeft) {
        m_print(u"Some proxies on %1 were not changed back; run %2 again once that server "
                "answers"_s.arg(m_layout.apiUrl(), m_layout.command(u"down"_s)));
        return 1;
    }
    if (purge)
        purgeData();
    else
        m_print(u"Data kept in %1; %2 deletes it."_s.arg(
            m_layout.dir, m_layout.command(u"down --purge"_s)));
    return 0;
}

// Deletes the proxies `up` created, and keeps in the state only those still there.
void Environment::removeCreatedProxies()
{
    QStringList left;
    for (const auto& name : m_state->createdProxies) {
        if (auto error = deleteProxy(m_layout, name)) {
            m_print(u"proxies: %1"_s.arg(*error));
            left.append(name);
        } else {
            m_print(u"proxies: deleted %1"_s.arg(name));
        }
    }
    m_state->createdProxies = left;
}

// Sets back the proxies `up` updated, and keeps in the state only those not restored.
void Environment::restoreUpdatedProxies()
{
    std::map<QString, ApiProxy> left;
    for (const auto& [name, original] : m_state->updatedProxies) {
        const QString settings = u"listen %1, upstream %2, %3"_s.arg(
            original.listen, original.upstream, original.enabled ? u"enabled"_s : u"disabled"_s);
        if (auto error = restoreProxy(m_layout, name, original)) {
            m_print(u"proxies: %1; %2 should be %3"_s.arg(*error, name, settings));
            left.emplace(name, original);
        } else {
            m_print(u"proxies: set %1 back to %2"_s.arg(name, settings));
        }
    }
    m_state->updatedProxies = left;
}

void Environment::purgeData()
{
    if (!QFileInfo(m_layout.dir).isDir()) {
        m_print(u"Nothing to delete: %1 is not a folder"_s.arg(m_layout.dir));
        return;
    }
    // Only the folders `up` creates are removed, so a --dir pointing at a folder with other
    // files in it keeps them.
    for (const auto& sub : { u"mariadb"_s, u"rabbitmq"_s, u"redis"_s, u"postgres"_s, u"logs"_s })
        QDir(m_layout.path(sub)).removeRecursively();
    removeState(m_layout.dir);
    if (m_state && !m_state->postgresDataDir.isEmpty()) {
        QDir(m_state->postgresDataDir).removeRecursively();
        // Removes /var/lib/postgresql/chaoslab-env when no other stack's cluster is in it.
        QDir().rmdir(QFileInfo(m_state->postgresDataDir).absolutePath());
    }
    QDir().rmdir(m_layout.dir);
    m_print(u"Deleted the lab stack's data in %1"_s.arg(m_layout.dir));
}

} // namespace chaoslab::environment
