// A participant's place in each lab, kept in one small JSON file per lab so that progress
// survives closing the window or a crash.
#pragma once

#include <QSet>
#include <QString>

namespace chaoslab::lab {

struct LabProgress
{
    int currentStep = 0;
    QSet<QString> completedSteps;
    bool finished = false;

    // Reads `path`; a missing or damaged file reads as no progress.
    static LabProgress read(const QString& path);
    // Returns false and sets `error` when the file cannot be written.
    bool write(const QString& path, QString* error) const;
};

} // namespace chaoslab::lab
