// The routes of the demo HTTP service, a local replacement for the public placeholder API
// that the academy's Chaos Toolkit experiments call:
//
//   GET /             a JSON index of these routes
//   GET /health       {"status":"ok"}
//   GET /bytes/{n}    exactly n bytes of application/octet-stream, n from 0 to
//                     MaxPayloadBytes, for bandwidth exercises; 400 above
//   the placeholder collections: /todos, /posts, /comments, /albums, /users
//                     (see placeholderroutes.h)
#pragma once

#include "httpmessage.h"

#include <cstddef>

namespace chaoslab::demo {

// 100 MB, with 1 MB = 1,000,000 bytes as Toxiproxy's bandwidth rates count them. HttpServer
// keeps several copies of a response in memory while it sends it: one 100 MB response took
// `chaoslab demo-http` to a peak RSS of about 410 MB when fetched with curl on loopback.
constexpr std::size_t MaxPayloadBytes = 100'000'000;

// Thread-safe; HttpServer calls it on its own thread.
net::HttpResponse handleDemoRequest(const net::HttpRequest& request);

} // namespace chaoslab::demo
