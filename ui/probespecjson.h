// Probe specs as JSON, the form in which the console saves its probe list in the settings:
// an array of objects with the ProbeSpec field names in snake_case, times in milliseconds
// and the body as text. Unknown keys are ignored and missing keys take the spec's defaults.
//
// NOTE: the password is stored as plain text, like the rest of the settings file, because
// lab credentials are throwaway; do not probe production services with real passwords.
#pragma once

#include "probes/probespec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace chaoslab::ui {

QJsonObject probeSpecToJson(const probes::ProbeSpec& spec);
// Returns nothing and sets `error` when the object has no known kind.
std::optional<probes::ProbeSpec> probeSpecFromJson(const QJsonObject& object, QString* error);

QString probeSpecsToJson(const QList<probes::ProbeSpec>& specs);
// Skips entries that cannot be read and names each in `errors`.
QList<probes::ProbeSpec> probeSpecsFromJson(const QString& json, QStringList* errors);

} // namespace chaoslab::ui
