#include "journal.h"

#include <QString>
#include <QSysInfo>

#include <gnu/libc-version.h>
#include <sys/utsname.h>

#include <cstdio>
#include <ctime>

namespace chaoslab::chaostoolkit {

std::string isoTime(Clock::time_point time)
{
    using namespace std::chrono;
    const auto micros = duration_cast<microseconds>(time.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
    std::tm utc {};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%06lld+00:00",
        utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
        static_cast<long long>(micros % 1000000));
    return text;
}

double secondsBetween(Clock::time_point start, Clock::time_point end)
{
    return std::chrono::duration<double>(end - start).count();
}

std::string platformName()
{
    utsname system {};
    if (uname(&system) != 0)
        return QSysInfo::prettyProductName().toStdString();
    return std::string(system.sysname) + "-" + system.release + "-" + system.machine + "-with-glibc"
        + gnu_get_libc_version();
}

Json ActivityRun::toJson() const
{
    Json json = Json::object();
    json["activity"] = activity;
    json["output"] = output;
    json["start"] = isoTime(start);
    json["status"] = succeeded ? "succeeded" : "failed";
    if (!succeeded)
        json["exception"] = Json::array({ "chaoslib.exceptions.ActivityFailed: " + error + "\n" });
    json["end"] = isoTime(end);
    json["duration"] = secondsBetween(start, end);
    if (toleranceMet)
        json["tolerance_met"] = *toleranceMet;
    return json;
}

Json SteadyState::toJson() const
{
    Json json = Json::object();
    json["steady_state_met"] = met;
    json["probes"] = Json::array();
    for (const auto& probe : probes)
        json["probes"].push_back(probe.toJson());
    return json;
}

Json Journal::toJson() const
{
    Json json = Json::object();
    json["chaoslib-version"] = std::string("chaoslab ") + CHAOSLAB_VERSION;
    json["platform"] = platformName();
    json["node"] = QSysInfo::machineHostName().toStdString();
    json["experiment"] = experiment;
    json["start"] = isoTime(start);
    json["status"] = statusName(status);
    json["deviated"] = deviated;
    json["steady_states"] = Json::object();
    json["steady_states"]["before"] = before ? before->toJson() : Json();
    json["steady_states"]["after"] = after ? after->toJson() : Json();
    json["steady_states"]["during"] = Json::array();
    json["run"] = Json::array();
    for (const auto& activity : run)
        json["run"].push_back(activity.toJson());
    json["rollbacks"] = Json::array();
    for (const auto& activity : rollbacks)
        json["rollbacks"].push_back(activity.toJson());
    json["end"] = isoTime(end);
    json["duration"] = secondsBetween(start, end);
    return json;
}

} // namespace chaoslab::chaostoolkit
