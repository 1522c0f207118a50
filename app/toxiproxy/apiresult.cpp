#include "apiresult.h"

namespace chaoslab::toxiproxy {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::ConnectionRefused:
        return QStringLiteral("connection refused");
    case ErrorKind::HostNotFound:
        return QStringLiteral("host not found");
    case ErrorKind::TimedOut:
        return QStringLiteral("timed out");
    case ErrorKind::NetworkError:
        return QStringLiteral("network error");
    case ErrorKind::ClientError:
        return QStringLiteral("client error");
    case ErrorKind::NotFound:
        return QStringLiteral("not found");
    case ErrorKind::Conflict:
        return QStringLiteral("conflict");
    case ErrorKind::ServerError:
        return QStringLiteral("server error");
    case ErrorKind::InvalidResponse:
        return QStringLiteral("invalid response");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace chaoslab::toxiproxy
