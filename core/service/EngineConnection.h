#pragma once

#include "core/docker/DockerClient.h"
#include "core/transport/DockerNetworkAccessManager.h"

#include <QString>

#include <memory>
#include <optional>

namespace occ {

struct Config;
struct DockerEndpoint;

// A connection to the engine the config (docker.host) or, like the docker CLI, the environment and
// current context point at. Each thread that talks to the engine makes its own. This is the one place
// that turns a config into an endpoint: the CLI, the app's monitor and setup detection all come here.
class EngineConnection
{
public:
    // Resolves the endpoint; on failure client() is null and error() says why.
    explicit EngineConnection(const Config& config);

    bool isValid() const { return m_client != nullptr; }
    const QString& error() const { return m_error; }
    DockerClient* client() const { return m_client.get(); }
    DockerNetworkAccessManager* networkAccessManager() const { return m_nam.get(); }
    // The resolved endpoint; only meaningful when isValid().
    const DockerEndpoint& endpoint() const { return m_nam->endpoint(); }

    // docker.host when set (source "docker.host in the config"), else DOCKER_HOST, DOCKER_CONTEXT, the
    // current context and the platform default. nullopt with *error ("Cannot tell where ...") on failure.
    static std::optional<DockerEndpoint> resolveEndpoint(const Config& config, QString* error = nullptr);

private:
    std::unique_ptr<DockerNetworkAccessManager> m_nam;
    std::unique_ptr<DockerClient> m_client;
    QString m_error;
};

} // namespace occ
