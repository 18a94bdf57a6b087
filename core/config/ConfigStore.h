#pragma once

#include "core/config/Config.h"
#include "core/config/ConfigError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace occ {

// Loads and saves config.json.
//  - A missing file means defaults; exists() tells "not set up yet" apart.
//  - A file that does not parse is reported with line and column and is never overwritten by save()
//    or update(); only overwriteUnparseable(), which says what it does, replaces it (keeping a copy).
//  - A file from a newer opencode-cloud is refused and never touched.
//  - Older files are migrated in memory (ConfigMigrations); the next save writes the new layout.
//  - Saves are atomic (AtomicFile), mode 0600, pretty-printed, all known keys in the schema's order,
//    unknown keys kept; writers are serialised with config.json.lock (QLockFile). A save that fails (a
//    full disk, a folder this user may not write) leaves the old file byte for byte and says why.
//  - Files over 1 MiB, nested over 32 levels or with a key twice in one object are refused at the
//    parse boundary (JsonFile::parse), with line and column.
class ConfigStore
{
public:
    explicit ConfigStore(const QString& path);

    QString path() const { return m_path; }
    QString lockPath() const;
    bool exists() const;

    // Every problem at once: a syntax error (line, column), a newer format, or each key with a wrong
    // type or value (named by dotted key).
    Result<Config, ConfigErrors> load() const;
    // What load() makes of these bytes, without touching any file (for fuzzers and tests): every limit of
    // JsonFile::parse, the version check, migrations and the per-key checks. Never throws.
    static Result<Config, ConfigErrors> parse(const QByteArray& bytes, const QString& path);
    // What the last load() or update() migrated, e.g. "v0 -> v1: moved flat keys ...".
    QStringList lastMigrations() const { return m_lastMigrations; }

    Result<Unit, ConfigErrors> save(const Config& config);
    // Replaces a file that does not parse ("start over" in the wizard). The broken file is kept beside
    // it as config.json.broken-<time>. Still refuses a file from a newer version.
    Result<Unit, ConfigErrors> overwriteUnparseable(const Config& config);

    // lock -> reload -> mutate -> validate -> save, so a concurrent change to other keys survives.
    // A key that already held a bad value keeps it in the file unless mutate changes it or it is listed
    // in replacedKeys (set to a value equal to the fallback, e.g. `occ config set network.port 4096`).
    Result<Config, ConfigErrors> update(const std::function<void(Config&)>& mutate,
                                        const QStringList& replacedKeys = QStringList());
    // `occ config set KEY VALUE` / `occ config unset KEY`, through update().
    Result<Config, ConfigErrors> set(const QString& key, const QString& text);
    Result<Config, ConfigErrors> unset(const QString& key);

    void setLockTimeout(int milliseconds) { m_lockTimeoutMs = milliseconds; }
    // A lock older than this whose owner cannot be checked is taken over (a crashed writer).
    void setStaleLockTime(int milliseconds) { m_staleLockMs = milliseconds; }

private:
    Result<Unit, ConfigErrors> saveLocked(const Config& config, bool overwriteUnparseable);

    QString m_path;
    int m_lockTimeoutMs = 5000;
    int m_staleLockMs = 10000;
    mutable QStringList m_lastMigrations;
};

} // namespace occ
