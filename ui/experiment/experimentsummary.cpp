#include "experimentsummary.h"

#include "chaostoolkit/configuration.h"
#include "chaostoolkit/processprovider.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace chaoslab::ui {

using chaostoolkit::Activity;
using chaostoolkit::Json;

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

// Strings without quotes, everything else as compact JSON.
QString argumentValue(const Json& value)
{
    return value.is_string() ? text(value.get<std::string>()) : text(value.dump());
}

QString pythonSummary(const Json& provider)
{
    const QString module = text(provider.value("module", std::string()));
    const QString function = text(provider.value("func", std::string()));
    QStringList arguments;
    const Json empty = Json::object();
    const Json& given = provider.contains("arguments") ? provider["arguments"] : empty;
    if (given.is_object()) {
        for (const auto& [key, value] : given.items())
            arguments.append(text(key) + u'=' + argumentValue(value));
    }
    const QString package = module.section(u'.', 0, 0);
    return QStringLiteral("%1 %2(%3)").arg(package, function, arguments.join(QStringLiteral(", ")));
}

QString quoted(const QString& argument)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(argument).hasMatch())
        return argument;
    QString escaped = argument;
    escaped.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + escaped + u'\'';
}

QString commandLine(const Json& provider)
{
    QStringList parts { quoted(text(provider.value("path", std::string()))) };
    for (const QString& argument :
        chaostoolkit::processArguments(provider.value("arguments", Json())))
        parts.append(quoted(argument));
    return parts.join(u' ');
}

template <typename Visit>
void forEachActivity(const chaostoolkit::Experiment& experiment, Visit visit)
{
    if (experiment.hypothesis) {
        for (const Activity& activity : experiment.hypothesis->probes)
            visit(activity);
    }
    for (const Activity& activity : experiment.method)
        visit(activity);
    for (const Activity& activity : experiment.rollbacks)
        visit(activity);
}

} // namespace

QString providerSummary(const Activity& activity)
{
    const Json& provider = activity.provider;
    const std::string type = activity.providerType();
    if (type == "http") {
        const QString method = text(provider.value("method", std::string("GET"))).toUpper();
        return method + u' ' + text(provider.value("url", std::string()));
    }
    if (type == "process")
        return QStringLiteral("process ") + commandLine(provider);
    return pythonSummary(provider);
}

QString toleranceSummary(const Activity& activity)
{
    return activity.tolerance ? text(activity.tolerance->dump()) : QString();
}

QString pausesSummary(const Activity& activity)
{
    QStringList parts;
    if (activity.pauseBefore > 0)
        parts.append(QCoreApplication::translate("ExperimentSummary", "%1 s before")
                         .arg(activity.pauseBefore));
    if (activity.pauseAfter > 0)
        parts.append(QCoreApplication::translate("ExperimentSummary", "%1 s after")
                         .arg(activity.pauseAfter));
    return parts.join(QStringLiteral(", "));
}

QStringList processCommands(
    const chaostoolkit::Experiment& experiment, const chaostoolkit::Configuration& configuration)
{
    QStringList commands;
    forEachActivity(experiment, [&](const Activity& activity) {
        if (activity.providerType() == "process")
            commands.append(commandLine(configuration.substitute(activity.provider)));
    });
    return commands;
}

bool hasProcessProvider(const chaostoolkit::Experiment& experiment)
{
    bool found = false;
    forEachActivity(experiment,
        [&found](const Activity& activity) { found |= activity.providerType() == "process"; });
    return found;
}

QString changedProxy(const Activity& activity)
{
    if (activity.providerType() != "python" || activity.type != "action")
        return {};
    const Json arguments = activity.provider.value("arguments", Json::object());
    for (const char* key : { "for_proxy", "proxy_name" }) {
        if (arguments.contains(key) && arguments[key].is_string())
            return text(arguments[key].get<std::string>());
    }
    return {};
}

} // namespace chaoslab::ui
