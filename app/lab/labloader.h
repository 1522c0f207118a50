// Loading and validating lab files. Every problem is reported with its line and column,
// so `chaoslab lab validate` and the lab player can point at it:
//
//     labs/latency.json:12:18: unknown toxic type "latncy"; expected latency, bandwidth, ...
#pragma once

#include "jsonreader.h"
#include "labdocument.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace chaoslab::lab {

// The format name every lab file declares in its "format" key.
inline constexpr char LabFormat[] = "chaoslab-lab/1";

struct LabLoadResult
{
    LabDocument lab;
    // Empty when the lab is valid; `lab` is complete only then.
    QList<JsonIssue> issues;

    bool ok() const { return issues.isEmpty(); }
};

LabLoadResult loadLab(QByteArrayView text);
// Reads `path` and loads it. A file that cannot be read gives one issue at line 1.
LabLoadResult loadLabFile(const QString& path);

// Returns "FILE:LINE:COLUMN: MESSAGE".
QString formatIssue(const QString& file, const JsonIssue& issue);

} // namespace chaoslab::lab
