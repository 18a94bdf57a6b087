#pragma once

#include <spdlog/sinks/sink.h>

#include <memory>
#include <mutex>
#include <vector>

namespace occ {

class Redactor;

// The one sink every logger writes to. It redacts the message and only then hands it to the real
// sinks (stderr, rotating file, ring buffer), so no sink can ever see a secret, whatever its pattern.
class RedactingSink final : public spdlog::sinks::sink
{
public:
    explicit RedactingSink(std::shared_ptr<const Redactor> redactor);

    void setSinks(std::vector<spdlog::sink_ptr> sinks);
    std::vector<spdlog::sink_ptr> sinks() const;

    void log(const spdlog::details::log_msg& msg) override;
    void flush() override;
    // Each wrapped sink keeps its own pattern (terse on stderr, timestamps in the file); a global
    // spdlog::set_pattern() must not flatten them, so these are deliberately ignored.
    void set_pattern(const std::string& pattern) override;
    void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

private:
    std::shared_ptr<const Redactor> m_redactor;
    mutable std::mutex m_mutex;
    std::vector<spdlog::sink_ptr> m_sinks;
};

} // namespace occ
