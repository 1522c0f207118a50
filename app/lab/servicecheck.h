// Finds which of a lab's services do not accept connections, before the lab starts, so the
// participant gets instructions to start them instead of meeting failing checks.
#pragma once

#include "labdocument.h"

#include <QList>
#include <QObject>

namespace chaoslab::lab {

class ServiceCheck : public QObject
{
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 1500;

    explicit ServiceCheck(QObject* parent = nullptr);

    // Connects to every service at once; finished() follows with those that did not accept a
    // connection within TimeoutMs.
    void run(const QList<LabService>& services);

signals:
    void finished(const QList<chaoslab::lab::LabService>& missing);

private:
    void settle(const LabService& service, bool reachable);

    int m_pending = 0;
    QList<LabService> m_missing;
};

} // namespace chaoslab::lab
