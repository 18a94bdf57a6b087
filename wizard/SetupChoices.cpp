#include "wizard/SetupChoices.h"

#include "core/service/ServiceSpec.h"

namespace occ {

SetupChoices SetupChoices::fromConfig(const Config& config, bool hasPassword, bool startAtLogin)
{
    SetupChoices c;
    if (!config.publicUrl.isEmpty()) {
        c.access = Access::Proxy;
        c.publicUrl = config.publicUrl;
        c.proxyOnThisMachine = ServiceSpec::isLoopback(config.bind);
    } else if (ServiceSpec::isLoopback(config.bind)) {
        c.access = Access::Local;
    } else {
        c.access = Access::Lan;
    }
    c.port = config.port;
    c.keepPassword = hasPassword;
    c.passwordGenerated = !hasPassword;
    c.storage = config.workspacePath.isEmpty() ? Storage::NamedVolumes : Storage::Folder;
    c.workspacePath = config.workspacePath;
    c.restartPolicy = config.restartPolicy;
    c.restartMaxRetries = config.restartMaxRetries;
    c.startAtLogin = startAtLogin;
    return c;
}

QString SetupChoices::bind() const
{
    switch (access) {
    case Access::Local:
        return QStringLiteral("127.0.0.1");
    case Access::Lan:
        return QStringLiteral("0.0.0.0");
    case Access::Proxy:
        return proxyOnThisMachine ? QStringLiteral("127.0.0.1") : QStringLiteral("0.0.0.0");
    }
    return QStringLiteral("127.0.0.1");
}

Config SetupChoices::applyTo(Config config) const
{
    // A custom loopback or LAN address someone set by hand (e.g. one interface's IP) is kept as long as it
    // still means what was chosen.
    const bool bindMatches = access == Access::Local || (access == Access::Proxy && proxyOnThisMachine)
        ? ServiceSpec::isLoopback(config.bind)
        : !ServiceSpec::isLoopback(config.bind);
    if (!bindMatches) {
        config.bind = bind();
    }
    config.port = port;
    config.publicUrl = access == Access::Proxy ? publicUrl.trimmed() : QString();
    config.workspacePath = storage == Storage::Folder ? workspacePath : QString();
    config.restartPolicy = restartPolicy;
    config.restartMaxRetries = restartMaxRetries;
    return config;
}

bool SetupChoices::operator==(const SetupChoices& o) const
{
    return access == o.access && port == o.port && publicUrl == o.publicUrl
        && proxyOnThisMachine == o.proxyOnThisMachine && password == o.password
        && passwordGenerated == o.passwordGenerated && keepPassword == o.keepPassword && storage == o.storage
        && workspacePath == o.workspacePath && restartPolicy == o.restartPolicy
        && restartMaxRetries == o.restartMaxRetries && startAtLogin == o.startAtLogin && startNow == o.startNow;
}

} // namespace occ
