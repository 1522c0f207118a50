// Connection URLs of the order system's dependencies, such as
// mysql://chaoslab:chaoslab@127.0.0.1:6061/orders or amqp://chaoslab:chaoslab@127.0.0.1:6062/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace chaoslab::orders {

struct ServiceUrl
{
    std::string scheme;
    std::string user;
    std::string password;
    std::string host;
    std::uint16_t port = 0;
    // The percent-decoded path without its leading "/": the database for MySQL and MongoDB,
    // the virtual host for AMQP ("" means "/").
    std::string path;

    // "host:port", for messages.
    std::string address() const;
};

struct ServiceUrlParse
{
    std::optional<ServiceUrl> value;
    std::string error;
};

// Parses scheme://[user[:password]@]host[:port][/path] with a numeric or named host. The
// scheme must equal `scheme`, and a missing port becomes `defaultPort`. The error names the
// URL (with the password replaced by "***") and the part that is wrong.
ServiceUrlParse parseServiceUrl(
    const std::string& text, const std::string& scheme, std::uint16_t defaultPort);

// Returns the URL with its password replaced by "***", for logs and messages.
std::string redactedUrl(const std::string& text);

} // namespace chaoslab::orders
