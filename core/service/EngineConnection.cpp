#include "core/service/EngineConnection.h"

#include "core/config/Config.h"
#include "core/transport/DockerEndpoint.h"

namespace occ {

std::optional<DockerEndpoint> EngineConnection::resolveEndpoint(const Config& config, QString* error)
{
    QString why;
    std::optional<DockerEndpoint> endpoint = config.dockerHost.isEmpty()
        ? DockerEndpoint::resolveFromSystem(&why)
        : DockerEndpoint::parse(config.dockerHost, &why);
    if (!endpoint) {
        if (error) {
            *error = QStringLiteral("Cannot tell where the Docker engine is: %1").arg(why);
        }
        return std::nullopt;
    }
    if (!config.dockerHost.isEmpty()) {
        endpoint->source = QStringLiteral("docker.host in the config");
    }
    return endpoint;
}

EngineConnection::EngineConnection(const Config& config)
{
    std::optional<DockerEndpoint> endpoint = resolveEndpoint(config, &m_error);
    if (!endpoint) {
        return;
    }
    m_nam = std::make_unique<DockerNetworkAccessManager>(*endpoint);
    m_client = std::make_unique<DockerClient>(m_nam.get());
}

} // namespace occ
