#include "mysqlorderstore.h"

#include "orderslog.h"

#include <mysql.h>
#include <mysqld_error.h>

#include <chrono>

namespace chaoslab::orders {

namespace {

// MariaDB Connector/C takes its timeouts in whole seconds.
unsigned int wholeSeconds(std::chrono::milliseconds duration)
{
    return static_cast<unsigned int>((duration.count() + 999) / 1000);
}

constexpr const char* createTable = "CREATE TABLE IF NOT EXISTS orders ("
                                    "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                                    "customer VARCHAR(255) NOT NULL, "
                                    "item VARCHAR(255) NOT NULL, "
                                    "qty INT NOT NULL, "
                                    "created_at DATETIME(3) NOT NULL"
                                    ") CHARACTER SET utf8mb4";

// "2025-08-27T10:12:04.138Z" as a DATETIME literal, "2025-08-27 10:12:04.138".
std::string datetimeLiteral(std::string timestamp)
{
    if (timestamp.size() > 10 && timestamp[10] == 'T')
        timestamp[10] = ' ';
    if (!timestamp.empty() && timestamp.back() == 'Z')
        timestamp.pop_back();
    return timestamp;
}

} // namespace

MysqlOrderStore::MysqlOrderStore(
    ServiceUrl url, ConnectionSettings settings, DependencyState& state)
    : m_url(std::move(url))
    , m_settings(settings)
    , m_state(state)
{ }

MysqlOrderStore::~MysqlOrderStore()
{
    disconnect();
}

std::string MysqlOrderStore::failure(const char* operation) const
{
    return std::string(operation) + " failed: " + mysql_error(m_mysql) + " (mysql through "
        + m_url.address() + ")";
}

std::optional<std::string> MysqlOrderStore::connect()
{
    if (m_mysql)
        return std::nullopt;
    m_mysql = mysql_init(nullptr);
    if (!m_mysql) {
        const std::string error = "db connect failed: out of memory in mysql_init";
        m_state.setUnavailable(error);
        return error;
    }
    const unsigned int connectSeconds = wholeSeconds(m_settings.connectTimeout);
    const unsigned int querySeconds = wholeSeconds(m_settings.queryTimeout);
    const my_bool reconnect = 0;
    mysql_options(m_mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectSeconds);
    mysql_options(m_mysql, MYSQL_OPT_READ_TIMEOUT, &querySeconds);
    mysql_options(m_mysql, MYSQL_OPT_WRITE_TIMEOUT, &querySeconds);
    mysql_options(m_mysql, MYSQL_OPT_RECONNECT, &reconnect);
    mysql_options(m_mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");

    if (!mysql_real_connect(m_mysql, m_url.host.c_str(), m_url.user.c_str(), m_url.password.c_str(),
            nullptr, m_url.port, nullptr, 0)) {
        const auto error = failure("db connect");
        disconnect();
        m_state.setUnavailable(error);
        return error;
    }
    if (auto error = useDatabase()) {
        disconnect();
        m_state.setUnavailable(*error);
        return error;
    }
    m_state.setConnected("database " + m_url.path);
    return std::nullopt;
}

std::optional<std::string> MysqlOrderStore::useDatabase()
{
    if (mysql_select_db(m_mysql, m_url.path.c_str()) != 0) {
        if (mysql_errno(m_mysql) != ER_BAD_DB_ERROR)
            return failure("db select database");
        const std::string quoted = "`" + m_url.path + "`";
        if (auto error = execute("CREATE DATABASE IF NOT EXISTS " + quoted, "db create database"))
            return error;
        if (mysql_select_db(m_mysql, m_url.path.c_str()) != 0)
            return failure("db select database");
        qCInfo(lcOrders, "created MySQL database %s at %s", m_url.path.c_str(),
            m_url.address().c_str());
    }
    return execute(createTable, "db create table");
}

std::optional<std::string> MysqlOrderStore::execute(
    const std::string& statement, const char* operation)
{
    if (mysql_real_query(m_mysql, statement.data(), statement.size()) != 0)
        return failure(operation);
    if (MYSQL_RES* result = mysql_store_result(m_mysql))
        mysql_free_result(result);
    return std::nullopt;
}

InsertResult MysqlOrderStore::insert(const Order& order, const std::string& createdAt)
{
    if (auto error = connect())
        return { std::nullopt, *error };

    const auto escape = [this](const std::string& text) {
        std::string escaped(text.size() * 2 + 1, '\0');
        escaped.resize(mysql_real_escape_string(m_mysql, escaped.data(), text.data(), text.size()));
        return "'" + escaped + "'";
    };
    const std::string statement = "INSERT INTO orders (customer, item, qty, created_at) VALUES ("
        + escape(order.customer) + ", " + escape(order.item) + ", " + std::to_string(order.qty)
        + ", '" + datetimeLiteral(createdAt) + "')";
    if (auto error = execute(statement, "db insert")) {
        disconnect();
        m_state.setUnavailable(*error);
        return { std::nullopt, *error };
    }
    return { static_cast<std::int64_t>(mysql_insert_id(m_mysql)), {} };
}

void MysqlOrderStore::disconnect()
{
    if (!m_mysql)
        return;
    mysql_close(m_mysql);
    m_mysql = nullptr;
}

} // namespace chaoslab::orders
