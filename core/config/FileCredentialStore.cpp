#include "core/config/FileCredentialStore.h"

#include "core/config/JsonFile.h"
#include "core/logging/Logging.h"

#include <QFile>
#include <QFileInfo>

namespace occ {

namespace {

using Json = JsonFile::Json;

constexpr int CredentialsVersion = 1;

// Group or world access to the secrets file is fixed rather than refused: the user most likely copied
// it with a permissive umask, and refusing would only make them chmod it by hand.
Result<Unit, ConfigError> ensurePrivate(const QString& path)
{
#ifdef Q_OS_WIN
    Q_UNUSED(path)
#else
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    const QFileDevice::Permissions current = QFile::permissions(path);
    if (current & others) {
        Logging::get("config")->warn("{} was readable by other users; restricting it to its owner (0600)", path);
        if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            return ConfigError::make(ConfigError::Kind::Permissions, path, QString(),
                                     QStringLiteral("other users can read this file and its mode cannot be changed; "
                                                    "run: chmod 600 %1")
                                         .arg(path));
        }
    }
#endif
    return Unit{};
}

// The document, an empty object when the file does not exist, or why it cannot be used.
Result<Json, ConfigError> readDocument(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        return Json(Json::object());
    }
    const auto privateFile = ensurePrivate(path);
    if (!privateFile) {
        return privateFile.error();
    }
    const auto contents = JsonFile::read(path);
    if (!contents) {
        return contents.error();
    }
    auto parsed = JsonFile::parse(contents->bytes, path, JsonFile::Echo::Never);
    if (!parsed) {
        return parsed.error().first(); // a duplicate "password" is the only duplicate worth a word here
    }
    if (!parsed->is_object()) {
        ConfigError error = ConfigError::make(ConfigError::Kind::Parse, path, QString(),
                                              QStringLiteral("expected a JSON object at the top level"));
        error.line = 1;
        error.column = 1;
        return error;
    }
    if (auto it = parsed->find("version"); it != parsed->end()) {
        if (!it->is_number_integer()) {
            return ConfigError::make(ConfigError::Kind::Type, path, QStringLiteral("version"),
                                     QStringLiteral("expected an integer"));
        }
        if (it->get<std::int64_t>() > CredentialsVersion) {
            return ConfigError::make(ConfigError::Kind::NewerVersion, path, QStringLiteral("version"),
                                     QStringLiteral("written by a newer opencode-cloud; the file was not changed"));
        }
    }
    if (auto it = parsed->find("password"); it != parsed->end() && !it->is_string()) {
        // Not echoed: it may be the password with a typo.
        return ConfigError::make(ConfigError::Kind::Type, path, QStringLiteral("password"),
                                 QStringLiteral("expected a string, got %1").arg(QString::fromLatin1(it->type_name())));
    }
    return std::move(parsed.value());
}

} // namespace

FileCredentialStore::FileCredentialStore(const QString& path)
    : m_path(path)
{ }

Result<QString, ConfigError> FileCredentialStore::password() const
{
    const auto document = readDocument(m_path);
    if (!document) {
        return document.error();
    }
    const auto it = document->find("password");
    if (it == document->end()) {
        return QString();
    }
    const QString password = QString::fromStdString(it->get<std::string>());
    Logging::addSecret(password);
    return password;
}

Result<Unit, ConfigError> FileCredentialStore::setPassword(const QString& password)
{
    if (password.isEmpty()) {
        return ConfigError::make(ConfigError::Kind::Value, m_path, QStringLiteral("password"),
                                 QStringLiteral("must not be empty (use clear() to remove it)"));
    }
    auto document = readDocument(m_path);
    if (!document) {
        ConfigError error = document.error();
        if (error.kind == ConfigError::Kind::Parse || error.kind == ConfigError::Kind::Type) {
            error.message += QStringLiteral(" (not overwritten: fix it by hand or remove it to start over)");
        }
        return error;
    }
    Logging::addSecret(password);
    Json out = Json::object();
    out["version"] = CredentialsVersion;
    out["password"] = password.toStdString();
    // Keep whatever else a newer build of the same version put there.
    for (auto it = document->begin(); it != document->end(); ++it) {
        if (!out.contains(it.key())) {
            out[it.key()] = it.value();
        }
    }
    return JsonFile::writePrivate(m_path, QByteArray::fromStdString(out.dump(2) + "\n"));
}

bool FileCredentialStore::hasPassword() const
{
    const auto current = password();
    return current.ok() && !current.value().isEmpty();
}

Result<Unit, ConfigError> FileCredentialStore::clear()
{
    if (QFileInfo::exists(m_path) && !QFile::remove(m_path)) {
        return ConfigError::make(ConfigError::Kind::Io, m_path, QString(), QStringLiteral("cannot remove the file"));
    }
    return Unit{};
}

} // namespace occ
