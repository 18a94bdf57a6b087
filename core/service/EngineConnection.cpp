#include "core/service/EngineConnection.h"

#include "core/config/Config.h"
#include "core/transport/DockerEndpoint.h"

namespace occ {

EngineConnection::EngineConnection(const Config& config)
{
    QString error;
    std::optional<DockerEndpoint> endpoint = config.dockerHost.isEmpty()
        ? DockerEndpoint::resolveFromSystem(&error)
        : DockerEndpoint::parse(config.dockerHost, &error);
    if (!endpoint) {
        m_error = QStringLiteral("Cannot tell where the Docker engine is: %1").arg(error);
        return;
    }
    if (!config.dockerHost.isEmpty()) {
        endpoint->source = QStringLiteral("docker.host in the config");
    }
    m_nam = std::make_unique<DockerNetworkAccessManager>(*endpoint);
    m_client = std::make_unique<DockerClient>(m_nam.get());
}

} // namespace occ
