#include "core/logging/RedactingSink.h"

#include "core/logging/Redactor.h"

#include <spdlog/details/log_msg.h>

namespace occ {

RedactingSink::RedactingSink(std::shared_ptr<const Redactor> redactor)
    : m_redactor(std::move(redactor))
{ }

void RedactingSink::setSinks(std::vector<spdlog::sink_ptr> sinks)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_sinks = std::move(sinks);
}

std::vector<spdlog::sink_ptr> RedactingSink::sinks() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_sinks;
}

void RedactingSink::log(const spdlog::details::log_msg& msg)
{
    const std::string redacted = m_redactor->redact(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy(msg);
    copy.payload = spdlog::string_view_t(redacted.data(), redacted.size());

    // Held while forwarding so records from different threads reach every sink in the same order.
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const spdlog::sink_ptr& target : m_sinks) {
        if (target->should_log(copy.level)) {
            target->log(copy);
        }
    }
}

void RedactingSink::flush()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const spdlog::sink_ptr& target : m_sinks) {
        target->flush();
    }
}

void RedactingSink::set_pattern(const std::string&) { }

void RedactingSink::set_formatter(std::unique_ptr<spdlog::formatter>) { }

} // namespace occ
