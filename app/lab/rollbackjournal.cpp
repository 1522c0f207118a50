#include "rollbackjournal.h"

#include "processidentity.h"
#include "toxiproxy/responseparser.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace chaoslab::lab {

using Json = nlohmann::ordered_json;
using toxiproxy::Proxy;

namespace {

constexpr char JournalFormat[] = "chaoslab-rollback/1";

// The shape GET /proxies/{name} returns, so that the toxiproxy parser reads it back.
Json proxyJson(const Proxy& proxy)
{
    Json toxics = Json::array();
    for (const toxiproxy::Toxic& toxic : proxy.toxics) {
        Json attributes = Json::object();
        for (const auto& attribute : toxic.attributes)
            attributes[attribute.name.toStdString()] = attribute.value;
        toxics.push_back(
            { { "name", toxic.name.toStdString() }, { "type", toxic.type.toStdString() },
                { "stream", toxiproxy::streamName(toxic.stream).toStdString() },
                { "toxicity", toxic.toxicity }, { "attributes", attributes } });
    }
    return { { "name", proxy.name.toStdString() }, { "listen", proxy.listen.toStdString() },
        { "upstream", proxy.upstream.toStdString() }, { "enabled", proxy.enabled },
        { "toxics", toxics } };
}

// Whether the process that wrote the journal file at `path` still runs, so the journal
// belongs to a run in progress. A journal that cannot be read counts as left behind, so
// that reading it reports the damage.
bool writerIsRunning(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const Json root = Json::parse(file.readAll().toStdString(), nullptr, false);
    if (!root.is_object() || !root.contains("writer") || !root["writer"].is_object())
        return false;
    const Json& writer = root["writer"];
    const ProcessIdentity identity { writer.value("pid", qint64(0)),
        writer.value("start_ticks", qint64(0)) };
    return identity.isRunning();
}

QString text(const Json& object, const char* key)
{
    return QString::fromStdString(object.at(key).get<std::string>());
}

} // namespace

RollbackJournal::RollbackJournal(QString path, QString owner, QUrl serverUrl)
    : m_path(std::move(path))
    , m_owner(std::move(owner))
    , m_serverUrl(std::move(serverUrl))
    , m_started(QDateTime::currentDateTimeUtc())
{ }

std::optional<RollbackJournal> RollbackJournal::read(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error
            = QStringLiteral("cannot read rollback journal %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    try {
        const Json root = Json::parse(file.readAll().toStdString());
        if (root.at("format").get<std::string>() != JournalFormat)
            throw std::runtime_error("unknown format " + root.at("format").dump());
        RollbackJournal journal(path, text(root, "owner"), QUrl(text(root, "server")));
        journal.m_started = QDateTime::fromString(text(root, "started"), Qt::ISODateWithMs);
        for (const Json& entry : root.at("proxies")) {
            Entry read { text(entry, "name"), std::nullopt };
            if (!entry.at("created").get<bool>())
                read.before
                    = toxiproxy::parseProxy(QByteArray::fromStdString(entry.at("before").dump()));
            journal.m_entries.append(read);
        }
        return journal;
    } catch (const std::exception& failure) {
        *error = QStringLiteral("rollback journal %1 is damaged (%2); the proxies it recorded "
                                "were not restored, so check them and reset if needed")
                     .arg(path, QString::fromUtf8(failure.what()));
        return std::nullopt;
    }
}

QStringList RollbackJournal::leftBehind(const QString& folder)
{
    QStringList paths;
    const QDir dir(folder);
    for (const QString& name :
        dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Time | QDir::Reversed)) {
        if (!writerIsRunning(dir.filePath(name)))
            paths.append(dir.filePath(name));
    }
    return paths;
}

bool RollbackJournal::isRecorded(const QString& proxy) const
{
    return std::any_of(m_entries.begin(), m_entries.end(),
        [&proxy](const Entry& entry) { return entry.proxy == proxy; });
}

bool RollbackJournal::recordProxy(const Proxy& before, QString* error)
{
    if (isRecorded(before.name))
        return true;
    m_entries.append({ before.name, before });
    if (write(error))
        return true;
    m_entries.removeLast();
    return false;
}

bool RollbackJournal::recordCreatedProxy(const QString& name, QString* error)
{
    if (isRecorded(name))
        return true;
    m_entries.append({ name, std::nullopt });
    if (write(error))
        return true;
    m_entries.removeLast();
    return false;
}

bool RollbackJournal::write(QString* error) const
{
    Json proxies = Json::array();
    for (const Entry& entry : m_entries) {
        Json item = { { "name", entry.proxy.toStdString() }, { "created", !entry.before } };
        if (entry.before)
            item["before"] = proxyJson(*entry.before);
        proxies.push_back(item);
    }
    const ProcessIdentity writer = ProcessIdentity::current();
    const Json root = { { "format", JournalFormat }, { "owner", m_owner.toStdString() },
        { "server", m_serverUrl.toString().toStdString() },
        { "writer", { { "pid", writer.pid }, { "start_ticks", writer.startTicks } } },
        { "started", m_started.toString(Qt::ISODateWithMs).toStdString() },
        { "proxies", proxies } };

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // The new content replaces the file in one rename, so a crash while writing leaves the
    // previous complete journal rather than half a file.
    QSaveFile file(m_path);
    const QByteArray bytes = QByteArray::fromStdString(root.dump(2));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write rollback journal %1: %2; the change was not "
                                "applied, so free disk space or fix the folder's permissions")
                     .arg(m_path, file.errorString());
        return false;
    }
    return true;
}

bool RollbackJournal::discard(QString* error)
{
    if (!QFile::exists(m_path) || QFile::remove(m_path))
        return true;
    *error = QStringLiteral("cannot delete rollback journal %1; delete it by hand, or the "
                            "next start restores its proxies again")
                 .arg(m_path);
    return false;
}

} // namespace chaoslab::lab
