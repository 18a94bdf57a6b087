#pragma once

#include <optional>
#include <utility>

namespace occ {

// A value or an error, for calls that can fail without throwing (no exception ever crosses
// a signal, a slot or the event loop). E is a small value type such as DockerError.
template <typename T, typename E>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(E error)
        : m_error(std::move(error))
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    const T& operator*() const { return *m_value; }

    const E& error() const { return m_error; }

private:
    std::optional<T> m_value;
    E m_error;
};

// For calls that return nothing on success.
struct Unit
{ };

} // namespace occ
