// The outcome of one Toxiproxy API call as a value: the HTTP status, an error kind, a
// message for the user and the raw response body.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace chaoslab::toxiproxy {

enum class ErrorKind {
    None,
    ConnectionRefused,
    HostNotFound,
    TimedOut,
    // Any other transport failure, such as a connection closed before a response.
    NetworkError,
    // HTTP 4xx other than 404 and 409.
    ClientError,
    NotFound,
    Conflict,
    // HTTP 5xx, from Toxiproxy or from another program at the same address.
    ServerError,
    // A 2xx response whose body is not the JSON Toxiproxy sends, or an unexpected status.
    InvalidResponse,
    Cancelled,
};

// Returns a stable English name such as "connection refused", for logs and tests.
QString errorKindName(ErrorKind kind);

struct ApiResult
{
    ErrorKind error = ErrorKind::None;
    // Zero when no HTTP response arrived.
    int httpStatus = 0;
    // User-facing message naming the failed operation, the server and the next step.
    // Empty on success.
    QString message;
    // The "error" field of a Toxiproxy error body, or the first line of a plain-text body.
    QString serverMessage;
    QByteArray payload;

    bool ok() const { return error == ErrorKind::None; }
};

} // namespace chaoslab::toxiproxy

Q_DECLARE_METATYPE(chaoslab::toxiproxy::ApiResult)
