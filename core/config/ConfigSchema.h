#pragma once

#include "core/config/ConfigError.h"
#include "core/config/ConfigKey.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace occ {

struct Config;

// The one table of config keys (see ConfigKey), and everything derived from it: per-key validation,
// access by dotted key for `occ config get|set|unset`, the JSON Schema, and the help text. Adding a
// key means adding a Config member and one row here; nothing else can drift.
class ConfigSchema
{
public:
    static constexpr int CurrentVersion = 1;

    // In file order: sections in order of first appearance, keys in order within a section.
    static const QVector<ConfigKey>& keys();
    static const ConfigKey* find(const QString& key);
    static QStringList sections();

    // Every per-key problem; empty when config can be saved. Cross-key policy (a public bind needs a
    // password) belongs to the callers that know about credentials.
    static ConfigErrors validate(const Config& config);

    static Result<QString, ConfigError> get(const Config& config, const QString& key);
    // Parses text for the key's type and checks it; config is unchanged on error.
    static Result<Unit, ConfigError> set(Config& config, const QString& key, const QString& text);
    // Back to the default.
    static Result<Unit, ConfigError> unset(Config& config, const QString& key);

    // JSON Schema (draft 2020-12), pretty-printed. Unknown keys are allowed: we keep them.
    static QByteArray jsonSchema();
    // The key list for `occ config --help`.
    static QString helpText();

    // Shared with the credentials file and the wizard.
    static bool isIpLiteral(const QString& text);
    static QString checkPublicUrl(const QString& text);
};

} // namespace occ
