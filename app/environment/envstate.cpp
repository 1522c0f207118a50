#include "envstate.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;
using nlohmann::json;

namespace chaoslab::environment {

namespace {

const char* engineModeName(EngineMode mode)
{
    switch (mode) {
    case EngineMode::Started:
        return "started";
    case EngineMode::External:
        return "external";
    case EngineMode::None:
        break;
    }
    return "none";
}

EngineMode engineModeFromName(const std::string& name)
{
    if (name == "started")
        return EngineMode::Started;
    if (name == "external")
        return EngineMode::External;
    return EngineMode::None;
}

QString text(const json& object, const char* key)
{
    return QString::fromStdString(object.value(key, std::string()));
}

json toJson(const ProcessRecord& record)
{
    return { { "service", record.service.toStdString() }, { "pid", record.pid },
        { "start_time", record.startTime }, { "executable", record.executable.toStdString() },
        { "log", record.log.toStdString() } };
}

ProcessRecord recordFromJson(const json& object)
{
    return ProcessRecord { text(object, "service"), object.value("pid", qint64(0)),
        object.value("start_time", std::uint64_t(0)), text(object, "executable"),
        text(object, "log") };
}

json toJson(const ApiProxy& proxy)
{
    return { { "listen", proxy.listen.toStdString() }, { "upstream", proxy.upstream.toStdString() },
        { "enabled", proxy.enabled } };
}

ApiProxy proxyFromJson(const json& object)
{
    return ApiProxy { text(object, "listen"), text(object, "upstream"),
        object.value("enabled", false) };
}

// Reads the fields of a parsed state file. Throws json::exception on a value of the
// wrong type.
EnvState stateFromJson(const json& object)
{
    EnvState state;
    state.host = text(object, "host");
    state.ports = defaultPorts();
    // items() refers to its object, so each object must outlive its loop.
    const auto ports = object.value("ports", json::object());
    for (const auto& [name, value] : ports.items())
        state.ports[name] = value.get<std::uint16_t>();
    state.engine = engineModeFromName(object.value("engine", std::string()));
    for (const auto& record : object.value("processes", json::array()))
        state.processes.push_back(recordFromJson(record));
    for (const auto& name : object.value("created_proxies", json::array()))
        state.createdProxies.append(QString::fromStdString(name.get<std::string>()));
    const auto updated = object.value("updated_proxies", json::object());
    for (const auto& [name, proxy] : updated.items())
        state.updatedProxies[QString::fromStdString(name)] = proxyFromJson(proxy);
    const auto failures = object.value("failures", json::object());
    for (const auto& [name, reason] : failures.items())
        state.failures[QString::fromStdString(name)] = QString::fromStdString(reason);
    state.postgresDataDir = text(object, "postgres_data");
    return state;
}

} // namespace

std::vector<ProcessRecord> EnvState::processesOf(const QString& service) const
{
    std::vector<ProcessRecord> found;
    for (const auto& record : processes) {
        if (record.service == service)
            found.push_back(record);
    }
    return found;
}

QString statePath(const QString& dir)
{
    return dir + u"/state.json"_s;
}

std::optional<EnvState> loadState(const QString& dir, QString& error)
{
    QFile file(statePath(dir));
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        error = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    const auto object = json::parse(file.readAll().toStdString(), nullptr, false);
    if (!object.is_object()) {
        error = u"%1 is not a JSON object; remove it if no lab stack runs from %2"_s.arg(
            file.fileName(), dir);
        return std::nullopt;
    }
    try {
        return stateFromJson(object);
    } catch (const json::exception& exception) {
        error = u"%1 has a value of the wrong type (%2); remove it if no lab stack runs from "
                "%3"_s.arg(file.fileName(), QString::fromUtf8(exception.what()), dir);
        return std::nullopt;
    }
}

std::optional<QString> saveState(const QString& dir, const EnvState& state)
{
    json processes = json::array();
    for (const auto& record : state.processes)
        processes.push_back(toJson(record));
    json proxies = json::array();
    for (const auto& name : state.createdProxies)
        proxies.push_back(name.toStdString());
    json updated = json::object();
    for (const auto& [name, proxy] : state.updatedProxies)
        updated[name.toStdString()] = toJson(proxy);
    json failures = json::object();
    for (const auto& [name, reason] : state.failures)
        failures[name.toStdString()] = reason.toStdString();
    const json object = { { "host", state.host.toStdString() }, { "ports", state.ports },
        { "engine", engineModeName(state.engine) }, { "processes", processes },
        { "created_proxies", proxies }, { "updated_proxies", updated }, { "failures", failures },
        { "postgres_data", state.postgresDataDir.toStdString() } };

    QDir().mkpath(dir);
    QSaveFile file(statePath(dir));
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
    file.write(QByteArray::fromStdString(object.dump(2) + '\n'));
    if (!file.commit())
        return u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
    return std::nullopt;
}

void removeState(const QString& dir)
{
    QFile::remove(statePath(dir));
}

} // namespace chaoslab::environment
