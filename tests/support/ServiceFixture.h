#pragma once

// What the tests that run a real service share: a free port, the clean-up of everything a service
// leaves in the engine, and the set-up of the front door tests that run the real opencode image.

#include "core/config/Config.h"
#include "core/docker/DockerClient.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/util/Version.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

namespace occ::test {

// A port nothing listens on right now (chosen right before use; the engine binds it a moment later).
inline int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Removes the service's container, its front door and the front door's network (when there are any)
// and its four named volumes.
inline void removeService(DockerClient* docker, const QString& containerName, const QString& volumePrefix)
{
    Config names;
    names.containerName = containerName;
    docker->removeContainer(FrontDoor::containerName(names), true, false);
    docker->removeContainer(containerName, true, true);
    docker->removeNetwork(FrontDoor::networkName(names));
    for (const char* role : {"data", "config", "state", "workspace"}) {
        docker->removeVolume(volumePrefix + QLatin1Char('-') + QLatin1String(role), true);
    }
}

// For the front door tests: a throwaway HOME and config directory, no DOCKER_HOST from outside, and
// Debian's caddy binary for the front door image (offline and fast). Empty, or why the test cannot run.
inline QString prepareFrontDoorTest(const QTemporaryDir& home)
{
    if (!home.isValid()) {
        return QStringLiteral("no temporary directory");
    }
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("DOCKER_HOST");
    const QString caddy = QStandardPaths::findExecutable(QStringLiteral("caddy"));
    if (caddy.isEmpty()) {
        return QStringLiteral("caddy is not installed (scripts/install-deps.sh)");
    }
    qputenv(FrontDoor::CaddyBinaryEnv, caddy.toUtf8());
    return {};
}

// The real opencode image (occ-e2e-opencode:<pinned>, built by TestServiceE2E) behind the front door
// with a local CA, on free ports, under names of its own.
inline Config frontDoorTestConfig(const QString& namePrefix)
{
    Config c;
    const QString name = namePrefix + QString::number(QRandomGenerator::global()->generate(), 16);
    c.containerName = name;
    c.volumePrefix = name;
    c.imageName = QStringLiteral("occ-e2e-opencode");
    c.imageBase = QStringLiteral("occ-test-base:bookworm");
    c.opencodeVersion = pinnedOpencodeVersion();
    c.frontDoorEnabled = true;
    c.frontDoorHttpPort = freePort();
    c.frontDoorHttpsPort = freePort();
    c.tlsMode = QStringLiteral("internal");
    c.restartPolicy = QStringLiteral("no");
    return c;
}

// Empty when the image frontDoorTestConfig() runs is there, else why not.
inline QString opencodeImageMissing(DockerClient* docker, const Config& config)
{
    auto image = docker->imageExists(config.imageName + QLatin1Char(':') + config.opencodeVersion);
    return image && image.value() ? QString()
                                  : QStringLiteral("occ-e2e-opencode:<pinned> is not built; run TestServiceE2E first");
}

} // namespace occ::test
