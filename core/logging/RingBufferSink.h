#pragma once

#include <QString>
#include <QVector>

#include <spdlog/sinks/base_sink.h>

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>

namespace occ {

// Keeps the last N formatted records in memory for the log viewer, and tells listeners (LogHub) about
// each new one. Thread-safe; listeners are called on the logging thread with the sink locked, so they
// must only hand the record on (LogHub queues it), never log themselves.
class RingBufferSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    struct Record
    {
        QString line; // formatted, without the trailing newline
        int level = 0; // spdlog::level::level_enum value: 0 trace .. 5 critical
    };
    using Listener = std::function<void(const Record&)>;

    explicit RingBufferSink(std::size_t capacity);

    std::size_t capacity() const { return m_capacity; }
    QVector<Record> records();
    QStringList lines();
    void clear();

    int addListener(Listener listener);
    void removeListener(int id);

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override;
    void flush_() override;

private:
    const std::size_t m_capacity;
    std::deque<Record> m_records;
    std::map<int, Listener> m_listeners;
    int m_nextListenerId = 1;
};

} // namespace occ
