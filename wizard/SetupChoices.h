#pragma once

#include "core/config/Config.h"

#include <QMetaType>
#include <QString>

namespace occ {

// What the person chose in the setup wizard or the settings dialog, as a value: pages and shared widgets
// read and write it, never the config directly. applyTo() is the only way it reaches a Config.
struct SetupChoices
{
    enum class Access {
        Local, // 127.0.0.1: only this machine
        Lan, // 0.0.0.0: other machines on the network
        Proxy, // behind a load balancer or reverse proxy that serves publicUrl
    };
    enum class Storage {
        NamedVolumes, // the workspace is a Docker volume
        Folder, // the workspace is a folder on this machine (bind mount)
    };

    Access access = Access::Local;
    int port = 4096;
    QString publicUrl; // Proxy only
    bool proxyOnThisMachine = true; // Proxy only: bind 127.0.0.1 (proxy here) or 0.0.0.0 (proxy elsewhere)

    // The password to store; empty with keepPassword = true keeps the stored one.
    QString password;
    bool passwordGenerated = true;
    bool keepPassword = false;

    Storage storage = Storage::NamedVolumes;
    QString workspacePath;

    QString restartPolicy = QStringLiteral("unless-stopped");
    int restartMaxRetries = 5;
    bool startAtLogin = true;
    bool startNow = true;

    // Pre-fills from an existing setup (re-running the wizard edits it).
    static SetupChoices fromConfig(const Config& config, bool hasPassword, bool startAtLogin);

    // The bind address these choices mean.
    QString bind() const;

    // Pure: the config with these choices applied. Every key the wizard does not ask about (container name,
    // volume prefix, image, engine) is kept as it was, so re-running setup never points at other data.
    Config applyTo(Config config) const;

    bool operator==(const SetupChoices& o) const;
    bool operator!=(const SetupChoices& o) const { return !(*this == o); }
};

} // namespace occ

Q_DECLARE_METATYPE(occ::SetupChoices)
