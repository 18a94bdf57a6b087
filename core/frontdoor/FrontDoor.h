#pragma once

#include "core/config/Config.h"
#include "core/docker/ContainerSpec.h"
#include "core/frontdoor/FrontDoorError.h"
#include "core/frontdoor/FrontDoorSettings.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace occ {

class DockerClient;

// The front door's container next to opencode's: a user-defined network "<name>-net" that both join
// (Docker's DNS resolves the opencode container by name), an image "<image.name>-frontdoor:<tag>" built
// once FROM image.base with Caddy added, and a container "<name>-frontdoor" that publishes
// frontdoor.http_port/https_port. Its Caddyfile, certificate and the password arrive through the archive
// API before each start, like opencode's password, so nothing secret is in `docker inspect`.
class FrontDoor
{
public:
    static constexpr char ImageTag[] = "caddy2-1"; // bump when docker/frontdoor/ changes
    static constexpr char RoleLabel[] = "org.opencode-cloud.role";
    // A host path of a caddy binary to put into the image instead of apt (offline hosts and tests).
    static constexpr char CaddyBinaryEnv[] = "OCC_FRONTDOOR_CADDY_BINARY";

    struct Prepared
    {
        FrontDoorSettings settings;
        QByteArray caddyfile;
        QByteArray certPem; // empty for tls off / acme
        QByteArray keyPem;
        QString caCert; // internal mode: where the CA the user must trust lives
    };

    // Everything that can fail before a container is touched: key combinations, TLS files (validated),
    // the local CA (made or reused under tlsDir).
    static Result<Prepared, FrontDoorError> prepare(const Config& config, const QString& tlsDir);

    static QString networkName(const Config& config);
    static QString containerName(const Config& config);
    static QString imageRef(const Config& config);
    static ContainerSpec containerSpec(const Config& config, const Prepared& prepared);
    // The build context (Dockerfile, entrypoint, optionally a caddy binary) as a tar.
    static QByteArray buildContext(const QString& caddyBinary, QMap<QString, QString>* buildArgs);
    // Caddyfile, username, certificate, key and password as a tar for PUT /containers/{id}/archive?path=/.
    static QByteArray configArchive(const Prepared& prepared, const QString& username, const QString& password);

    FrontDoor(Config config, QString password, DockerClient* docker);

    // The network opencode joins; created when missing.
    Result<Unit, FrontDoorError> ensureNetwork();
    // Builds the image when missing, (re)creates the container when its spec or files changed, starts it.
    Result<Unit, FrontDoorError> start(const Prepared& prepared);
    Result<Unit, FrontDoorError> stop(int timeoutSeconds = 10);
    // After frontdoor.enabled turned false, in two steps: before opencode starts, the front door container
    // left from before (only one opencode-cloud made), so nothing keeps holding its ports; once opencode
    // left it (its container was recreated without the network), the network.
    Result<Unit, FrontDoorError> retireContainer();
    void retireNetwork();

    // GET /healthz on the front door's HTTP port of this machine: what a load balancer sees.
    static int probeHealthz(int port, int timeoutMs, QString* error = nullptr);

private:
    Config m_config;
    QString m_password;
    DockerClient* m_docker;
};

} // namespace occ
