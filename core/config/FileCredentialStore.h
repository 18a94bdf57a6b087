#pragma once

#include "core/config/CredentialStore.h"

namespace occ {

// credentials.json beside config.json: {"version": 1, "password": "..."}, mode 0600 in a 0700 folder,
// written atomically. A file others can read is fixed to 0600 (with a warning) before it is read. A file
// that does not parse is an error with line and column and is never overwritten by setPassword(); only
// clear(), the explicit "forget it", removes it. Every password read or set is registered with
// Logging::addSecret so it cannot reach a log.
class FileCredentialStore : public CredentialStore
{
public:
    explicit FileCredentialStore(const QString& path);

    QString path() const { return m_path; }

    Result<QString, ConfigError> password() const override;
    Result<Unit, ConfigError> setPassword(const QString& password) override;
    bool hasPassword() const override;
    Result<Unit, ConfigError> clear() override;

private:
    QString m_path;
};

} // namespace occ
