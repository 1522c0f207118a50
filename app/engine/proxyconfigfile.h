// Configuration files of `chaoslab serve -config FILE`: a JSON array of proxies, in the
// format of toxiproxy-server's -config file and of POST /populate, for example
//
//   [{"name": "mysql", "listen": "127.0.0.1:13306", "upstream": "127.0.0.1:3306"}]
//
// Files are checked completely before any proxy is created: JSON syntax errors are
// reported as "FILE:LINE:COLUMN: message", other errors name the file and the proxy.
#pragma once

#include "engineerror.h"
#include "proxystate.h"

#include <string>
#include <vector>

namespace chaoslab::engine {

// Reads and checks the file at `path`.
Result<std::vector<PopulateEntry>> loadProxyConfigFile(const std::string& path);

// Checks `text`, the contents of the file `path` (used in messages only).
Result<std::vector<PopulateEntry>> parseProxyConfig(
    const std::string& text, const std::string& path);

} // namespace chaoslab::engine
