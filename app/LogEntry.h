#pragma once

#include <QString>

namespace occ {

// One line in the log viewer, from either source.
struct LogEntry
{
    enum class Source { Service, App };
    enum class Stream { Stdout = 1, Stderr = 2 };

    Source source = Source::Service;
    Stream stream = Stream::Stdout; // Service only
    int level = 2; // App only: spdlog's 0 trace .. 5 critical
    QString timestamp; // Service only: RFC 3339 from the engine
    QString text;
};

} // namespace occ
