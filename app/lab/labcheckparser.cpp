#include "labparser.h"

#include "probes/probeoutcome.h"

namespace chaoslab::lab {

namespace {

const QStringList checkNames { QStringLiteral("toxic"), QStringLiteral("proxy"),
    QStringLiteral("probe") };
const QStringList metrics { QStringLiteral("p50"), QStringLiteral("p95"), QStringLiteral("p99"),
    QStringLiteral("max"), QStringLiteral("error_rate"), QStringLiteral("outcome_rate"),
    QStringLiteral("outcome_count") };

bool isOutcomeMetric(const QString& metric)
{
    return metric == u"outcome_rate" || metric == u"outcome_count";
}

QString outcomeList()
{
    QStringList names;
    for (const probes::ProbeOutcome outcome : probes::AllProbeOutcomes)
        names.append(probes::outcomeName(outcome));
    return names.join(QStringLiteral(", "));
}

} // namespace

std::optional<LabRange> LabParser::readRange(const Json& object, const std::string& pointer)
{
    LabRange range;
    range.min = m_reader.number(object, pointer, "min", false);
    range.max = m_reader.number(object, pointer, "max", false);
    if (!range.min && !range.max) {
        m_reader.errorAt(pointer, QStringLiteral("give \"min\", \"max\" or both"));
        return std::nullopt;
    }
    if (range.min && range.max && *range.min > *range.max) {
        m_reader.errorAt(pointer,
            QStringLiteral("\"min\" %1 is above \"max\" %2").arg(*range.min).arg(*range.max));
        return std::nullopt;
    }
    return range;
}

std::optional<LabCheck> LabParser::readCheck(const Json& check, const std::string& pointer)
{
    const std::optional<QString> name = m_reader.string(check, pointer, "check", true);
    if (!name)
        return std::nullopt;
    const qsizetype kind = checkNames.indexOf(*name);
    if (kind < 0) {
        m_reader.errorAt(JsonReader::child(pointer, "check"),
            QStringLiteral("unknown check \"%1\"; expected %2")
                .arg(*name, checkNames.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    LabCheck read;
    read.kind = LabCheck::Kind(kind);
    if (read.kind == LabCheck::Kind::Proxy) {
        m_reader.allowOnly(check, pointer, { "check", "proxy", "enabled" });
        read.enabled = m_reader.boolean(check, pointer, "enabled", true);
        return knownProxy(check, pointer, read.proxy) && read.enabled ? std::optional(read)
                                                                      : std::nullopt;
    }
    if (read.kind == LabCheck::Kind::Probe)
        return readProbeCheck(check, pointer, read);
    return readToxicCheck(check, pointer, read);
}

std::optional<LabCheck> LabParser::readProbeCheck(
    const Json& check, const std::string& pointer, LabCheck& read)
{
    m_reader.allowOnly(
        check, pointer, { "check", "probe", "metric", "outcome", "min", "max", "seconds" });
    read.probe = m_reader.string(check, pointer, "probe", true).value_or(QString());
    if (!read.probe.isEmpty() && !m_probeIds.contains(read.probe)) {
        m_reader.errorAt(JsonReader::child(pointer, "probe"),
            QStringLiteral("unknown probe \"%1\"; declare it under \"probes\"").arg(read.probe));
        return std::nullopt;
    }
    read.metric = m_reader.string(check, pointer, "metric", true).value_or(QString());
    if (!read.metric.isEmpty() && !metrics.contains(read.metric)) {
        m_reader.errorAt(JsonReader::child(pointer, "metric"),
            QStringLiteral("unknown metric \"%1\"; expected %2")
                .arg(read.metric, metrics.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    const bool outcomeOk = readOutcome(check, pointer, read);
    read.seconds = int(m_reader.integer(check, pointer, "seconds", false, 1, 3600).value_or(1));
    const auto range = readRange(check, pointer);
    if (!range || !outcomeOk || read.probe.isEmpty() || read.metric.isEmpty())
        return std::nullopt;
    read.range = *range;
    return read;
}

bool LabParser::readOutcome(const Json& check, const std::string& pointer, LabCheck& into)
{
    const std::optional<QString> name = m_reader.string(check, pointer, "outcome", false);
    if (into.metric.isEmpty())
        return false;
    if (!isOutcomeMetric(into.metric)) {
        if (!name)
            return true;
        m_reader.errorAtKey(JsonReader::child(pointer, "outcome"),
            QStringLiteral("\"outcome\" applies only to the metrics outcome_rate and "
                           "outcome_count, not to \"%1\"; remove it or change the metric")
                .arg(into.metric));
        return false;
    }
    if (!name) {
        if (!check.contains("outcome")) {
            m_reader.errorAt(pointer,
                QStringLiteral("metric \"%1\" needs \"outcome\", one of %2")
                    .arg(into.metric, outcomeList()));
        }
        return false;
    }
    into.outcome = probes::outcomeFromName(*name);
    if (!into.outcome) {
        m_reader.errorAt(JsonReader::child(pointer, "outcome"),
            QStringLiteral("unknown outcome \"%1\"; expected %2").arg(*name, outcomeList()));
        return false;
    }
    return true;
}

std::optional<LabCheck> LabParser::readToxicCheck(
    const Json& check, const std::string& pointer, LabCheck& read)
{
    m_reader.allowOnly(
        check, pointer, { "check", "proxy", "type", "stream", "present", "attributes" });
    const bool proxyOk = knownProxy(check, pointer, read.proxy);
    read.toxicType = m_reader.string(check, pointer, "type", true).value_or(QString());
    read.present = m_reader.boolean(check, pointer, "present", false).value_or(true);
    if (const auto stream = m_reader.string(check, pointer, "stream", false)) {
        read.stream = toxiproxy::parseStream(*stream);
        if (!read.stream) {
            m_reader.errorAt(JsonReader::child(pointer, "stream"),
                QStringLiteral("unknown stream \"%1\"; expected upstream or downstream")
                    .arg(*stream));
        }
    }
    const engine::ToxicType* type = toxicTypeNamed(read.toxicType);
    if (!read.toxicType.isEmpty() && !type) {
        m_reader.errorAt(JsonReader::child(pointer, "type"),
            QStringLiteral("unknown toxic type \"%1\"; expected %2")
                .arg(read.toxicType, toxicTypeList()));
    }
    const Json* attributes
        = m_reader.member(check, pointer, "attributes", false, Json::value_t::object);
    if (attributes && type)
        readAttributeRanges(*attributes, JsonReader::child(pointer, "attributes"), *type, read);
    if (!proxyOk || !type || (read.stream == std::nullopt && check.contains("stream")))
        return std::nullopt;
    return read;
}

void LabParser::readAttributeRanges(const Json& attributes, const std::string& pointer,
    const engine::ToxicType& type, LabCheck& into)
{
    for (const auto& [attribute, range] : attributes.items()) {
        const std::string at = JsonReader::child(pointer, attribute.c_str());
        const bool belongs = std::find(type.attributes.begin(), type.attributes.end(), attribute)
            != type.attributes.end();
        if (!belongs) {
            m_reader.errorAtKey(at,
                QStringLiteral("%1 has no attribute \"%2\"")
                    .arg(into.toxicType, QString::fromStdString(attribute)));
            continue;
        }
        if (!range.is_object()) {
            m_reader.errorAt(at,
                QStringLiteral("an attribute check must be an object with \"min\", \"max\" "
                               "or both"));
            continue;
        }
        m_reader.allowOnly(range, at, { "min", "max" });
        if (const auto bounds = readRange(range, at))
            into.attributes.insert(QString::fromStdString(attribute), *bounds);
    }
}

} // namespace chaoslab::lab
