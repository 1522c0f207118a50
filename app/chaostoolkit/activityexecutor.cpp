#include "activityexecutor.h"

#include "chaostoxiprovider.h"
#include "httpprovider.h"
#include "processprovider.h"

#include <cmath>
#include <sstream>
#include <utility>

namespace chaoslab::chaostoolkit {

std::string formatSeconds(double seconds)
{
    if (std::floor(seconds) == seconds)
        return std::to_string(static_cast<long long>(seconds));
    std::ostringstream text;
    text << seconds;
    return text.str();
}

ActivityExecutor::ActivityExecutor(RunContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_http(new HttpProvider(this))
    , m_chaostoxi(new ChaostoxiProvider(this))
    , m_process(new ProcessProvider(this))
{
    m_pauseTimer.setSingleShot(true);
    m_pauseTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pauseTimer, &QTimer::timeout, this, [this] {
        if (auto next = std::exchange(m_afterPause, nullptr))
            next();
    });
}

void ActivityExecutor::execute(const Activity& activity, Done done)
{
    m_activity = activity;
    m_done = std::move(done);
    m_run = ActivityRun {};
    m_run.activity = activity.raw;
    pause(activity.pauseBefore,
        "Pausing before next activity for " + formatSeconds(activity.pauseBefore) + "s...",
        [this] { runProvider(); });
}

void ActivityExecutor::pause(double seconds, const std::string& message, std::function<void()> next)
{
    m_afterPause = std::move(next);
    if (seconds > 0) {
        m_context.log(LogLevel::Info, message);
        emit pauseStarted(QString::fromStdString(m_activity.name), seconds);
    }
    m_pauseTimer.start(std::max(0, int(std::lround(seconds * 1000))));
}

ActivityProvider* ActivityExecutor::providerFor(const std::string& type) const
{
    if (type == "http")
        return m_http;
    if (type == "process")
        return m_process;
    return m_chaostoxi;
}

void ActivityExecutor::runProvider()
{
    const std::string kind = m_activity.type == "probe" ? "Probe" : "Action";
    m_context.log(LogLevel::Info, kind + ": " + m_activity.name);
    m_run.start = Clock::now();
    Json provider = m_context.configuration.substitute(m_activity.provider);
    provider["type"] = m_activity.providerType();
    m_active = providerFor(m_activity.providerType());
    m_active->start(
        provider, m_context, [this](const ProviderResult& result) { handleResult(result); });
}

void ActivityExecutor::handleResult(const ProviderResult& result)
{
    m_active = nullptr;
    m_run.end = Clock::now();
    m_run.succeeded = result.succeeded;
    m_run.output = result.output;
    m_run.error = result.error;
    if (!result.succeeded)
        m_context.log(LogLevel::Error, "  => failed: " + result.error);
    pause(m_activity.pauseAfter,
        "Pausing after activity for " + formatSeconds(m_activity.pauseAfter) + "s...", [this] {
            if (auto done = std::exchange(m_done, nullptr))
                done(m_run);
        });
}

void ActivityExecutor::abort()
{
    m_done = nullptr;
    m_afterPause = nullptr;
    m_pauseTimer.stop();
    if (auto* active = std::exchange(m_active, nullptr))
        active->abort();
}

} // namespace chaoslab::chaostoolkit
