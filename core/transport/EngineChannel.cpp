#include "core/transport/EngineChannel.h"

#include "core/transport/DockerEndpoint.h"
#include "core/transport/LocalSocketChannel.h"
#include "core/transport/ProcessChannel.h"

namespace occ {

EngineChannel::~EngineChannel() = default;

EngineChannel* EngineChannel::create(const DockerEndpoint& endpoint, QObject* parent)
{
    switch (endpoint.kind) {
    case DockerEndpoint::Kind::Unix:
    case DockerEndpoint::Kind::NamedPipe:
        return new LocalSocketChannel(LocalSocketChannel::serverNameFor(endpoint), parent);
    case DockerEndpoint::Kind::Ssh:
        return ProcessChannel::forSsh(endpoint, parent);
    case DockerEndpoint::Kind::Tcp:
        break;
    }
    return nullptr;
}

} // namespace occ
