#include "apiresponse.h"

namespace chaoslab::engine {

net::HttpResponse jsonResponse(int status, const Json& body)
{
    // Names come from clients and may hold invalid UTF-8; replace it rather than fail.
    return net::HttpResponse::json(
        status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

net::HttpResponse errorResponse(int status, const std::string& message)
{
    Json body = Json::object();
    body["error"] = message;
    body["status"] = status;
    auto response = jsonResponse(status, body);
    response.body += '\n';
    return response;
}

net::HttpResponse errorResponse(const EngineError& error)
{
    return errorResponse(httpStatus(error.kind), error.message);
}

} // namespace chaoslab::engine
