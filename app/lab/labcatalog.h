// The labs a participant can pick: the bundled ones and those in the user's lab folder.
#pragma once

#include "labloader.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace chaoslab::lab {

struct LabEntry
{
    QString path;
    // Invalid files are listed too, with their problems, so a participant who edits a lab
    // learns why it does not appear as playable.
    LabLoadResult loaded;
};

// The resource folder of the labs compiled into the program.
inline constexpr char BundledLabFolder[] = ":/labs";

// Loads every .json file of each folder except schemas, in name order, folder by folder.
// A lab id that an earlier folder already provides is skipped.
QList<LabEntry> findLabs(const QStringList& folders);

} // namespace chaoslab::lab
