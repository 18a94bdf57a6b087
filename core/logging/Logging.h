#pragma once

#include "core/logging/QtFormatters.h"

#include <QString>

#include <spdlog/logger.h>

#include <cstddef>
#include <memory>
#include <string>

namespace occ {

class RingBufferSink;

// spdlog, set up in one place. Every named logger ("docker", "config", "service", "cli", "app", ...)
// writes to one redacting sink that fans out to the configured sinks, so setup() can be called again
// (the app changing verbosity, a test) and loggers created before it follow.
class Logging
{
public:
    struct Options
    {
        int verbosity = 0; // -1 quiet (errors only), 0 info (one line per step), 1 debug, 2 trace (HTTP)
        bool toStderr = false; // the CLI
        QString logFile; // rotating file for the app; empty = none
        std::size_t maxFileSize = 1024 * 1024;
        std::size_t maxFiles = 5;
        bool ringBuffer = false; // keep recent records for the log viewer (see LogHub)
        std::size_t ringBufferCapacity = 5000;
    };

    static void setup(const Options& options);
    // Drops every sink and secret, back to the state before setup() (tests).
    static void reset();

    static std::shared_ptr<spdlog::logger> get(const std::string& area);
    static spdlog::level::level_enum level();
    static spdlog::level::level_enum levelForVerbosity(int verbosity);

    // Null unless setup() asked for a ring buffer.
    static std::shared_ptr<RingBufferSink> ringBuffer();

    // A secret (the server password) is masked in every record from now on, in every sink.
    static void addSecret(const QString& secret);
    static void clearSecrets();
    // The same masking for text shown elsewhere (an error dialog, `occ status --json`).
    static QString redact(const QString& text);

    static void flush();
};

} // namespace occ
