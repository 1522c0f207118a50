// A guided lab as loaded from its JSON file: what it needs, its steps with their actions,
// checks and questions, and how it is rolled back. The format is documented in
// docs/labs.md.
#pragma once

#include "probes/probeoutcome.h"
#include "toxiproxy/toxic.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace chaoslab::lab {

// Text in several languages, keyed by language code ("en", "id"). English is always present.
struct LabText
{
    QMap<QString, QString> byLanguage;

    // Returns the text in `language`, or the English text when it has no translation.
    QString in(const QString& language) const;
    bool isEmpty() const { return byLanguage.isEmpty(); }
};

// A service the lab talks to, checked before the lab starts.
struct LabService
{
    // One of: http, tcp, redis, mariadb, postgres, rabbitmq, mongodb.
    QString kind;
    // host:port the service listens on.
    QString address;
    LabText howToStart;
};

// A proxy the lab creates when the server does not have it yet.
struct LabProxy
{
    QString name;
    QString listen;
    QString upstream;
};

// A probe the lab runs while it is open; its id names it in checks.
struct LabProbe
{
    QString id;
    // As for `chaoslab probe`: http://127.0.0.1:18080/health, redis://127.0.0.1:26379 ...
    QString url;
    int intervalMs = 500;
    int timeoutMs = 2000;
};

struct LabAction
{
    enum class Kind { AddToxic, UpdateToxic, RemoveToxic, EnableProxy, DisableProxy, Reset };

    Kind kind = Kind::Reset;
    QString proxy;
    // AddToxic: the toxic to create. UpdateToxic: its name, toxicity and the attributes to
    // change. RemoveToxic: its name.
    toxiproxy::Toxic toxic;
    bool toxicityGiven = false;
};

// A range a value must fall in; either bound may be open.
struct LabRange
{
    std::optional<double> min;
    std::optional<double> max;

    bool contains(double value) const { return (!min || value >= *min) && (!max || value <= *max); }
};

struct LabCheck
{
    enum class Kind { Toxic, Proxy, Probe };

    Kind kind = Kind::Toxic;
    QString proxy;
    // Toxic: the toxic must exist (or, with `present` false, must not) with this type,
    // stream if given, and attribute values in their ranges.
    QString toxicType;
    std::optional<toxiproxy::ToxicStream> stream;
    QMap<QString, LabRange> attributes;
    bool present = true;
    // Proxy: its enabled state.
    std::optional<bool> enabled;
    // Probe: `metric` of probe `probe` stays in `range` for `seconds` consecutive seconds.
    // Metrics: "p50", "p95", "p99", "max" in ms; "error_rate" and "outcome_rate" in [0, 1];
    // "outcome_count" in attempts per second. The outcome metrics count the attempts that
    // ended with `outcome`, which is set for them and only for them.
    QString probe;
    QString metric;
    std::optional<probes::ProbeOutcome> outcome;
    LabRange range;
    int seconds = 1;
};

struct LabChoice
{
    LabText text;
    bool correct = false;
    LabText feedback;
};

struct LabQuestion
{
    LabText prompt;
    QList<LabChoice> choices;
};

struct LabStep
{
    QString id;
    LabText title;
    // Markdown.
    LabText text;
    QList<LabAction> actions;
    QList<LabCheck> checks;
    // When set, the participant confirms with this button label before the step completes.
    LabText confirm;
    std::optional<LabQuestion> question;
    QList<LabText> hints;
};

struct LabDocument
{
    QString id;
    LabText title;
    LabText summary;
    QString level;
    int minutes = 0;
    QList<LabService> services;
    QList<LabProxy> proxies;
    QList<LabProbe> probes;
    QList<LabStep> steps;
    // Restores every proxy the lab touched to its state before the lab; with `resetAll`,
    // also calls /reset at the end.
    bool resetAll = false;
};

} // namespace chaoslab::lab
