#include "core/config/ConfigStore.h"

#include "core/config/ConfigKey.h"
#include "core/config/ConfigMigrations.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigSchema.h"
#include "core/config/JsonFile.h"
#include "core/logging/Logging.h"
#include "core/util/AtomicFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <limits>
#include <map>
#include <optional>

namespace occ {

namespace {

using Json = JsonFile::Json;

struct Decoded
{
    bool exists = false;
    Json document = Json::object();
    Config config;
    ConfigErrors problems; // per-key; the file is still usable
    std::map<QString, Json> invalidValues; // key -> the value as found, for keys in problems
    QStringList migrations;
};

QString describe(const Json& value)
{
    const QString type = QString::fromLatin1(value.type_name());
    if (value.is_string()) {
        return type + QLatin1Char(' ') + quoteValue(QString::fromStdString(value.get<std::string>()));
    }
    return type + QLatin1Char(' ') + shortened(QString::fromStdString(value.dump()));
}

// The value of one key as found in the file, or an empty QVariant and the problem.
QVariant fromJson(const ConfigKey& key, const Json& value, QString* problem, ConfigError::Kind* kind)
{
    *kind = ConfigError::Kind::Type;
    switch (key.type) {
    case ConfigKey::Type::Int:
        if (value.is_number_integer()) {
            const bool fits = value.is_number_unsigned()
                ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())
                : (value.get<std::int64_t>() >= std::numeric_limits<int>::min()
                   && value.get<std::int64_t>() <= std::numeric_limits<int>::max());
            if (fits) {
                return value.get<int>();
            }
            *kind = ConfigError::Kind::Value;
        }
        break;
    case ConfigKey::Type::Bool:
        if (value.is_boolean()) {
            return value.get<bool>();
        }
        break;
    case ConfigKey::Type::String:
    case ConfigKey::Type::Enum:
        if (value.is_string()) {
            return QString::fromStdString(value.get<std::string>());
        }
        break;
    }
    *problem = QStringLiteral("expected %1 (%2), got %3").arg(key.jsonTypeName(), key.expected(), describe(value));
    return {};
}

Json toJson(const ConfigKey& key, const Config& config)
{
    const QVariant value = key.get(config);
    switch (key.type) {
    case ConfigKey::Type::Int:
        return value.toInt();
    case ConfigKey::Type::Bool:
        return value.toBool();
    case ConfigKey::Type::String:
    case ConfigKey::Type::Enum:
        break;
    }
    return value.toString().toStdString();
}

// Parses, checks the version, migrates and decodes. Errors here make the file unusable as a whole;
// per-key problems go into Decoded::problems. No file I/O.
Result<Decoded, ConfigErrors> decode(const QByteArray& bytes, const QString& path)
{
    Decoded decoded;
    decoded.exists = true;
    auto parsed = JsonFile::parse(bytes, path);
    if (!parsed) {
        return parsed.error();
    }
    decoded.document = std::move(parsed.value());
    if (!decoded.document.is_object()) {
        ConfigError error = ConfigError::make(
            ConfigError::Kind::Parse, path, QString(),
            QStringLiteral("expected a JSON object at the top level, got %1").arg(describe(decoded.document)));
        error.line = 1;
        error.column = 1;
        return ConfigErrors{error};
    }

    // A file without "version" predates the field: version 0.
    int version = 0;
    if (auto it = decoded.document.find("version"); it != decoded.document.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0
            || it->get<std::int64_t>() > std::numeric_limits<int>::max()) {
            return ConfigErrors{
                ConfigError::make(ConfigError::Kind::Type, path, QStringLiteral("version"),
                                  QStringLiteral("expected a non-negative integer, got %1").arg(describe(*it)))};
        }
        version = it->get<int>();
    }
    if (version > ConfigSchema::CurrentVersion) {
        return ConfigErrors{ConfigError::make(
            ConfigError::Kind::NewerVersion, path, QStringLiteral("version"),
            QStringLiteral("this file is format version %1, written by a newer opencode-cloud; this one understands "
                           "up to version %2. Upgrade opencode-cloud; the file was not changed.")
                .arg(version)
                .arg(ConfigSchema::CurrentVersion))};
    }
    decoded.migrations = ConfigMigrations::migrate(decoded.document, version);

    ConfigErrors sectionErrors;
    for (const QString& section : ConfigSchema::sections()) {
        auto it = decoded.document.find(section.toStdString());
        if (it != decoded.document.end() && !it->is_object()) {
            sectionErrors << ConfigError::make(ConfigError::Kind::Type, path, section,
                                               QStringLiteral("expected an object, got %1").arg(describe(*it)));
        }
    }
    if (!sectionErrors.isEmpty()) {
        return sectionErrors;
    }

    for (const ConfigKey& key : ConfigSchema::keys()) {
        auto sectionIt = decoded.document.find(key.section().toStdString());
        if (sectionIt == decoded.document.end()) {
            continue;
        }
        auto valueIt = sectionIt->find(key.name().toStdString());
        if (valueIt == sectionIt->end()) {
            continue;
        }
        QString problem;
        ConfigError::Kind kind = ConfigError::Kind::Type;
        const QVariant value = fromJson(key, *valueIt, &problem, &kind);
        if (problem.isEmpty()) {
            problem = key.checkValue(value);
            kind = ConfigError::Kind::Value;
        }
        if (!problem.isEmpty()) {
            decoded.problems << ConfigError::make(kind, path, key.key, problem);
            decoded.invalidValues[key.key] = *valueIt;
            continue;
        }
        key.set(decoded.config, value);
    }
    return decoded;
}

Result<Decoded, ConfigErrors> readAndDecode(const QString& path)
{
    const auto contents = JsonFile::read(path);
    if (!contents) {
        return ConfigErrors{contents.error()};
    }
    if (!contents->exists) {
        return Decoded{};
    }
    return decode(contents->bytes, path);
}

// All known keys from config in the schema's order; unknown keys follow the known ones of their section,
// unknown sections follow the known sections, each in the order the file had them.
Json buildDocument(const Config& config, const Json& old, const std::map<QString, Json>& keepAsFound)
{
    Json out = Json::object();
    out["version"] = ConfigSchema::CurrentVersion;
    const QStringList sections = ConfigSchema::sections();
    for (const QString& section : sections) {
        Json object = Json::object();
        for (const ConfigKey& key : ConfigSchema::keys()) {
            if (key.section() != section) {
                continue;
            }
            auto kept = keepAsFound.find(key.key);
            object[key.name().toStdString()] = kept != keepAsFound.end() ? kept->second : toJson(key, config);
        }
        auto oldSection = old.find(section.toStdString());
        if (oldSection != old.end() && oldSection->is_object()) {
            for (auto it = oldSection->begin(); it != oldSection->end(); ++it) {
                if (!object.contains(it.key())) {
                    object[it.key()] = it.value();
                }
            }
        }
        out[section.toStdString()] = std::move(object);
    }
    for (auto it = old.begin(); it != old.end(); ++it) {
        if (!out.contains(it.key())) {
            out[it.key()] = it.value();
        }
    }
    return out;
}

QByteArray serialise(const Json& document)
{
    return QByteArray::fromStdString(document.dump(2) + "\n");
}

// Never write what the next load would refuse: pretty-printing can make a file of unknown keys grow.
Result<Unit, ConfigErrors> writeDocument(const QString& path, const Json& document)
{
    const QByteArray bytes = serialise(document);
    if (bytes.size() > JsonFile::MaxBytes) {
        return ConfigErrors{
            ConfigError::make(ConfigError::Kind::Io, path, QString(),
                              QStringLiteral("not saved: the new file would be %1 bytes, more than the %2 "
                                             "opencode-cloud reads back; the file was left as it was")
                                  .arg(bytes.size())
                                  .arg(JsonFile::MaxBytes))};
    }
    const auto written = JsonFile::writePrivate(path, bytes);
    if (!written) {
        return ConfigErrors{written.error()};
    }
    return Unit{};
}

// QLockFile says "locked" only for LockFailedError; PermissionError and UnknownError mean it could not
// create or write the lock file at all (a folder this user may not write, a full disk), and saying
// "another process is changing the config" then sends the user after a process that does not exist.
std::optional<ConfigError> lockConfig(QLockFile& lock, const QString& path, const QString& lockPath, int timeoutMs,
                                      int staleMs)
{
    lock.setStaleLockTime(staleMs);
    if (lock.tryLock(timeoutMs)) {
        return std::nullopt;
    }
    if (lock.error() == QLockFile::LockFailedError) {
        return ConfigError::make(
            ConfigError::Kind::Locked, path, QString(),
            QStringLiteral("another opencode-cloud process is changing the config (lock file %1); try "
                           "again")
                .arg(QDir::toNativeSeparators(lockPath)));
    }
    // QLockFile keeps errno to itself: create a file there ourselves to hear the system's reason.
    const auto probe = AtomicFile::probeFolder(QFileInfo(lockPath).absolutePath());
    const QString cause = probe
        ? QStringLiteral("the system refused (QLockFile error %1)").arg(static_cast<int>(lock.error()))
        : probe.error().reason;
    return ConfigError::make(ConfigError::Kind::Io, path, QString(),
                             QStringLiteral("cannot create the lock file %1: %2; the file was left as it was")
                                 .arg(QDir::toNativeSeparators(lockPath), cause));
}

void logMigrations(const QString& path, const QStringList& migrations)
{
    for (const QString& step : migrations) {
        Logging::get("config")->info("{}: migrating {}", path, step);
    }
}

} // namespace

ConfigStore::ConfigStore(const QString& path)
    : m_path(path)
{ }

QString ConfigStore::lockPath() const
{
    return ConfigPaths::lockFile(m_path);
}

bool ConfigStore::exists() const
{
    return QFileInfo::exists(m_path);
}

Result<Config, ConfigErrors> ConfigStore::parse(const QByteArray& bytes, const QString& path)
{
    auto decoded = decode(bytes, path);
    if (!decoded) {
        return decoded.error();
    }
    if (!decoded->problems.isEmpty()) {
        return decoded->problems;
    }
    return decoded->config;
}

Result<Config, ConfigErrors> ConfigStore::load() const
{
    auto decoded = readAndDecode(m_path);
    if (!decoded) {
        return decoded.error();
    }
    m_lastMigrations = decoded->migrations;
    logMigrations(m_path, decoded->migrations);
    if (!decoded->problems.isEmpty()) {
        return decoded->problems;
    }
    return decoded->config;
}

Result<Unit, ConfigErrors> ConfigStore::save(const Config& config)
{
    return saveLocked(config, false);
}

Result<Unit, ConfigErrors> ConfigStore::overwriteUnparseable(const Config& config)
{
    return saveLocked(config, true);
}

Result<Unit, ConfigErrors> ConfigStore::saveLocked(const Config& config, bool overwriteUnparseable)
{
    ConfigErrors problems = ConfigSchema::validate(config);
    if (!problems.isEmpty()) {
        for (ConfigError& problem : problems) {
            problem.file = m_path;
        }
        return problems;
    }
    const auto dir = JsonFile::ensureDirectory(QFileInfo(m_path).absolutePath());
    if (!dir) {
        return ConfigErrors{dir.error()};
    }
    QLockFile lock(lockPath());
    if (auto refused = lockConfig(lock, m_path, lockPath(), m_lockTimeoutMs, m_staleLockMs)) {
        return ConfigErrors{*refused};
    }

    Json old = Json::object();
    auto decoded = readAndDecode(m_path);
    if (decoded) {
        old = decoded->document;
    } else {
        const ConfigError& first = decoded.error().first();
        const bool unparseable = first.kind == ConfigError::Kind::Parse || first.kind == ConfigError::Kind::Type;
        if (!unparseable || !overwriteUnparseable) {
            ConfigErrors errors;
            if (unparseable) {
                errors << ConfigError::make(
                    ConfigError::Kind::Unparseable, m_path, QString(),
                    QStringLiteral("not saved: the file on disk has errors and was left as it is; "
                                   "fix it by hand or start over"));
            }
            errors << decoded.error();
            return errors;
        }
        const QString backup = m_path + QStringLiteral(".broken-")
            + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (!QFile::exists(backup)) {
            const auto contents = JsonFile::read(m_path);
            const auto copied = contents ? AtomicFile::write(backup, contents->bytes, AtomicFile::OwnerOnly)
                                         : Result<Unit, FileError>(FileError{});
            if (!copied) {
                return ConfigErrors{ConfigError::make(
                    ConfigError::Kind::Io, m_path, QString(),
                    QStringLiteral("cannot keep a copy of the broken file as %1: %2; the file was left as it was")
                        .arg(backup, contents ? copied.error().reason : contents.error().message))};
            }
        }
        Logging::get("config")->warn("{} did not parse; kept it as {} and wrote a new one", m_path, backup);
    }

    return writeDocument(m_path, buildDocument(config, old, {}));
}

Result<Config, ConfigErrors> ConfigStore::update(const std::function<void(Config&)>& mutate,
                                                 const QStringList& replacedKeys)
{
    const auto dir = JsonFile::ensureDirectory(QFileInfo(m_path).absolutePath());
    if (!dir) {
        return ConfigErrors{dir.error()};
    }
    QLockFile lock(lockPath());
    if (auto refused = lockConfig(lock, m_path, lockPath(), m_lockTimeoutMs, m_staleLockMs)) {
        return ConfigErrors{*refused};
    }

    auto decoded = readAndDecode(m_path);
    if (!decoded) {
        ConfigErrors errors = decoded.error();
        if (errors.first().kind == ConfigError::Kind::Parse || errors.first().kind == ConfigError::Kind::Type) {
            errors.prepend(
                ConfigError::make(ConfigError::Kind::Unparseable, m_path, QString(),
                                  QStringLiteral("not saved: the file on disk has errors and was left as it is")));
        }
        return errors;
    }
    m_lastMigrations = decoded->migrations;
    logMigrations(m_path, decoded->migrations);

    const Config before = decoded->config;
    Config config = before;
    mutate(config);

    ConfigErrors problems = ConfigSchema::validate(config);
    if (!problems.isEmpty()) {
        for (ConfigError& problem : problems) {
            problem.file = m_path;
        }
        return problems;
    }

    // A bad value the mutation left alone is written back as found: the user's typo stays theirs to fix,
    // rather than being silently replaced by the default.
    std::map<QString, Json> keep;
    for (const auto& entry : decoded->invalidValues) {
        const ConfigKey* key = ConfigSchema::find(entry.first);
        if (key && !replacedKeys.contains(key->key) && key->get(config) == key->get(before)) {
            keep.insert(entry);
        }
    }

    const auto written = writeDocument(m_path, buildDocument(config, decoded->document, keep));
    if (!written) {
        return written.error();
    }
    return config;
}

Result<Config, ConfigErrors> ConfigStore::set(const QString& key, const QString& text)
{
    // Checked before taking the lock so a typo never costs a write.
    Config scratch;
    const auto checked = ConfigSchema::set(scratch, key, text);
    if (!checked) {
        ConfigError error = checked.error();
        error.file = m_path;
        return ConfigErrors{error};
    }
    return update([&](Config& config) { ConfigSchema::set(config, key, text); }, {key});
}

Result<Config, ConfigErrors> ConfigStore::unset(const QString& key)
{
    if (!ConfigSchema::find(key)) {
        Config scratch;
        ConfigError error = ConfigSchema::unset(scratch, key).error();
        error.file = m_path;
        return ConfigErrors{error};
    }
    return update([&](Config& config) { ConfigSchema::unset(config, key); }, {key});
}

} // namespace occ
