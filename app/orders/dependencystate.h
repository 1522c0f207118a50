// The last known state of one dependency (MySQL, RabbitMQ, MongoDB), written by the worker
// thread that talks to it and read by /health without blocking on that worker.
#pragma once

#include <mutex>
#include <string>

namespace chaoslab::orders {

class DependencyState
{
public:
    // `name` is the dependency's name in logs and health bodies, for example "mysql".
    DependencyState(std::string name, std::string address);

    // Each change of the state or its detail is logged once as one line.
    void setConnected(const std::string& detail = {});
    void setUnavailable(const std::string& reason);

    // "not connected yet", "connected (...)" or "unavailable: reason". Thread-safe.
    std::string summary() const;
    bool isConnected() const;
    const std::string& address() const { return m_address; }

private:
    void update(bool connected, std::string text);

    const std::string m_name;
    const std::string m_address;
    mutable std::mutex m_mutex;
    bool m_connected = false;
    std::string m_summary = "not connected yet";
};

} // namespace chaoslab::orders
