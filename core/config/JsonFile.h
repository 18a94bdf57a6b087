#pragma once

#include "core/config/ConfigError.h"
#include "core/util/FileError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstddef>

namespace occ {

// Reading and writing our private JSON files (config.json, credentials.json). ordered_json keeps the
// member order of a file, so keys we do not know stay where the user put them.
//
// parse() is the one boundary every reader goes through (occ config validate/get/set, every command that
// loads the config, the desktop app, the wizard, the credentials store), and it refuses what would hurt
// us later, before nlohmann builds a tree:
//  - more than MaxBytes: our config is about 1 KB and the credentials 100 bytes; 1 MiB leaves a thousand
//    times that for notes and unknown keys, yet bounds the memory and time one load can cost;
//  - nesting deeper than MaxDepth: ours needs 2 levels; nlohmann copies and prints trees recursively,
//    so 100 000 nested arrays crash a copy and 10 000 turn 20 KB into 200 MB when pretty-printed;
//  - a key twice in one object: nlohmann keeps the last one silently and our next save would drop the
//    others; each is reported with its line.
class JsonFile
{
public:
    using Json = nlohmann::ordered_json;

    static constexpr qsizetype MaxBytes = 1024 * 1024;
    static constexpr int MaxDepth = 32;

    struct Contents
    {
        bool exists = false;
        QByteArray bytes; // at most MaxBytes + 1: the rest of a larger file is not read
    };

    struct Position
    {
        int line = 1;
        int column = 1; // in characters, not bytes, so it matches what an editor shows
    };

    static Result<Contents, ConfigError> read(const QString& path);
    // nlohmann's exceptions stop here: a syntax error becomes a Parse error with line and column, and so
    // do the limits above. Never throws, never recurses deeper than MaxDepth. No file I/O: fuzzers call it.
    // Secret: a syntax error never quotes the text it stumbled on (nlohmann's "last read: '...'").
    enum class Echo { Shortened, Never };
    static Result<Json, ConfigErrors> parse(const QByteArray& bytes, const QString& path, Echo echo = Echo::Shortened);
    // byte is nlohmann's parse_error::byte: the 1-based index of the character it stumbled on.
    static Position positionOf(const QByteArray& bytes, std::size_t byte);

    // Creates the folder (and parents) if needed; a folder we create is 0700.
    static Result<Unit, ConfigError> ensureDirectory(const QString& path);
    // Through AtomicFile: mode 0600 before any byte lands, every write checked, the old file untouched
    // on any failure, the system's cause in the error.
    static Result<Unit, ConfigError> writePrivate(const QString& path, const QByteArray& bytes);
    static ConfigError fromFileError(const FileError& error);
};

} // namespace occ
