#include "startdecision.h"

#include "hostlocality.h"

#include <QCoreApplication>

namespace chaoslab::host {

namespace {

using toxiproxy::ErrorKind;

class StartMessages
{
    Q_DECLARE_TR_FUNCTIONS(StartMessages)
};

StartDecision fail(const QString& message)
{
    return { StartAction::Fail, message };
}

} // namespace

StartDecision decideStart(const toxiproxy::ApiResult& versionResult, const QUrl& url)
{
    const auto address = url.toString();
    switch (versionResult.error) {
    case ErrorKind::None:
        return { StartAction::UseServer, {} };
    case ErrorKind::Cancelled:
        return { StartAction::Ignore, {} };
    case ErrorKind::ConnectionRefused:
    case ErrorKind::TimedOut:
        if (canHostBuiltIn(url))
            return { StartAction::StartBuiltIn, {} };
        return fail(versionResult.message + u' '
            + StartMessages::tr("Chaos Lab starts its built-in engine only at an http:// address "
                                "on this computer (127.0.0.1, ::1 or localhost). Start "
                                "Toxiproxy at %1, or choose a local address with --toxiproxy.")
                  .arg(address));
    case ErrorKind::HostNotFound:
        return fail(versionResult.message);
    default:
        return fail(versionResult.message + u' '
            + StartMessages::tr("Chaos Lab did not start its built-in engine, because another "
                                "program uses %1. Stop that program, or choose another address "
                                "with --toxiproxy.")
                  .arg(address));
    }
}

} // namespace chaoslab::host
