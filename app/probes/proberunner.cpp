#include "proberunner.h"

#include "probeattemptrunner.h"
#include "probelog.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace chaoslab::probes {

namespace {

constexpr qint64 SecondMs = 1000;
// A second's bucket closes this long after the second ends, so that an attempt that ended
// just before the boundary is reported by the event loop before its bucket closes.
constexpr qint64 CloseDelayMs = 100;

qint64 secondStart(qint64 ms)
{
    return ms - ms % SecondMs;
}

} // namespace

// The timers and the attempt runners of a started probe. Each runner is a lane that runs one
// attempt at a time and may keep its connection. At most spec.concurrency lanes are busy at
// once.
struct ProbeRunner::Schedule
{
    QTimer interval;
    QTimer bucketClock;
    std::vector<ProbeAttemptRunner*> lanes;
    // Busy lanes of an earlier spec, deleted when their attempt ends.
    std::vector<ProbeAttemptRunner*> retiring;
    bool running = false;
    // Start of the next second to report with bucketClosed.
    qint64 nextSecondMs = 0;
};

ProbeRunner::ProbeRunner(ProbeSpec spec, QObject* parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_schedule(std::make_unique<Schedule>())
{
    m_schedule->interval.setTimerType(Qt::PreciseTimer);
    m_schedule->bucketClock.setTimerType(Qt::PreciseTimer);
    m_schedule->bucketClock.setSingleShot(true);
    connect(&m_schedule->interval, &QTimer::timeout, this, [this] { startAttempt(); });
    connect(&m_schedule->bucketClock, &QTimer::timeout, this, [this] { closeBuckets(); });
}

ProbeRunner::~ProbeRunner()
{
    stop();
}

void ProbeRunner::setSpec(const ProbeSpec& spec)
{
    m_spec = spec;
    // Busy lanes finish their attempt under the old spec; idle lanes may hold a connection
    // to the old target.
    for (auto* lane : m_schedule->lanes) {
        if (lane->isBusy())
            m_schedule->retiring.push_back(lane);
        else
            lane->deleteLater();
    }
    m_schedule->lanes.clear();
    if (m_schedule->running)
        m_schedule->interval.start(m_spec.interval);
}

void ProbeRunner::start()
{
    if (m_schedule->running)
        return;
    m_schedule->running = true;
    m_schedule->nextSecondMs = secondStart(QDateTime::currentMSecsSinceEpoch());
    qCInfo(lcProbes) << "probe started" << m_spec.displayUrl().toDisplayString() << "interval ms"
                     << m_spec.interval.count();
    m_schedule->interval.start(m_spec.interval);
    scheduleBucketClose();
    startAttempt();
}

void ProbeRunner::stop()
{
    if (!m_schedule->running)
        return;
    m_schedule->running = false;
    m_schedule->interval.stop();
    m_schedule->bucketClock.stop();
    for (auto* lanes : { &m_schedule->lanes, &m_schedule->retiring }) {
        for (auto* lane : *lanes) {
            lane->disconnect(this);
            lane->abort();
            lane->deleteLater();
        }
        lanes->clear();
    }
    qCInfo(lcProbes) << "probe stopped" << m_spec.displayUrl().toDisplayString();
}

bool ProbeRunner::isRunning() const
{
    return m_schedule->running;
}

void ProbeRunner::startAttempt()
{
    const auto& lanes = m_schedule->lanes;
    const auto busy = m_schedule->retiring.size()
        + size_t(std::count_if(lanes.begin(), lanes.end(),
            [](const ProbeAttemptRunner* lane) { return lane->isBusy(); }));
    if (busy >= size_t(std::max(1, m_spec.concurrency))) {
        qCDebug(lcProbes) << "tick skipped, attempts running:" << busy;
        return;
    }
    // A lane with a kept connection first, then any idle lane, then a new one.
    auto idle = std::find_if(lanes.begin(), lanes.end(),
        [](const ProbeAttemptRunner* lane) { return lane->hasIdleConnection(); });
    if (idle == lanes.end()) {
        idle = std::find_if(lanes.begin(), lanes.end(),
            [](const ProbeAttemptRunner* lane) { return !lane->isBusy(); });
    }
    ProbeAttemptRunner* lane = idle != lanes.end() ? *idle : addLane();
    lane->start();
}

ProbeAttemptRunner* ProbeRunner::addLane()
{
    auto* lane = new ProbeAttemptRunner(m_spec, this);
    connect(lane, &ProbeAttemptRunner::finished, this,
        [this, lane](const ProbeAttempt& attempt) { recordAttempt(lane, attempt); });
    m_schedule->lanes.push_back(lane);
    return lane;
}

void ProbeRunner::recordAttempt(ProbeAttemptRunner* lane, const ProbeAttempt& attempt)
{
    auto& retiring = m_schedule->retiring;
    if (std::find(retiring.begin(), retiring.end(), lane) != retiring.end()) {
        retiring.erase(std::remove(retiring.begin(), retiring.end(), lane), retiring.end());
        lane->deleteLater();
    }
    const qint64 endSecond = secondStart(attempt.startedAtMs + qint64(attempt.totalMs));
    if (endSecond < m_schedule->nextSecondMs) {
        // The event loop was late; the attempt lands in a bucket closed already, which
        // closes again at the next boundary.
        qCDebug(lcProbes) << "attempt reported after its second closed";
    }
    m_statistics.add(attempt);
    emit attemptFinished(attempt);
}

void ProbeRunner::scheduleBucketClose()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 wait = secondStart(now) + SecondMs + CloseDelayMs - now;
    m_schedule->bucketClock.start(int(std::clamp<qint64>(wait, 0, SecondMs + CloseDelayMs)));
}

void ProbeRunner::closeBuckets()
{
    const qint64 boundary = secondStart(QDateTime::currentMSecsSinceEpoch() - CloseDelayMs);
    auto closed = m_statistics.closeUntil(boundary);
    // A long stall (a suspended laptop) reports at most the seconds the statistics keep.
    const qint64 oldest = boundary - qint64(ProbeStatistics::DefaultCapacitySeconds) * SecondMs;
    qint64 second = std::max(m_schedule->nextSecondMs, oldest);
    for (const auto& bucket : std::as_const(closed)) {
        for (; second < bucket.secondMs; second += SecondMs)
            emitEmptyBucket(second);
        emit bucketClosed(bucket);
        second = std::max(second, bucket.secondMs + SecondMs);
    }
    for (; second < boundary; second += SecondMs)
        emitEmptyBucket(second);
    m_schedule->nextSecondMs = std::max(m_schedule->nextSecondMs, boundary);
    if (m_schedule->running)
        scheduleBucketClose();
}

void ProbeRunner::emitEmptyBucket(qint64 secondMs)
{
    ProbeBucket bucket;
    bucket.secondMs = secondMs;
    emit bucketClosed(bucket);
}

} // namespace chaoslab::probes
