// The interface of the providers that run one activity: http, process and the natively
// implemented chaostoxi Python functions.
#pragma once

#include "experiment.h"
#include "runcontext.h"

#include <QObject>

#include <functional>
#include <string>

namespace chaoslab::chaostoolkit {

struct ProviderResult
{
    bool succeeded = true;
    Json output;
    // The failure reason, worded as chaostoolkit's ActivityFailed message.
    std::string error;

    static ProviderResult success(Json output) { return { true, std::move(output), {} }; }
    static ProviderResult failure(std::string error) { return { false, Json(), std::move(error) }; }
};

using ProviderDone = std::function<void(const ProviderResult&)>;

class ActivityProvider : public QObject
{
public:
    using QObject::QObject;

    // Starts the activity. `provider` has its references substituted already. `done` is called
    // once, later from the event loop, unless abort() comes first.
    virtual void start(const Json& provider, RunContext& context, ProviderDone done) = 0;
    // Stops the running activity; its callback is not called.
    virtual void abort() = 0;
};

} // namespace chaoslab::chaostoolkit
