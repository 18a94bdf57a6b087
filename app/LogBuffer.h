#pragma once

#include "app/LogEntry.h"

#include <QVector>

#include <deque>

namespace occ {

struct LogFilter;

// The log viewer's model: the last `capacity` entries, oldest dropped first, so a chatty service cannot
// eat memory however long the viewer stays open.
class LogBuffer
{
public:
    explicit LogBuffer(int capacity = 50000);

    int capacity() const { return m_capacity; }
    int size() const { return int(m_entries.size()); }
    qint64 dropped() const { return m_dropped; }

    void append(const LogEntry& entry);
    void append(const QVector<LogEntry>& entries);
    void clear();

    const LogEntry& at(int index) const { return m_entries[std::size_t(index)]; }
    // The last `limit` entries the filter lets through, oldest first.
    QVector<const LogEntry*> matching(const LogFilter& filter, int limit) const;

private:
    int m_capacity;
    std::deque<LogEntry> m_entries;
    qint64 m_dropped = 0;
};

} // namespace occ
