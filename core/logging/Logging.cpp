#include "core/logging/Logging.h"

#include "core/logging/RedactingSink.h"
#include "core/logging/Redactor.h"
#include "core/logging/RingBufferSink.h"

#include <QDir>
#include <QFileInfo>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace occ {

namespace {

const char* const FilePattern = "[%Y-%m-%d %H:%M:%S.%e] [%n] [%l] %v";
const char* const StderrPattern = "%^%l%$ [%n] %v";
const char* const RingPattern = "%Y-%m-%d %H:%M:%S.%e [%n] %l: %v";

struct State
{
    std::mutex mutex;
    std::shared_ptr<Redactor> redactor = std::make_shared<Redactor>();
    std::shared_ptr<RedactingSink> sink = std::make_shared<RedactingSink>(redactor);
    std::shared_ptr<RingBufferSink> ring;
    spdlog::level::level_enum level = spdlog::level::info;
    bool initialised = false;
};

State& state()
{
    static State s;
    return s;
}

// Before setup() nothing is configured; warnings and errors still go to stderr rather than nowhere.
void ensureInitialisedLocked(State& s)
{
    if (s.initialised) {
        return;
    }
    auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    err->set_pattern(StderrPattern);
    err->set_level(spdlog::level::warn);
    s.sink->setSinks({err});
    s.initialised = true;
}

} // namespace

spdlog::level::level_enum Logging::levelForVerbosity(int verbosity)
{
    if (verbosity < 0) {
        return spdlog::level::err;
    }
    switch (verbosity) {
    case 0:
        return spdlog::level::info;
    case 1:
        return spdlog::level::debug;
    default:
        return spdlog::level::trace;
    }
}

void Logging::setup(const Options& options)
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.level = levelForVerbosity(options.verbosity);

    std::vector<spdlog::sink_ptr> sinks;
    if (options.toStderr) {
        auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        err->set_pattern(StderrPattern);
        sinks.push_back(err);
    }
    if (!options.logFile.isEmpty()) {
        QDir().mkpath(QFileInfo(options.logFile).absolutePath());
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QDir::toNativeSeparators(options.logFile).toStdString(), options.maxFileSize, options.maxFiles);
            file->set_pattern(FilePattern);
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex& e) {
            // No exception leaves setup: the app keeps running without its log file and says why.
            auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
            err->set_pattern(StderrPattern);
            sinks.push_back(err);
            err->log(spdlog::details::log_msg("logging", spdlog::level::err,
                                              fmt::format("cannot open log file {}: {}", options.logFile, e.what())));
        }
    }
    if (options.ringBuffer) {
        if (!s.ring || s.ring->capacity() != options.ringBufferCapacity) {
            s.ring = std::make_shared<RingBufferSink>(options.ringBufferCapacity);
            s.ring->set_pattern(RingPattern);
        }
        sinks.push_back(s.ring);
    } else {
        s.ring.reset();
    }
    s.sink->setSinks(std::move(sinks));
    s.initialised = true;

    spdlog::apply_all([&s](const std::shared_ptr<spdlog::logger>& logger) { logger->set_level(s.level); });
}

void Logging::reset()
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.sink->flush();
    s.sink->setSinks({});
    s.ring.reset();
    s.redactor->clearSecrets();
    s.level = spdlog::level::info;
    s.initialised = false;
    spdlog::apply_all([&s](const std::shared_ptr<spdlog::logger>& logger) { logger->set_level(s.level); });
}

std::shared_ptr<spdlog::logger> Logging::get(const std::string& area)
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    ensureInitialisedLocked(s);
    if (auto existing = spdlog::get(area)) {
        return existing;
    }
    auto logger = std::make_shared<spdlog::logger>(area, s.sink);
    logger->set_level(s.level);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

spdlog::level::level_enum Logging::level()
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    return s.level;
}

std::shared_ptr<RingBufferSink> Logging::ringBuffer()
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    return s.ring;
}

void Logging::addSecret(const QString& secret)
{
    state().redactor->addSecret(secret);
}

void Logging::clearSecrets()
{
    state().redactor->clearSecrets();
}

QString Logging::redact(const QString& text)
{
    return state().redactor->redact(text);
}

void Logging::flush()
{
    state().sink->flush();
}

} // namespace occ
