// Checks a probe from the editor before it runs, so that a probe never starts with a value
// it cannot use, and the user reads which field is wrong and how to fix it.
#pragma once

#include "probes/probespec.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace chaoslab::ui {

struct ProbeFormError
{
    enum class Field {
        Label,
        Host,
        Port,
        Method,
        Path,
        Headers,
        ExpectedStatus,
        User,
        Interval,
        Timeout,
        Concurrency,
    };
    Field field;
    QString message;
};

class ProbeFormValidator
{
    Q_DECLARE_TR_FUNCTIONS(ProbeFormValidator)

public:
    static constexpr int MinIntervalMs = 50;
    static constexpr int MaxIntervalMs = 60'000;
    static constexpr int MinTimeoutMs = 50;
    static constexpr int MaxTimeoutMs = 60'000;
    static constexpr int MaxConcurrency = 32;

    // `takenLabels` are the names of the other probes; a probe's name must differ from each.
    explicit ProbeFormValidator(QStringList takenLabels);

    // Returns the first invalid field with a message, or nothing when the probe is valid.
    std::optional<ProbeFormError> validate(const probes::ProbeSpec& spec) const;

    // Parses "Name: value" lines; blank lines are skipped. Returns nothing and sets `error`
    // to a message naming the line when one is not a header.
    static std::optional<QList<QPair<QByteArray, QByteArray>>> parseHeaders(
        const QString& text, QString* error);
    static QString formatHeaders(const QList<QPair<QByteArray, QByteArray>>& headers);

private:
    std::optional<ProbeFormError> checkTarget(const probes::ProbeSpec& spec) const;
    std::optional<ProbeFormError> checkHttp(const probes::ProbeSpec& spec) const;
    std::optional<ProbeFormError> checkSchedule(const probes::ProbeSpec& spec) const;

    QStringList m_takenLabels;
};

} // namespace chaoslab::ui
