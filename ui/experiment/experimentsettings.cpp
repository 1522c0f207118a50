#include "experimentsettings.h"

#include "chaostoolkit/configuration.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace chaoslab::ui {

namespace {

// Calls `parse` on every line that is not blank or a comment; stops at the first error.
template <typename Parse>
std::optional<QString> parseLines(const QString& text, const QString& label, Parse parse)
{
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (auto error = parse(line))
            return label.arg(i + 1).arg(line, QString::fromStdString(*error));
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> parseRunSettings(
    const ExperimentRunSettings& settings, ParsedRunSettings& parsed)
{
    parsed = ParsedRunSettings {};
    parsed.keepChanges = settings.keepChanges;
    if (!settings.strategy.isEmpty()) {
        parsed.strategy = chaostoolkit::parseRollbackStrategy(settings.strategy.toStdString());
        if (!parsed.strategy)
            return QCoreApplication::translate("ExperimentSettings",
                "Invalid rollback strategy \"%1\": choose default, always, never or deviated.")
                .arg(settings.strategy);
    }
    auto error = parseLines(settings.vars,
        QCoreApplication::translate("ExperimentSettings", "Variable line %1 \"%2\": %3"),
        [&parsed](const QString& line) {
            return chaostoolkit::Configuration::parseVar(line.toStdString(), parsed.vars);
        });
    if (error)
        return error;
    return parseLines(settings.maps,
        QCoreApplication::translate("ExperimentSettings", "Map line %1 \"%2\": %3"),
        [&parsed](const QString& line) { return parsed.addressMap.add(line); });
}

QString academyMaps(const QUrl& toxiproxyApi, const QString& demoService)
{
    const QString apiHost = toxiproxyApi.host();
    const int apiPort = toxiproxyApi.port(8474);
    // The experiments reach the API at toxiproxy:8474 and their proxies at toxiproxy:PORT.
    QStringList lines;
    if (apiPort != 8474)
        lines.append(QStringLiteral("toxiproxy:8474=%1:%2").arg(apiHost).arg(apiPort));
    lines << QStringLiteral("toxiproxy=%1").arg(apiHost) << QStringLiteral("order-api=127.0.0.1")
          << QStringLiteral("notifier=127.0.0.1")
          << QStringLiteral("jsonplaceholder.typicode.com:80=%1").arg(demoService)
          << QStringLiteral("https://jsonplaceholder.typicode.com=http://%1").arg(demoService);
    return lines.join(u'\n');
}

ExperimentRunSettings ExperimentSettingsStore::load(const QString& path) const
{
    const QJsonObject all = QJsonDocument::fromJson(m_settings->value(perFile).toUtf8()).object();
    const QJsonObject saved = all.value(QFileInfo(path).absoluteFilePath()).toObject();
    return { saved.value(u"strategy").toString(), saved.value(u"vars").toString(),
        saved.value(u"maps").toString(), saved.value(u"keepChanges").toBool() };
}

void ExperimentSettingsStore::save(const QString& path, const ExperimentRunSettings& settings)
{
    QJsonObject all = QJsonDocument::fromJson(m_settings->value(perFile).toUtf8()).object();
    all.insert(QFileInfo(path).absoluteFilePath(),
        QJsonObject { { QStringLiteral("strategy"), settings.strategy },
            { QStringLiteral("vars"), settings.vars }, { QStringLiteral("maps"), settings.maps },
            { QStringLiteral("keepChanges"), settings.keepChanges } });
    m_settings->setValue(
        perFile, QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact)));
}

QStringList ExperimentSettingsStore::recentFiles() const
{
    return m_settings->value(recent);
}

void ExperimentSettingsStore::addRecentFile(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    m_settings->setValue(recent, files.mid(0, MaxRecentFiles));
}

} // namespace chaoslab::ui
