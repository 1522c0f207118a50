#include "labprogress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace chaoslab::lab {

LabProgress LabProgress::read(const QString& path)
{
    LabProgress progress;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return progress;
    const auto root = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
    if (!root.is_object())
        return progress;
    progress.currentStep = std::max(0, root.value("step", 0));
    progress.finished = root.value("finished", false);
    for (const auto& id : root.value("completed", nlohmann::json::array())) {
        if (id.is_string())
            progress.completedSteps.insert(QString::fromStdString(id.get<std::string>()));
    }
    return progress;
}

bool LabProgress::write(const QString& path, QString* error) const
{
    nlohmann::json completed = nlohmann::json::array();
    QStringList sorted(completedSteps.begin(), completedSteps.end());
    sorted.sort();
    for (const QString& id : sorted)
        completed.push_back(id.toStdString());
    const nlohmann::json root
        = { { "step", currentStep }, { "completed", completed }, { "finished", finished } };

    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QByteArray bytes = QByteArray::fromStdString(root.dump(2));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot save lab progress to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace chaoslab::lab
