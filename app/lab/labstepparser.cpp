#include "labparser.h"

#include "engine/toxicspec.h"

#include <limits>

namespace chaoslab::lab {

namespace {

const QStringList actionNames { QStringLiteral("add_toxic"), QStringLiteral("update_toxic"),
    QStringLiteral("remove_toxic"), QStringLiteral("enable_proxy"), QStringLiteral("disable_proxy"),
    QStringLiteral("reset") };

constexpr qint64 MaxAttribute = std::numeric_limits<qint32>::max();

} // namespace

QString toxicTypeList()
{
    QStringList names;
    for (const auto& type : engine::toxicTypes())
        names.append(QString::fromLatin1(type.name.data(), qsizetype(type.name.size())));
    return names.join(QStringLiteral(", "));
}

const engine::ToxicType* toxicTypeNamed(const QString& name)
{
    return engine::findToxicType(name.toStdString());
}

bool LabParser::knownProxy(const Json& object, const std::string& pointer, QString& name)
{
    name = m_reader.string(object, pointer, "proxy", true).value_or(QString());
    if (name.isEmpty())
        return false;
    if (!m_proxyNames.contains(name)) {
        m_reader.errorAt(JsonReader::child(pointer, "proxy"),
            QStringLiteral("unknown proxy \"%1\"; declare it under \"proxies\"").arg(name));
        return false;
    }
    return true;
}

LabStep LabParser::readStep(const Json& step, const std::string& pointer)
{
    m_reader.allowOnly(step, pointer,
        { "id", "title", "text", "actions", "checks", "confirm", "question", "hints" });
    LabStep read;
    read.id = identifier(step, pointer, "id").value_or(QString());
    read.title = text(step, pointer, "title", true);
    read.text = text(step, pointer, "text", true);
    read.confirm = text(step, pointer, "confirm", false);
    read.question = readQuestion(step, pointer);

    QList<std::string> actionsAt;
    const auto actions = objects(step, pointer, "actions", false, &actionsAt);
    for (qsizetype i = 0; i < actions.size(); ++i) {
        if (auto action = readAction(*actions[i], actionsAt[i]))
            read.actions.append(*action);
    }
    QList<std::string> checksAt;
    const auto checks = objects(step, pointer, "checks", false, &checksAt);
    for (qsizetype i = 0; i < checks.size(); ++i) {
        if (auto check = readCheck(*checks[i], checksAt[i]))
            read.checks.append(*check);
    }
    if (const Json* hints = m_reader.member(step, pointer, "hints", false, Json::value_t::array)) {
        const std::string hintsAt = JsonReader::child(pointer, "hints");
        for (size_t i = 0; i < hints->size(); ++i) {
            const Json holder = Json::object({ { "hint", (*hints)[i] } });
            // Each hint is a text object; reading it through a holder reuses text().
            const LabText hint = text(holder, JsonReader::child(hintsAt, i), "hint", true);
            if (!hint.isEmpty())
                read.hints.append(hint);
        }
    }
    // Counts what the step declares, so a step whose only check is invalid gets that
    // check's error alone.
    const bool completes
        = !checks.isEmpty() || step.contains("confirm") || step.contains("question");
    if (!completes) {
        m_reader.errorAt(pointer,
            QStringLiteral("step \"%1\" has no way to complete; give it \"checks\", "
                           "\"confirm\" or \"question\"")
                .arg(read.id));
    }
    return read;
}

std::optional<LabAction> LabParser::readAction(const Json& action, const std::string& pointer)
{
    const std::optional<QString> name = m_reader.string(action, pointer, "do", true);
    if (!name)
        return std::nullopt;
    const qsizetype kind = actionNames.indexOf(*name);
    if (kind < 0) {
        m_reader.errorAt(JsonReader::child(pointer, "do"),
            QStringLiteral("unknown action \"%1\"; expected %2")
                .arg(*name, actionNames.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    LabAction read;
    read.kind = LabAction::Kind(kind);
    switch (read.kind) {
    case LabAction::Kind::Reset:
        m_reader.allowOnly(action, pointer, { "do" });
        return read;
    case LabAction::Kind::EnableProxy:
    case LabAction::Kind::DisableProxy:
        m_reader.allowOnly(action, pointer, { "do", "proxy" });
        return knownProxy(action, pointer, read.proxy) ? std::optional(read) : std::nullopt;
    case LabAction::Kind::RemoveToxic:
        m_reader.allowOnly(action, pointer, { "do", "proxy", "toxic" });
        read.toxic.name = m_reader.string(action, pointer, "toxic", true).value_or(QString());
        return knownProxy(action, pointer, read.proxy) && !read.toxic.name.isEmpty()
            ? std::optional(read)
            : std::nullopt;
    case LabAction::Kind::AddToxic:
    case LabAction::Kind::UpdateToxic:
        break;
    }
    if (read.kind == LabAction::Kind::AddToxic)
        m_reader.allowOnly(action, pointer, { "do", "proxy", "toxic" });
    else
        m_reader.allowOnly(
            action, pointer, { "do", "proxy", "toxic", "type", "toxicity", "attributes" });
    const bool proxyOk = knownProxy(action, pointer, read.proxy);
    return readToxic(action, pointer, read) && proxyOk ? std::optional(read) : std::nullopt;
}

bool LabParser::readToxic(const Json& action, const std::string& pointer, LabAction& into)
{
    if (into.kind == LabAction::Kind::UpdateToxic) {
        // An update names the toxic, and its type so the attribute names can be checked.
        into.toxic.name = m_reader.string(action, pointer, "toxic", true).value_or(QString());
        into.toxic.type = m_reader.string(action, pointer, "type", true).value_or(QString());
        if (const auto toxicity = m_reader.number(action, pointer, "toxicity", false)) {
            into.toxic.toxicity = *toxicity;
            into.toxicityGiven = true;
        }
        return !into.toxic.name.isEmpty() && toxicTypeNamed(into.toxic.type)
            && readAttributes(action, pointer, into.toxic.type, into.toxic);
    }
    const Json* toxic = m_reader.member(action, pointer, "toxic", true, Json::value_t::object);
    if (!toxic)
        return false;
    const std::string at = JsonReader::child(pointer, "toxic");
    m_reader.allowOnly(*toxic, at, { "type", "name", "stream", "toxicity", "attributes" });
    into.toxic.type = m_reader.string(*toxic, at, "type", true).value_or(QString());
    into.toxic.name = m_reader.string(*toxic, at, "name", false).value_or(QString());
    if (const auto stream = m_reader.string(*toxic, at, "stream", false)) {
        const auto parsed = toxiproxy::parseStream(*stream);
        if (!parsed) {
            m_reader.errorAt(JsonReader::child(at, "stream"),
                QStringLiteral("unknown stream \"%1\"; expected upstream or downstream")
                    .arg(*stream));
            return false;
        }
        into.toxic.stream = *parsed;
    }
    if (const auto toxicity = m_reader.number(*toxic, at, "toxicity", false)) {
        into.toxic.toxicity = *toxicity;
        into.toxicityGiven = true;
    }
    if (!into.toxic.type.isEmpty() && !toxicTypeNamed(into.toxic.type)) {
        m_reader.errorAt(JsonReader::child(at, "type"),
            QStringLiteral("unknown toxic type \"%1\"; expected %2")
                .arg(into.toxic.type, toxicTypeList()));
        return false;
    }
    return !into.toxic.type.isEmpty() && readAttributes(*toxic, at, into.toxic.type, into.toxic);
}

bool LabParser::readAttributes(
    const Json& object, const std::string& pointer, const QString& type, toxiproxy::Toxic& into)
{
    const engine::ToxicType* known = toxicTypeNamed(type);
    if (!known) {
        m_reader.errorAt(JsonReader::child(pointer, "type"),
            QStringLiteral("unknown toxic type \"%1\"; expected %2").arg(type, toxicTypeList()));
        return false;
    }
    if (into.toxicity < 0 || into.toxicity > 1) {
        m_reader.errorAt(JsonReader::child(pointer, "toxicity"),
            QStringLiteral("toxicity %1 is outside 0 to 1").arg(into.toxicity));
        return false;
    }
    const Json* attributes
        = m_reader.member(object, pointer, "attributes", false, Json::value_t::object);
    if (!attributes)
        return true;
    const std::string at = JsonReader::child(pointer, "attributes");
    engine::ToxicSpec spec = engine::defaultToxic(*known);
    std::vector<std::string> given;
    bool ok = true;
    for (const auto& [name, value] : attributes->items()) {
        const bool belongs = std::find(known->attributes.begin(), known->attributes.end(), name)
            != known->attributes.end();
        if (!belongs) {
            QStringList names;
            for (const auto& attribute : known->attributes)
                names.append(QString::fromLatin1(attribute.data(), qsizetype(attribute.size())));
            m_reader.errorAtKey(JsonReader::child(at, name.c_str()),
                QStringLiteral("%1 has no attribute \"%2\"; it has %3")
                    .arg(type, QString::fromStdString(name), names.join(QStringLiteral(", "))));
            ok = false;
            continue;
        }
        const auto number = m_reader.integer(*attributes, at, name.c_str(), true, 0, MaxAttribute);
        if (!number) {
            ok = false;
            continue;
        }
        into.setAttribute(QString::fromStdString(name), *number);
        spec.setAttribute(name, *number);
        given.push_back(name);
    }
    if (const auto problem = engine::validateToxic(spec, given); ok && problem) {
        m_reader.errorAt(at, QString::fromStdString(*problem));
        ok = false;
    }
    return ok;
}

std::optional<LabQuestion> LabParser::readQuestion(const Json& step, const std::string& pointer)
{
    const Json* question = m_reader.member(step, pointer, "question", false, Json::value_t::object);
    if (!question)
        return std::nullopt;
    const std::string at = JsonReader::child(pointer, "question");
    m_reader.allowOnly(*question, at, { "prompt", "choices" });
    LabQuestion read;
    read.prompt = text(*question, at, "prompt", true);
    QList<std::string> choicesAt;
    const auto choices = objects(*question, at, "choices", true, &choicesAt);
    int correct = 0;
    for (qsizetype i = 0; i < choices.size(); ++i) {
        m_reader.allowOnly(*choices[i], choicesAt[i], { "text", "correct", "feedback" });
        LabChoice choice;
        choice.text = text(*choices[i], choicesAt[i], "text", true);
        choice.correct
            = m_reader.boolean(*choices[i], choicesAt[i], "correct", false).value_or(false);
        choice.feedback = text(*choices[i], choicesAt[i], "feedback", false);
        correct += choice.correct ? 1 : 0;
        read.choices.append(choice);
    }
    if (choices.size() < 2 || correct == 0) {
        m_reader.errorAt(JsonReader::child(at, "choices"),
            QStringLiteral("a question needs at least two choices, one of them \"correct\": true"));
        return std::nullopt;
    }
    return read;
}

} // namespace chaoslab::lab
