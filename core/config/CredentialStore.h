#pragma once

#include "core/config/ConfigError.h"
#include "core/util/Result.h"

#include <QString>

namespace occ {

// Where the server password lives, kept apart from config.json so the config can be shared and
// versioned. FileCredentialStore is the only implementation today; an OS keychain could be another.
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;

    // The password, or an empty string when none is set; an error when the store cannot be read.
    virtual Result<QString, ConfigError> password() const = 0;
    virtual Result<Unit, ConfigError> setPassword(const QString& password) = 0;
    virtual bool hasPassword() const = 0;
    // Forgets the password.
    virtual Result<Unit, ConfigError> clear() = 0;
};

} // namespace occ
