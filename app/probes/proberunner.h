// Runs one probe on its schedule: starts an attempt every interval (at most `concurrency`
// at a time), records each attempt in the probe's statistics, and closes the
// finished seconds of those statistics at every wall-clock second.
#pragma once

#include "probeattempt.h"
#include "probespec.h"
#include "probestatistics.h"

#include <QObject>

#include <memory>

namespace chaoslab::probes {

class ProbeAttemptRunner;

class ProbeRunner : public QObject
{
    Q_OBJECT

public:
    explicit ProbeRunner(ProbeSpec spec, QObject* parent = nullptr);
    ~ProbeRunner() override;

    const ProbeSpec& spec() const { return m_spec; }
    // Applies from the next attempt; attempts already running finish under the old spec.
    void setSpec(const ProbeSpec& spec);

    void start();
    // Aborts running attempts without recording them.
    void stop();
    bool isRunning() const;

    const ProbeStatistics& statistics() const { return m_statistics; }

signals:
    void attemptFinished(const chaoslab::probes::ProbeAttempt& attempt);
    void bucketClosed(const chaoslab::probes::ProbeBucket& bucket);

private:
    void startAttempt();
    ProbeAttemptRunner* addLane();
    void recordAttempt(ProbeAttemptRunner* lane, const ProbeAttempt& attempt);
    void scheduleBucketClose();
    void closeBuckets();
    void emitEmptyBucket(qint64 secondMs);

    ProbeSpec m_spec;
    ProbeStatistics m_statistics;
    struct Schedule;
    std::unique_ptr<Schedule> m_schedule;
};

} // namespace chaoslab::probes
