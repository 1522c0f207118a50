#include "mongostore.h"

#include <mongoc/mongoc.h>

#include <mutex>

namespace chaoslab::orders {

namespace {

// Used when the URL names no database.
constexpr const char* defaultDatabase = "notifier";

struct BsonDocument
{
    bson_t value = BSON_INITIALIZER;
    ~BsonDocument() { bson_destroy(&value); }
};

} // namespace

void initializeMongoDriver()
{
    static std::once_flag once;
    std::call_once(once, [] { mongoc_init(); });
}

MongoStore::MongoStore(std::string url, std::string address, ConnectionSettings settings)
    : m_url(std::move(url))
    , m_address(std::move(address))
    , m_settings(settings)
{
    initializeMongoDriver();
}

MongoStore::~MongoStore()
{
    if (m_client)
        mongoc_client_destroy(m_client);
    if (m_uri)
        mongoc_uri_destroy(m_uri);
}

std::optional<std::string> MongoStore::validateUrl(const std::string& url)
{
    initializeMongoDriver();
    bson_error_t error;
    mongoc_uri_t* uri = mongoc_uri_new_with_error(url.c_str(), &error);
    if (!uri)
        return std::string(error.message);
    mongoc_uri_destroy(uri);
    return std::nullopt;
}

std::optional<std::string> MongoStore::ensureClient()
{
    if (m_client)
        return std::nullopt;
    bson_error_t error;
    m_uri = mongoc_uri_new_with_error(m_url.c_str(), &error);
    if (!m_uri)
        return "invalid MongoDB URL: " + std::string(error.message);
    const auto connectMs = static_cast<int32_t>(m_settings.connectTimeout.count());
    mongoc_uri_set_option_as_int32(m_uri, MONGOC_URI_CONNECTTIMEOUTMS, connectMs);
    mongoc_uri_set_option_as_int32(m_uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS, connectMs);
    mongoc_uri_set_option_as_int32(
        m_uri, MONGOC_URI_SOCKETTIMEOUTMS, static_cast<int32_t>(m_settings.queryTimeout.count()));
    // With "try once", a single-threaded libmongoc 1.23 client gives up after one failed
    // check and then skips the server for a 5 s cooldown. Without it, each call keeps trying
    // for the whole server selection timeout, as the "within N ms" of describe() states.
    mongoc_uri_set_option_as_bool(m_uri, MONGOC_URI_SERVERSELECTIONTRYONCE, false);
    const char* database = mongoc_uri_get_database(m_uri);
    m_database = database && *database ? database : defaultDatabase;
    m_client = mongoc_client_new_from_uri(m_uri);
    if (!m_client)
        return "MongoDB client creation failed for " + m_address;
    mongoc_client_set_appname(m_client, "chaoslab-notifier");
    return std::nullopt;
}

std::string MongoStore::describe(const char* operation, const void* errorPointer) const
{
    const auto* error = static_cast<const bson_error_t*>(errorPointer);
    if (error->domain == MONGOC_ERROR_SERVER_SELECTION) {
        return "no MongoDB answered at " + m_address + " within "
            + std::to_string(m_settings.connectTimeout.count()) + " ms: " + error->message;
    }
    return std::string("MongoDB ") + operation + " failed at " + m_address + ": " + error->message;
}

std::optional<std::string> MongoStore::ping()
{
    if (auto error = ensureClient())
        return error;
    BsonDocument command;
    BSON_APPEND_INT32(&command.value, "ping", 1);
    BsonDocument reply;
    bson_error_t error;
    if (!mongoc_client_command_simple(
            m_client, m_database.c_str(), &command.value, nullptr, &reply.value, &error))
        return describe("ping", &error);
    return std::nullopt;
}

// NOTE: insert() and recent() have run only against an address where no MongoDB listens.
// Debian 12 packages no MongoDB server, so their success paths are untested.
std::optional<std::string> MongoStore::insert(const std::string& json)
{
    if (auto error = ensureClient())
        return error;
    bson_error_t error;
    bson_t* document = bson_new_from_json(
        reinterpret_cast<const uint8_t*>(json.data()), static_cast<ssize_t>(json.size()), &error);
    if (!document)
        return "the event is not a JSON object: " + std::string(error.message);
    mongoc_collection_t* collection
        = mongoc_client_get_collection(m_client, m_database.c_str(), NotificationsCollection);
    const bool inserted
        = mongoc_collection_insert_one(collection, document, nullptr, nullptr, &error);
    mongoc_collection_destroy(collection);
    bson_destroy(document);
    if (!inserted)
        return describe("insert", &error);
    return std::nullopt;
}

std::optional<std::string> MongoStore::recent(int limit, std::vector<std::string>* documents)
{
    if (auto error = ensureClient())
        return error;
    BsonDocument filter;
    BsonDocument options;
    BsonDocument sort;
    BSON_APPEND_INT32(&sort.value, "_id", -1);
    BSON_APPEND_DOCUMENT(&options.value, "sort", &sort.value);
    BSON_APPEND_INT64(&options.value, "limit", limit);
    mongoc_collection_t* collection
        = mongoc_client_get_collection(m_client, m_database.c_str(), NotificationsCollection);
    mongoc_cursor_t* cursor
        = mongoc_collection_find_with_opts(collection, &filter.value, &options.value, nullptr);
    const bson_t* document = nullptr;
    while (mongoc_cursor_next(cursor, &document)) {
        char* text = bson_as_relaxed_extended_json(document, nullptr);
        documents->emplace_back(text);
        bson_free(text);
    }
    bson_error_t error;
    std::optional<std::string> failure;
    if (mongoc_cursor_error(cursor, &error))
        failure = describe("find", &error);
    mongoc_cursor_destroy(cursor);
    mongoc_collection_destroy(collection);
    return failure;
}

} // namespace chaoslab::orders
