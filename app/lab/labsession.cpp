#include "labsession.h"

#include "labrequests.h"

#include <QDateTime>
#include <QDir>

namespace chaoslab::lab {

using toxiproxy::ApiResult;
using toxiproxy::Proxy;

namespace {

// Checks are evaluated this often and whenever the server's proxies change, so a
// check that starts to pass shows as passed within about half a second.
constexpr std::chrono::milliseconds EvaluationInterval { 500 };

// Returns whether a proxy listening on `actual` serves the lab's `declared` address. No
// address or port 0 in a lab means any; a proxy on every address also serves loopback.
bool listensAsDeclared(const QString& actual, const QString& declared)
{
    if (declared.isEmpty())
        return true;
    const auto split = [](const QString& address) {
        const auto colon = address.lastIndexOf(u':');
        return std::pair { address.left(colon), address.mid(colon + 1) };
    };
    const auto [declaredHost, declaredPort] = split(declared);
    const auto [actualHost, actualPort] = split(actual);
    if (declaredPort == u"0")
        return true;
    const auto sameHost = [](const QString& host) {
        return host == u"localhost" ? QStringLiteral("127.0.0.1") : host;
    };
    return actualPort == declaredPort
        && (sameHost(actualHost) == sameHost(declaredHost) || actualHost == u"0.0.0.0"
            || actualHost == u"[::]" || actualHost.isEmpty());
}

} // namespace

LabSession::LabSession(LabDocument lab, toxiproxy::ToxiproxyClient* client,
    toxiproxy::ServerMonitor* monitor, QString dataFolder, QObject* parent)
    : QObject(parent)
    , m_lab(std::move(lab))
    , m_client(client)
    , m_monitor(monitor)
    , m_dataFolder(std::move(dataFolder))
    , m_rollback(new RollbackRunner(client, this))
{
    m_progress = LabProgress::read(progressPath());
    m_progress.currentStep = std::clamp(m_progress.currentStep, 0, int(m_lab.steps.size()) - 1);
    m_evaluation.setInterval(EvaluationInterval);
    connect(&m_evaluation, &QTimer::timeout, this, &LabSession::evaluate);
    connect(m_rollback, &RollbackRunner::finished, this, &LabSession::handleRolledBack);
}

LabSession::~LabSession() = default;

QString LabSession::progressPath() const
{
    return QDir(m_dataFolder).filePath(QStringLiteral("progress/%1.json").arg(m_lab.id));
}

QString LabSession::journalPath() const
{
    return m_journal ? m_journal->path() : QString();
}

bool LabSession::isStepComplete(int index) const
{
    return index >= 0 && index < m_lab.steps.size()
        && m_progress.completedSteps.contains(m_lab.steps[index].id);
}

const probes::ProbeRunner* LabSession::probe(const QString& id) const
{
    const auto found = m_probes.find(id);
    return found == m_probes.end() ? nullptr : found->second.get();
}

void LabSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void LabSession::start()
{
    if (m_state != State::Idle || !m_client)
        return;
    setState(State::Starting);
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    m_journal.emplace(
        QDir(m_dataFolder).filePath(QStringLiteral("rollback/lab-%1-%2.json").arg(m_lab.id, stamp)),
        QStringLiteral("lab \"%1\"").arg(m_lab.id), m_client->baseUrl());
    m_client->listProxies(this, [this](const ApiResult& result, const QList<Proxy>& proxies) {
        if (!result.ok()) {
            emit problem(result.message);
            return setState(State::Ended);
        }
        recordDeclaredProxies(proxies);
    });
}

void LabSession::recordDeclaredProxies(const QList<Proxy>& proxies)
{
    const auto findProxy = [&proxies](const LabProxy& declared) {
        return std::find_if(proxies.begin(), proxies.end(),
            [&declared](const Proxy& proxy) { return proxy.name == declared.name; });
    };
    // The lab's probes and texts use the declared address, so a proxy elsewhere would leave
    // them measuring whatever listens there. This is checked before the journal records
    // anything, so that a refused lab leaves no journal behind.
    for (const LabProxy& declared : m_lab.proxies) {
        const auto found = findProxy(declared);
        if (found != proxies.end() && !listensAsDeclared(found->listen, declared.listen)) {
            emit problem(tr("This lab needs the proxy %1 listening on %2, but it listens on %3, "
                            "probably because another program holds that port. Stop that "
                            "program, such as another Chaos Lab window, and start Chaos Lab "
                            "again, or make %1 listen on %2 with Edit proxy.")
                             .arg(declared.name, declared.listen, found->listen));
            return setState(State::Ended);
        }
    }
    QList<LabProxy> missing;
    for (const LabProxy& declared : m_lab.proxies) {
        const auto found = findProxy(declared);
        QString error;
        const bool recorded = found == proxies.end()
            ? m_journal->recordCreatedProxy(declared.name, &error)
            : m_journal->recordProxy(*found, &error);
        if (!recorded) {
            emit problem(error);
            return setState(State::Ended);
        }
        if (found == proxies.end())
            missing.append(declared);
    }
    createMissingProxies(missing);
}

void LabSession::createMissingProxies(QList<LabProxy> missing)
{
    if (missing.isEmpty()) {
        startProbes();
        setState(State::Running);
        emit stepChanged(m_progress.currentStep);
        m_evaluation.start();
        return evaluate();
    }
    const LabProxy next = missing.takeFirst();
    const Proxy proxy { next.name, next.listen, next.upstream, true, {} };
    m_client->createProxy(proxy, this, [this, missing](const ApiResult& result, const Proxy&) {
        if (!result.ok()) {
            emit problem(result.message);
            // What was created so far is in the journal, so rolling back removes it.
            return rollBack();
        }
        createMissingProxies(missing);
    });
}

void LabSession::startProbes()
{
    for (const LabProbe& declared : m_lab.probes) {
        QString error;
        std::optional<probes::ProbeSpec> spec
            = probes::ProbeSpec::fromUrl(QUrl(declared.url), &error);
        if (!spec) {
            emit problem(error);
            continue;
        }
        spec->id = declared.id;
        spec->label = declared.id;
        spec->interval = std::chrono::milliseconds(declared.intervalMs);
        spec->timeout = std::chrono::milliseconds(declared.timeoutMs);
        auto runner = std::make_unique<probes::ProbeRunner>(*spec);
        connect(runner.get(), &probes::ProbeRunner::bucketClosed, this, &LabSession::evaluate);
        runner->start();
        m_probes[declared.id] = std::move(runner);
    }
}

void LabSession::goToStep(int index)
{
    if (index < 0 || index >= m_lab.steps.size() || m_state != State::Running)
        return;
    m_progress.currentStep = index;
    saveProgress();
    emit stepChanged(index);
    evaluate();
}

void LabSession::restart()
{
    m_progress.completedSteps.clear();
    m_progress.finished = false;
    m_confirmed.clear();
    m_answered.clear();
    goToStep(0);
}

void LabSession::performActions()
{
    if (m_state != State::Running || m_actionsRunning)
        return;
    m_actionsRunning = true;
    sendAction(m_progress.currentStep, 0);
}

void LabSession::sendAction(int step, qsizetype index)
{
    const QList<LabAction>& actions = m_lab.steps[step].actions;
    if (index >= actions.size() || !m_client) {
        m_actionsRunning = false;
        emit actionsFinished(step, true);
        return evaluate();
    }
    const LabAction& action = actions[index];
    if (action.kind == LabAction::Kind::Reset) {
        // A reset touches every proxy on the server, so every one is recorded first.
        m_client->listProxies(
            this, [this, step, index](const ApiResult& result, const QList<Proxy>& proxies) {
                QString error;
                for (const Proxy& proxy : proxies) {
                    if (!result.ok() || !m_journal->recordProxy(proxy, &error)) {
                        m_actionsRunning = false;
                        emit problem(result.ok() ? error : result.message);
                        return emit actionsFinished(step, false);
                    }
                }
                m_client->send(requestFor(m_lab.steps[step].actions[index]), this,
                    [this, step, index](const ApiResult& sent) {
                        if (!sent.ok()) {
                            m_actionsRunning = false;
                            emit problem(sent.message);
                            return emit actionsFinished(step, false);
                        }
                        sendAction(step, index + 1);
                    });
            });
        return;
    }
    m_client->send(requestFor(action), this, [this, step, index](const ApiResult& result) {
        if (!result.ok()) {
            m_actionsRunning = false;
            emit problem(result.message);
            return emit actionsFinished(step, false);
        }
        if (m_monitor)
            m_monitor->refreshNow();
        sendAction(step, index + 1);
    });
}

void LabSession::confirmStep()
{
    m_confirmed.insert(m_progress.currentStep);
    evaluate();
}

LabText LabSession::answer(int index)
{
    const LabStep& step = m_lab.steps[m_progress.currentStep];
    if (!step.question || index < 0 || index >= step.question->choices.size())
        return {};
    const LabChoice& choice = step.question->choices[index];
    if (choice.correct)
        m_answered.insert(m_progress.currentStep);
    evaluate();
    return choice.feedback;
}

void LabSession::evaluate()
{
    if (m_state != State::Running)
        return;
    const int index = m_progress.currentStep;
    const LabStep& step = m_lab.steps[index];
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<Proxy> proxies = m_monitor ? m_monitor->proxies() : QList<Proxy>();
    m_checkResults.clear();
    for (const LabCheck& check : step.checks) {
        if (check.kind != LabCheck::Kind::Probe) {
            m_checkResults.append(evaluateStateCheck(check, proxies));
            continue;
        }
        const probes::ProbeRunner* runner = probe(check.probe);
        m_checkResults.append(runner
                ? evaluateProbeCheck(check, runner->statistics().buckets(), now)
                : CheckResult { false, tr("probe %1 is not running").arg(check.probe) });
    }
    emit checksUpdated();
    if (!isStepComplete(index) && requirementsMet(index))
        markComplete(index);
}

bool LabSession::requirementsMet(int index) const
{
    const LabStep& step = m_lab.steps[index];
    const bool checksPass = std::all_of(m_checkResults.begin(), m_checkResults.end(),
        [](const CheckResult& result) { return result.passed; });
    const bool confirmed = step.confirm.isEmpty() || m_confirmed.contains(index);
    const bool answered = !step.question || m_answered.contains(index);
    return checksPass && confirmed && answered;
}

void LabSession::markComplete(int index)
{
    m_progress.completedSteps.insert(m_lab.steps[index].id);
    saveProgress();
    emit stepCompleted(index);
}

void LabSession::saveProgress()
{
    QString error;
    if (!m_progress.write(progressPath(), &error))
        emit problem(error);
}

void LabSession::finish()
{
    m_progress.finished = true;
    saveProgress();
    rollBack();
}

void LabSession::abort()
{
    rollBack();
}

void LabSession::rollBack()
{
    if (m_state == State::RollingBack || m_state == State::Ended || !m_journal)
        return;
    m_evaluation.stop();
    m_probes.clear();
    setState(State::RollingBack);
    m_rollback->run(*m_journal);
}

void LabSession::handleRolledBack(const RollbackReport& report)
{
    if (!m_lab.resetAll || !m_client) {
        setState(State::Ended);
        return emit rolledBack(report);
    }
    m_client->reset(this, [this, report](const ApiResult& result) {
        RollbackReport withReset = report;
        if (result.ok())
            withReset.changes.append(tr("reset every proxy"));
        else
            withReset.failures.append(result.message);
        setState(State::Ended);
        emit rolledBack(withReset);
    });
}

} // namespace chaoslab::lab
