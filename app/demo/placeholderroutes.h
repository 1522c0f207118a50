// The routes of the placeholder collections, with the behaviour of jsonplaceholder, which
// is a json-server instance:
//
//   GET    /todos              the list; ?userId=2&completed=true keeps matching items (values
//                              of one field are alternatives), ?_limit=N keeps the first N
//   GET    /todos/{id}         one item, or 404 with the body {}
//   GET    /users/{id}/todos   the list of one owner, also /posts/{id}/comments
//   POST   /todos              201 with the request's JSON object and the next id
//   PUT    /todos/{id}         200 with the request's JSON object and the id
//   PATCH  /todos/{id}         200 with the item updated by the request's JSON object
//   DELETE /todos/{id}         200 with {}
//
// As on jsonplaceholder, writes get responses as if they were applied, but change nothing.
#pragma once

#include "httpmessage.h"

namespace chaoslab::demo {

// Returns 404 with the body {} for paths outside the collections. Thread-safe.
net::HttpResponse handlePlaceholderRequest(const net::HttpRequest& request);

} // namespace chaoslab::demo
