#pragma once

#include "core/docker/DockerClient.h"
#include "core/transport/DockerNetworkAccessManager.h"

#include <QString>

#include <memory>

namespace occ {

struct Config;

// A connection to the engine the config (docker.host) or, like the docker CLI, the environment and
// current context point at. Each thread that talks to the engine makes its own.
class EngineConnection
{
public:
    // Resolves the endpoint; on failure client() is null and error() says why.
    explicit EngineConnection(const Config& config);

    bool isValid() const { return m_client != nullptr; }
    const QString& error() const { return m_error; }
    DockerClient* client() const { return m_client.get(); }
    DockerNetworkAccessManager* networkAccessManager() const { return m_nam.get(); }

private:
    std::unique_ptr<DockerNetworkAccessManager> m_nam;
    std::unique_ptr<DockerClient> m_client;
    QString m_error;
};

} // namespace occ
