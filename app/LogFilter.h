#pragma once

#include "app/LogEntry.h"

namespace occ {

// Which entries the log viewer shows. Pure, so the viewer's filters are tested without a widget.
struct LogFilter
{
    LogEntry::Source source = LogEntry::Source::Service;
    bool showStdout = true;
    bool showStderr = true;
    int minLevel = 2; // App: info and above

    bool matches(const LogEntry& entry) const;
    // The line as shown: with or without the timestamp.
    static QString format(const LogEntry& entry, bool timestamps);
};

} // namespace occ
