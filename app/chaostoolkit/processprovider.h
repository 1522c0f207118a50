// The "process" provider, which the loader accepts only with --allow-process: runs the
// program at "path" with "arguments" (a command-line string, a list, or an object turned into
// "--key value" pairs) and returns {"status": exit code, "stdout", "stderr"}. The activity
// fails when the program cannot start or outlives "timeout" seconds, and it is then killed.
#pragma once

#include "activityprovider.h"

#include <QPointer>
#include <QStringList>

class QProcess;

namespace chaoslab::chaostoolkit {

// The program arguments that a provider's "arguments" value gives, as start() passes them.
QStringList processArguments(const Json& arguments);

class ProcessProvider : public ActivityProvider
{
public:
    using ActivityProvider::ActivityProvider;

    void start(const Json& provider, RunContext& context, ProviderDone done) override;
    void abort() override;

private:
    void finish(const ProviderResult& result);

    QPointer<QProcess> m_process;
    ProviderDone m_done;
};

} // namespace chaoslab::chaostoolkit
