// The run settings of one experiment file, as `chaoslab run` takes them on its command line:
// the rollback strategy, `--var` values and `--map` entries, one per line, and whether the
// window keeps the experiment's changes after the run. They are saved per file (by absolute
// path) in the console's settings, with the list of recent files.
#pragma once

#include "chaostoolkit/addressmap.h"
#include "chaostoolkit/experiment.h"
#include "chaostoolkit/rollbackstrategy.h"
#include "settings.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <map>
#include <optional>
#include <string>

namespace chaoslab::ui {

struct ExperimentRunSettings
{
    // "default", "always", "never" or "deviated"; empty for the file's runtime strategy.
    QString strategy;
    // One KEY=VALUE, KEY:int=VALUE or KEY:float=VALUE per line.
    QString vars;
    // One FROM=TO per line, in the forms of `--map`.
    QString maps;
    // Skips restoring the experiment's changes from the rollback journal after the run.
    bool keepChanges = false;
};

// The settings parsed. Blank lines and lines that start with '#' are skipped.
struct ParsedRunSettings
{
    std::map<std::string, chaostoolkit::Json> vars;
    chaostoolkit::AddressMap addressMap;
    std::optional<chaostoolkit::RollbackStrategy> strategy;
    bool keepChanges = false;
};

// Returns the error message naming the first invalid line: `Map line 2 "x": ...`.
std::optional<QString> parseRunSettings(
    const ExperimentRunSettings& settings, ParsedRunSettings& parsed);

// The maps that the academy's experiments need on this computer: the Toxiproxy host to the
// console's Toxiproxy API `toxiproxyApi`, order-api and notifier to 127.0.0.1, and
// jsonplaceholder.typicode.com (plain and HTTPS) to the demo HTTP service `demoService`
// ("127.0.0.1:18081").
QString academyMaps(const QUrl& toxiproxyApi, const QString& demoService);

class ExperimentSettingsStore
{
public:
    static constexpr int MaxRecentFiles = 8;
    // A JSON object of absolute file paths to {"strategy", "vars", "maps", "keepChanges"}.
    static inline const SettingKey<QString> perFile { "experiments/settings", {} };
    // Newest first.
    static inline const SettingKey<QStringList> recent { "experiments/recent", {} };

    explicit ExperimentSettingsStore(Settings* settings) : m_settings(settings) { }

    // A file without saved settings returns empty ones.
    ExperimentRunSettings load(const QString& path) const;
    void save(const QString& path, const ExperimentRunSettings& settings);
    QStringList recentFiles() const;
    void addRecentFile(const QString& path);

private:
    Settings* m_settings;
};

} // namespace chaoslab::ui
