// The reader of one lab document, shared by the files that read its parts. Internal to the
// lab library.
#pragma once

#include "jsonreader.h"
#include "labdocument.h"

#include "engine/toxicspec.h"

#include <QSet>

namespace chaoslab::lab {

// The toxic type named `name`, or nullptr when the engine has none of that name.
const engine::ToxicType* toxicTypeNamed(const QString& name);
// Every toxic type name, comma-separated, for error messages.
QString toxicTypeList();

class LabParser
{
public:
    using Json = nlohmann::json;

    explicit LabParser(const JsonLocations& locations) : m_reader(locations) { }

    LabDocument read(const Json& root);
    const QList<JsonIssue>& issues() const { return m_reader.issues(); }

private:
    // labparser.cpp: the document and its declarations.
    LabText text(const Json& object, const std::string& pointer, const char* key, bool required);
    std::optional<QString> identifier(
        const Json& object, const std::string& pointer, const char* key);
    std::optional<QString> address(
        const Json& object, const std::string& pointer, const char* key, int lowestPort);
    QList<const Json*> objects(const Json& parent, const std::string& pointer, const char* key,
        bool required, QList<std::string>* pointers);
    void readServices(const Json& root);
    void readProxies(const Json& root);
    void readProbes(const Json& root);
    void readSteps(const Json& root);

    // labstepparser.cpp: one step, its actions and its question.
    LabStep readStep(const Json& step, const std::string& pointer);
    std::optional<LabAction> readAction(const Json& action, const std::string& pointer);
    bool readToxic(const Json& action, const std::string& pointer, LabAction& into);
    bool readAttributes(const Json& object, const std::string& pointer, const QString& type,
        toxiproxy::Toxic& into);
    std::optional<LabQuestion> readQuestion(const Json& step, const std::string& pointer);
    bool knownProxy(const Json& object, const std::string& pointer, QString& name);

    // labcheckparser.cpp: one check of a step.
    std::optional<LabCheck> readCheck(const Json& check, const std::string& pointer);
    std::optional<LabCheck> readProbeCheck(
        const Json& check, const std::string& pointer, LabCheck& read);
    // Reads "outcome", which the outcome metrics require and the others reject.
    bool readOutcome(const Json& check, const std::string& pointer, LabCheck& into);
    std::optional<LabCheck> readToxicCheck(
        const Json& check, const std::string& pointer, LabCheck& read);
    void readAttributeRanges(const Json& attributes, const std::string& pointer,
        const engine::ToxicType& type, LabCheck& into);
    std::optional<LabRange> readRange(const Json& object, const std::string& pointer);

    JsonReader m_reader;
    LabDocument m_lab;
    QSet<QString> m_proxyNames;
    QSet<QString> m_probeIds;
};

} // namespace chaoslab::lab
