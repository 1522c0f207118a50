#include "labparser.h"

#include "labloader.h"

#include "probes/probespec.h"

#include <QRegularExpression>
#include <QUrl>

namespace chaoslab::lab {

namespace {

const QStringList levels { QStringLiteral("beginner"), QStringLiteral("intermediate"),
    QStringLiteral("advanced") };
const QStringList serviceKinds { QStringLiteral("http"), QStringLiteral("tcp"),
    QStringLiteral("redis"), QStringLiteral("mariadb"), QStringLiteral("postgres"),
    QStringLiteral("rabbitmq"), QStringLiteral("mongodb") };

bool isLanguageCode(const std::string& key)
{
    return key.size() == 2 && std::islower(static_cast<unsigned char>(key[0]))
        && std::islower(static_cast<unsigned char>(key[1]));
}

} // namespace

QString LabText::in(const QString& language) const
{
    const QString text = byLanguage.value(language);
    return text.isEmpty() ? byLanguage.value(QStringLiteral("en")) : text;
}

LabText LabParser::text(
    const Json& object, const std::string& pointer, const char* key, bool required)
{
    LabText text;
    const Json* value = m_reader.member(object, pointer, key, required, Json::value_t::object);
    if (!value)
        return text;
    const std::string at = JsonReader::child(pointer, key);
    for (const auto& [language, translation] : value->items()) {
        const std::string translationAt = JsonReader::child(at, language.c_str());
        if (!isLanguageCode(language)) {
            m_reader.errorAtKey(translationAt,
                QStringLiteral("\"%1\" is not a language code; use two lower-case letters "
                               "such as \"en\" or \"id\"")
                    .arg(QString::fromStdString(language)));
        } else if (!translation.is_string() || translation.get<std::string>().empty()) {
            m_reader.errorAt(translationAt,
                QStringLiteral("the \"%1\" text must be a non-empty string")
                    .arg(QString::fromStdString(language)));
        } else {
            text.byLanguage.insert(QString::fromStdString(language),
                QString::fromStdString(translation.get<std::string>()));
        }
    }
    if (!value->contains("en"))
        m_reader.errorAt(at,
            QStringLiteral("\"%1\" needs an English text under \"en\"").arg(QLatin1String(key)));
    return text;
}

std::optional<QString> LabParser::identifier(
    const Json& object, const std::string& pointer, const char* key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    const std::optional<QString> value = m_reader.string(object, pointer, key, true);
    if (value && !pattern.match(*value).hasMatch()) {
        m_reader.errorAt(JsonReader::child(pointer, key),
            QStringLiteral("\"%1\" is not a valid %2; use letters, digits, '_', '.' and '-', "
                           "starting with a letter or digit")
                .arg(*value, QLatin1String(key)));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> LabParser::address(
    const Json& object, const std::string& pointer, const char* key, int lowestPort)
{
    const std::optional<QString> value = m_reader.string(object, pointer, key, true);
    if (!value)
        return std::nullopt;
    const qsizetype colon = value->lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? value->mid(colon + 1).toInt(&portOk) : 0;
    if (!portOk || port < lowestPort || port > 65535 || value->contains(u'/')) {
        m_reader.errorAt(JsonReader::child(pointer, key),
            QStringLiteral("\"%1\" is not a host:port address such as 127.0.0.1:18080 "
                           "(port %2-65535, no scheme)")
                .arg(*value)
                .arg(lowestPort));
        return std::nullopt;
    }
    return value;
}

QList<const LabParser::Json*> LabParser::objects(const Json& parent, const std::string& pointer,
    const char* key, bool required, QList<std::string>* pointers)
{
    QList<const Json*> items;
    const Json* array = m_reader.member(parent, pointer, key, required, Json::value_t::array);
    if (!array)
        return items;
    const std::string at = JsonReader::child(pointer, key);
    for (size_t i = 0; i < array->size(); ++i) {
        const std::string itemAt = JsonReader::child(at, i);
        if (!(*array)[i].is_object()) {
            m_reader.errorAt(itemAt,
                QStringLiteral("each entry of \"%1\" must be an object").arg(QLatin1String(key)));
            continue;
        }
        items.append(&(*array)[i]);
        pointers->append(itemAt);
    }
    return items;
}

LabDocument LabParser::read(const Json& root)
{
    const std::string at;
    if (!root.is_object()) {
        m_reader.errorAt(at, QStringLiteral("a lab file must hold one JSON object"));
        return m_lab;
    }
    m_reader.allowOnly(root, at,
        { "$schema", "format", "id", "title", "summary", "level", "minutes", "services", "proxies",
            "probes", "steps", "rollback" });
    if (const auto format = m_reader.string(root, at, "format", true);
        format && *format != QLatin1String(LabFormat)) {
        m_reader.errorAt("/format",
            QStringLiteral("unsupported format \"%1\"; this version reads \"%2\"")
                .arg(*format, QLatin1String(LabFormat)));
    }
    m_lab.id = identifier(root, at, "id").value_or(QString());
    m_lab.title = text(root, at, "title", true);
    m_lab.summary = text(root, at, "summary", true);
    if (const auto level = m_reader.string(root, at, "level", false)) {
        if (!levels.contains(*level))
            m_reader.errorAt("/level",
                QStringLiteral("unknown level \"%1\"; expected %2")
                    .arg(*level, levels.join(QStringLiteral(", "))));
        m_lab.level = *level;
    }
    m_lab.minutes = int(m_reader.integer(root, at, "minutes", false, 1, 600).value_or(0));
    readServices(root);
    readProxies(root);
    readProbes(root);
    readSteps(root);
    if (const Json* rollback
        = m_reader.member(root, at, "rollback", false, Json::value_t::object)) {
        m_reader.allowOnly(*rollback, "/rollback", { "reset_all" });
        m_lab.resetAll
            = m_reader.boolean(*rollback, "/rollback", "reset_all", false).value_or(false);
    }
    return m_lab;
}

void LabParser::readServices(const Json& root)
{
    QList<std::string> at;
    const auto services = objects(root, {}, "services", false, &at);
    for (qsizetype i = 0; i < services.size(); ++i) {
        const Json& service = *services[i];
        m_reader.allowOnly(service, at[i], { "kind", "address", "how_to_start" });
        LabService read;
        read.kind = m_reader.string(service, at[i], "kind", true).value_or(QString());
        if (!read.kind.isEmpty() && !serviceKinds.contains(read.kind)) {
            m_reader.errorAt(JsonReader::child(at[i], "kind"),
                QStringLiteral("unknown service kind \"%1\"; expected %2")
                    .arg(read.kind, serviceKinds.join(QStringLiteral(", "))));
        }
        read.address = address(service, at[i], "address", 1).value_or(QString());
        read.howToStart = text(service, at[i], "how_to_start", true);
        m_lab.services.append(read);
    }
}

void LabParser::readProxies(const Json& root)
{
    QList<std::string> at;
    const auto proxies = objects(root, {}, "proxies", false, &at);
    for (qsizetype i = 0; i < proxies.size(); ++i) {
        const Json& proxy = *proxies[i];
        m_reader.allowOnly(proxy, at[i], { "name", "listen", "upstream" });
        LabProxy read;
        read.name = identifier(proxy, at[i], "name").value_or(QString());
        // Port 0 lets the server pick a free port, as in Toxiproxy.
        read.listen = address(proxy, at[i], "listen", 0).value_or(QString());
        read.upstream = address(proxy, at[i], "upstream", 1).value_or(QString());
        if (!read.name.isEmpty() && m_proxyNames.contains(read.name)) {
            m_reader.errorAt(JsonReader::child(at[i], "name"),
                QStringLiteral("proxy \"%1\" is declared twice").arg(read.name));
        }
        m_proxyNames.insert(read.name);
        m_lab.proxies.append(read);
    }
}

void LabParser::readProbes(const Json& root)
{
    QList<std::string> at;
    const auto probes = objects(root, {}, "probes", false, &at);
    for (qsizetype i = 0; i < probes.size(); ++i) {
        const Json& probe = *probes[i];
        m_reader.allowOnly(probe, at[i], { "id", "url", "interval_ms", "timeout_ms" });
        LabProbe read;
        read.id = identifier(probe, at[i], "id").value_or(QString());
        read.url = m_reader.string(probe, at[i], "url", true).value_or(QString());
        QString error;
        if (!read.url.isEmpty() && !probes::ProbeSpec::fromUrl(QUrl(read.url), &error))
            m_reader.errorAt(JsonReader::child(at[i], "url"), error);
        read.intervalMs
            = int(m_reader.integer(probe, at[i], "interval_ms", false, 50, 60000).value_or(500));
        read.timeoutMs
            = int(m_reader.integer(probe, at[i], "timeout_ms", false, 50, 60000).value_or(2000));
        if (!read.id.isEmpty() && m_probeIds.contains(read.id)) {
            m_reader.errorAt(JsonReader::child(at[i], "id"),
                QStringLiteral("probe \"%1\" is declared twice").arg(read.id));
        }
        m_probeIds.insert(read.id);
        m_lab.probes.append(read);
    }
}

void LabParser::readSteps(const Json& root)
{
    QList<std::string> at;
    const auto steps = objects(root, {}, "steps", true, &at);
    if (steps.isEmpty() && root.contains("steps"))
        m_reader.errorAt("/steps", QStringLiteral("a lab needs at least one step"));
    QSet<QString> ids;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        LabStep step = readStep(*steps[i], at[i]);
        if (!step.id.isEmpty() && ids.contains(step.id)) {
            m_reader.errorAt(JsonReader::child(at[i], "id"),
                QStringLiteral("step \"%1\" is declared twice").arg(step.id));
        }
        ids.insert(step.id);
        m_lab.steps.append(step);
    }
}

} // namespace chaoslab::lab
