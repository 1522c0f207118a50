// Responses of the Toxiproxy API: JSON bodies and error bodies {"error": "...", "status": N}.
#pragma once

#include "engineerror.h"
#include "jsonfields.h"

#include "httpmessage.h"

#include <string>

namespace chaoslab::engine {

net::HttpResponse jsonResponse(int status, const Json& body);
net::HttpResponse errorResponse(int status, const std::string& message);
net::HttpResponse errorResponse(const EngineError& error);

} // namespace chaoslab::engine
