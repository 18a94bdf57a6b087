#include "app/LogBuffer.h"

#include "app/LogFilter.h"

#include <algorithm>

namespace occ {

LogBuffer::LogBuffer(int capacity)
    : m_capacity(qMax(1, capacity))
{ }

void LogBuffer::append(const LogEntry& entry)
{
    if (int(m_entries.size()) >= m_capacity) {
        m_entries.pop_front();
        ++m_dropped;
    }
    m_entries.push_back(entry);
}

void LogBuffer::append(const QVector<LogEntry>& entries)
{
    // Only the newest `capacity` of a huge batch can survive: skip the rest without copying them.
    const int skip = qMax(0, int(entries.size()) - m_capacity);
    m_dropped += skip;
    for (int i = skip; i < entries.size(); ++i) {
        append(entries[i]);
    }
}

void LogBuffer::clear()
{
    m_entries.clear();
}

QVector<const LogEntry*> LogBuffer::matching(const LogFilter& filter, int limit) const
{
    QVector<const LogEntry*> out;
    for (auto it = m_entries.rbegin(); it != m_entries.rend() && out.size() < limit; ++it) {
        if (filter.matches(*it)) {
            out.append(&*it);
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace occ
