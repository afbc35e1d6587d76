#pragma once

// Result<T>: a value or a typed error with a message. `core` reports failures through it instead of
// exceptions, so every caller sees the error path in the signature.

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace wf {

// Error kinds, named as the engine shows them in traces and execution history.
enum class ErrorType {
    InvalidInput,
    InvalidTypeConversion,
    NotFound,
    Timeout,
    Canceled,
    LimitExceeded,
    Internal,
};

QString errorTypeName(ErrorType type);

struct Error {
    ErrorType type = ErrorType::Internal;
    QString message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &std::get<T>(m_data); }
    T *operator->() { return &std::get<T>(m_data); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

inline Error makeError(ErrorType type, QString message)
{
    return Error{type, std::move(message)};
}

} // namespace wf
