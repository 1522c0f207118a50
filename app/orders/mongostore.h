// The notifications collection in MongoDB, through one blocking libmongoc client. A
// mongoc_client_t is not thread-safe, so each thread that stores or reads has its own
// MongoStore. Every call blocks for up to the connect timeout (server selection) plus the
// query timeout (socket timeout).
#pragma once

#include "serviceoptions.h"
#include "serviceurl.h"

#include <optional>
#include <string>
#include <vector>

struct _mongoc_client_t;
struct _mongoc_uri_t;

namespace chaoslab::orders {

inline constexpr const char* NotificationsCollection = "notifications";

// Calls mongoc_init() once for the process.
void initializeMongoDriver();

class MongoStore
{
public:
    // `url` is the original mongodb:// text; `address` is "host:port" for messages.
    MongoStore(std::string url, std::string address, ConnectionSettings settings);
    ~MongoStore();

    MongoStore(const MongoStore&) = delete;
    MongoStore& operator=(const MongoStore&) = delete;

    // Returns the driver's error for a URL it rejects, for a startup check.
    static std::optional<std::string> validateUrl(const std::string& url);

    // Runs the ping command. Returns the error, for example "no MongoDB answered at
    // 127.0.0.1:6063 within 2000 ms: ...".
    std::optional<std::string> ping();

    // Inserts the JSON object `json` as a document. Returns the error message.
    std::optional<std::string> insert(const std::string& json);

    // Returns up to `limit` documents as relaxed extended JSON, the newest first, or the error.
    std::optional<std::string> recent(int limit, std::vector<std::string>* documents);

private:
    std::optional<std::string> ensureClient();
    std::string describe(const char* operation, const void* error) const;

    std::string m_url;
    std::string m_address;
    std::string m_database;
    ConnectionSettings m_settings;
    _mongoc_uri_t* m_uri = nullptr;
    _mongoc_client_t* m_client = nullptr;
};

} // namespace chaoslab::orders
