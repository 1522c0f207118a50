#include "replyresult.h"

#include <QCoreApplication>
#include <QNetworkReply>

#include <nlohmann/json.hpp>

namespace chaoslab::toxiproxy {

namespace {

class ToxiproxyError
{
    Q_DECLARE_TR_FUNCTIONS(ToxiproxyError)
};

constexpr qsizetype MaxServerMessageLength = 200;

ErrorKind kindOfStatus(int status)
{
    if (status >= 200 && status < 300)
        return ErrorKind::None;
    if (status == 404)
        return ErrorKind::NotFound;
    if (status == 409)
        return ErrorKind::Conflict;
    if (status >= 400 && status < 500)
        return ErrorKind::ClientError;
    if (status >= 500 && status < 600)
        return ErrorKind::ServerError;
    return ErrorKind::InvalidResponse;
}

// Returns the "error" field of a Toxiproxy error body. Toxiproxy 2.12 sends these bodies
// as JSON with Content-Type text/plain, so the body is parsed whatever its type.
QString toxiproxyErrorOf(const QByteArray& body)
{
    const auto json = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (!json.is_object())
        return {};
    const auto error = json.find("error");
    if (error == json.end() || !error->is_string())
        return {};
    return QString::fromStdString(error->get<std::string>());
}

// Returns the first line of a short plain-text body, such as Go's "404 page not found",
// or nothing for HTML and empty bodies.
QString plainTextOf(const QNetworkReply& reply, const QByteArray& body)
{
    const auto contentType = reply.header(QNetworkRequest::ContentTypeHeader).toString();
    const auto text = QString::fromUtf8(body).trimmed();
    if (contentType.contains(u"html", Qt::CaseInsensitive) || text.startsWith(u'<'))
        return {};
    return text.section(u'\n', 0, 0).left(MaxServerMessageLength).trimmed();
}

QString nextStepFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::NotFound:
        return ToxiproxyError::tr("Refresh the proxy list, because the proxy or toxic may have "
                                  "been deleted.");
    case ErrorKind::Conflict:
        return ToxiproxyError::tr("Choose another name, or change the existing one.");
    case ErrorKind::ServerError:
        return ToxiproxyError::tr("Check the addresses in the request and the Toxiproxy log.");
    default:
        return ToxiproxyError::tr("Correct the value it names and try again.");
    }
}

QString httpErrorMessage(const QNetworkReply& reply, const RequestOrigin& origin, ErrorKind kind,
    int status, const QString& toxiproxyError, const QString& plainText)
{
    const auto& operation = origin.request.operation;
    if (!toxiproxyError.isEmpty()) {
        return ToxiproxyError::tr("Could not %1 because Toxiproxy at %2 returned HTTP %3 (%4). %5")
            .arg(operation, origin.server, QString::number(status), toxiproxyError,
                nextStepFor(kind));
    }
    if (!plainText.isEmpty()) {
        return ToxiproxyError::tr("Could not %1 because the server at %2 returned HTTP %3 (%4). "
                                  "Check that this address belongs to Toxiproxy.")
            .arg(operation, origin.server, QString::number(status), plainText);
    }
    const auto reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    return ToxiproxyError::tr("Could not %1 because the server at %2 returned HTTP %3 %4 with a "
                              "response that is not from Toxiproxy. Check that this address "
                              "belongs to Toxiproxy and not to another program.")
        .arg(operation, origin.server, QString::number(status), reason);
}

ApiResult httpResult(QNetworkReply& reply, const RequestOrigin& origin, int status)
{
    ApiResult result;
    result.httpStatus = status;
    result.payload = reply.readAll();
    result.error = kindOfStatus(status);
    if (result.ok())
        return result;

    const auto toxiproxyError = toxiproxyErrorOf(result.payload);
    const auto plainText
        = toxiproxyError.isEmpty() ? plainTextOf(reply, result.payload) : QString();
    result.serverMessage = toxiproxyError.isEmpty() ? plainText : toxiproxyError;
    if (result.error == ErrorKind::InvalidResponse) {
        result.message = ToxiproxyError::tr("Could not %1 because the server at %2 returned the "
                                            "unexpected HTTP status %3. Check that this address "
                                            "belongs to Toxiproxy.")
                             .arg(origin.request.operation, origin.server, QString::number(status));
        return result;
    }
    result.message
        = httpErrorMessage(reply, origin, result.error, status, toxiproxyError, plainText);
    return result;
}

ApiResult transportResult(const QNetworkReply& reply, const RequestOrigin& origin)
{
    ApiResult result;
    const auto& operation = origin.request.operation;
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        result.error = ErrorKind::ConnectionRefused;
        result.message = ToxiproxyError::tr("Could not %1 because Toxiproxy at %2 refused the "
                                            "connection. Check that it is running and listening "
                                            "on that port.")
                             .arg(operation, origin.server);
        break;
    case QNetworkReply::HostNotFoundError:
        result.error = ErrorKind::HostNotFound;
        result.message = ToxiproxyError::tr("Could not %1 because the host of %2 was not found. "
                                            "Check the Toxiproxy address.")
                             .arg(operation, origin.server);
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        result.error = ErrorKind::TimedOut;
        result.message
            = ToxiproxyError::tr("Could not %1 because Toxiproxy at %2 did not respond "
                                 "within %3 ms. Check that this address belongs to "
                                 "Toxiproxy and that the server is not stalled.")
                  .arg(operation, origin.server, QString::number(origin.timeout.count()));
        break;
    default:
        result.error = ErrorKind::NetworkError;
        result.message = ToxiproxyError::tr("Could not %1 because the connection to %2 failed "
                                            "(%3). Check the Toxiproxy address and that the "
                                            "server is running.")
                             .arg(operation, origin.server, reply.errorString());
        break;
    }
    return result;
}

} // namespace

ApiResult resultFromReply(QNetworkReply& reply, const RequestOrigin& origin)
{
    const auto status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        return httpResult(reply, origin, status.toInt());
    return transportResult(reply, origin);
}

ApiResult cancelledResult(const RequestOrigin& origin)
{
    ApiResult result;
    result.error = ErrorKind::Cancelled;
    result.message = ToxiproxyError::tr("The request to %1 at %2 was cancelled before it finished.")
                         .arg(origin.request.operation, origin.server);
    return result;
}

ApiResult invalidResponseResult(
    const ApiResult& received, const RequestOrigin& origin, const QString& detail)
{
    ApiResult result = received;
    result.error = ErrorKind::InvalidResponse;
    result.message = ToxiproxyError::tr("Could not %1 because the response from %2 is not what "
                                        "Toxiproxy sends (%3). Check that this address belongs "
                                        "to Toxiproxy.")
                         .arg(origin.request.operation, origin.server, detail);
    return result;
}

} // namespace chaoslab::toxiproxy
