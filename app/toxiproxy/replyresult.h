// Classification of finished network replies into ApiResult values with user-facing
// messages. These functions are stateless.
#pragma once

#include "apirequest.h"
#include "apiresult.h"

#include <chrono>

class QNetworkReply;

namespace chaoslab::toxiproxy {

// Request, server and timeout of a sent request, for the messages of its result.
struct RequestOrigin
{
    ApiRequest request;
    // The API root, such as "http://127.0.0.1:8474".
    QString server;
    std::chrono::milliseconds timeout { 0 };
};

// Builds the result of a finished reply. An aborted reply counts as timed out, because
// the client aborts a reply itself only to cancel it, and then never calls this function.
ApiResult resultFromReply(QNetworkReply& reply, const RequestOrigin& origin);

ApiResult cancelledResult(const RequestOrigin& origin);

// Turns a 2xx result whose body could not be read into an invalid-response result.
// `detail` describes the problem with the body.
ApiResult invalidResponseResult(
    const ApiResult& received, const RequestOrigin& origin, const QString& detail);

} // namespace chaoslab::toxiproxy
