#include "core/logging/RingBufferSink.h"

#include <QStringList>

namespace occ {

RingBufferSink::RingBufferSink(std::size_t capacity)
    : m_capacity(capacity > 0 ? capacity : 1)
{ }

QVector<RingBufferSink::Record> RingBufferSink::records()
{
    std::lock_guard<std::mutex> lock(mutex_);
    return QVector<Record>(m_records.begin(), m_records.end());
}

QStringList RingBufferSink::lines()
{
    std::lock_guard<std::mutex> lock(mutex_);
    QStringList out;
    out.reserve(static_cast<qsizetype>(m_records.size()));
    for (const Record& record : m_records) {
        out.append(record.line);
    }
    return out;
}

void RingBufferSink::clear()
{
    std::lock_guard<std::mutex> lock(mutex_);
    m_records.clear();
}

int RingBufferSink::addListener(Listener listener)
{
    std::lock_guard<std::mutex> lock(mutex_);
    const int id = m_nextListenerId++;
    m_listeners.emplace(id, std::move(listener));
    return id;
}

void RingBufferSink::removeListener(int id)
{
    std::lock_guard<std::mutex> lock(mutex_);
    m_listeners.erase(id);
}

void RingBufferSink::sink_it_(const spdlog::details::log_msg& msg)
{
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    QString line = QString::fromUtf8(formatted.data(), static_cast<qsizetype>(formatted.size()));
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r'))) {
        line.chop(1);
    }
    Record record{line, static_cast<int>(msg.level)};
    if (m_records.size() >= m_capacity) {
        m_records.pop_front();
    }
    m_records.push_back(record);
    for (const auto& entry : m_listeners) {
        entry.second(record);
    }
}

void RingBufferSink::flush_() { }

} // namespace occ
