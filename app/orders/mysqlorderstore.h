// The orders table in MySQL or MariaDB, through one blocking MariaDB Connector/C connection.
// Every method blocks for up to the configured timeouts, so the store is used only on its
// WorkerThread. The database and the table are created when missing, on each new connection.
#pragma once

#include "dependencystate.h"
#include "order.h"
#include "serviceoptions.h"
#include "serviceurl.h"

#include <cstdint>
#include <optional>
#include <string>

struct st_mysql;

namespace chaoslab::orders {

struct InsertResult
{
    std::optional<std::int64_t> id;
    // For example "db insert failed: Lost connection to server during query (mysql through
    // 127.0.0.1:6061)".
    std::string error;
};

class MysqlOrderStore
{
public:
    MysqlOrderStore(ServiceUrl url, ConnectionSettings settings, DependencyState& state);
    ~MysqlOrderStore();

    MysqlOrderStore(const MysqlOrderStore&) = delete;
    MysqlOrderStore& operator=(const MysqlOrderStore&) = delete;

    // Connects, unless connected, and records the outcome in the DependencyState. Returns
    // the error message on failure.
    std::optional<std::string> connect();
    bool isConnected() const { return m_mysql != nullptr; }

    // Inserts the order with `createdAt` (see utcTimestamp) as its creation time. A failed
    // insert closes the connection, so the next call starts on a new one.
    InsertResult insert(const Order& order, const std::string& createdAt);

private:
    std::optional<std::string> execute(const std::string& statement, const char* operation);
    std::optional<std::string> useDatabase();
    std::string failure(const char* operation) const;
    void disconnect();

    ServiceUrl m_url;
    ConnectionSettings m_settings;
    DependencyState& m_state;
    st_mysql* m_mysql = nullptr;
};

} // namespace chaoslab::orders
