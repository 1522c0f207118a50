// Errors of the engine's control plane as values. Each kind maps to the HTTP status that the
// Toxiproxy 2.12 API returns for it.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace chaoslab::engine {

enum class ErrorKind {
    // An invalid or incomplete request (400).
    BadRequest,
    // No proxy or toxic of that name (404).
    NotFound,
    // A proxy or toxic of that name exists already (409).
    Conflict,
    // A listening socket could not be created, for example a port in use (500).
    ListenFailed,
};

struct EngineError
{
    ErrorKind kind = ErrorKind::BadRequest;
    std::string message;
};

int httpStatus(ErrorKind kind);

// Nothing on success, the error otherwise.
using Status = std::optional<EngineError>;

// A value or the error that prevented it.
template <typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(EngineError error) : m_error(std::move(error)) { }

    bool ok() const { return m_value.has_value(); }
    const T& value() const { return *m_value; }
    T& value() { return *m_value; }
    const EngineError& error() const { return m_error; }

private:
    std::optional<T> m_value;
    EngineError m_error;
};

} // namespace chaoslab::engine
