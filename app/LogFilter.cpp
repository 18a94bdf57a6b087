#include "app/LogFilter.h"

#include <QRegularExpression>

namespace occ {

bool LogFilter::matches(const LogEntry& entry) const
{
    if (entry.source != source) {
        return false;
    }
    if (entry.source == LogEntry::Source::Service) {
        return entry.stream == LogEntry::Stream::Stdout ? showStdout : showStderr;
    }
    return entry.level >= minLevel;
}

QString LogFilter::format(const LogEntry& entry, bool timestamps)
{
    if (entry.source == LogEntry::Source::App) {
        if (timestamps) {
            return entry.text;
        }
        // Our own records start with spdlog's "[2024-05-01 12:00:00.123] "; drop it when asked.
        static const QRegularExpression stamp(QStringLiteral("^\\[\\d{4}-\\d\\d-\\d\\d[ T][^\\]]*\\] "));
        const QRegularExpressionMatch m = stamp.match(entry.text);
        return m.hasMatch() ? entry.text.mid(m.capturedLength()) : entry.text;
    }
    if (!timestamps || entry.timestamp.isEmpty()) {
        return entry.text;
    }
    // RFC 3339 with nanoseconds is noise in a viewer: "2024-05-01T12:00:00.123456789Z" -> "2024-05-01 12:00:00".
    QString stamp = entry.timestamp.left(19);
    stamp.replace(QLatin1Char('T'), QLatin1Char(' '));
    return stamp + QLatin1Char(' ') + entry.text;
}

} // namespace occ
