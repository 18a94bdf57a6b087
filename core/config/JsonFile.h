#pragma once

#include "core/config/ConfigError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstddef>

namespace occ {

// Reading and writing our private JSON files (config.json, credentials.json). ordered_json keeps the
// member order of a file, so keys we do not know stay where the user put them.
class JsonFile
{
public:
    using Json = nlohmann::ordered_json;

    struct Contents
    {
        bool exists = false;
        QByteArray bytes;
    };

    struct Position
    {
        int line = 1;
        int column = 1; // in characters, not bytes, so it matches what an editor shows
    };

    static Result<Contents, ConfigError> read(const QString& path);
    // nlohmann's exceptions stop here: a syntax error becomes a Parse error with line and column.
    static Result<Json, ConfigError> parse(const QByteArray& bytes, const QString& path);
    // byte is nlohmann's parse_error::byte: the 1-based index of the character it stumbled on.
    static Position positionOf(const QByteArray& bytes, std::size_t byte);

    // Creates the folder (and parents) if needed; a folder we create is 0700.
    static Result<Unit, ConfigError> ensureDirectory(const QString& path);
    // Atomic (QSaveFile) with mode 0600 set on the temporary file before it replaces the old one, so
    // the content is never readable by others, not even for a moment.
    static Result<Unit, ConfigError> writePrivate(const QString& path, const QByteArray& bytes);
};

} // namespace occ
