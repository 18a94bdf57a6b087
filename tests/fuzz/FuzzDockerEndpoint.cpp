// libFuzzer target: DockerEndpoint::parse(), which reads DOCKER_HOST-style addresses (unix://,
// npipe://, ssh://user@host:port, tcp://host:port) from the environment, a docker context or the
// config. Input: the address as UTF-8. A parsed endpoint must print back to an address that parses to
// the same endpoint.
#include "core/transport/DockerEndpoint.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const auto endpoint = occ::DockerEndpoint::parse(text, &error);
    if (!endpoint) {
        if (error.isEmpty()) {
            std::abort(); // a refused address must come with the reason
        }
        return 0;
    }
    const QString printed = endpoint->toUrlString();
    QString again;
    const auto reparsed = occ::DockerEndpoint::parse(printed, &again);
    if (!reparsed || reparsed->kind != endpoint->kind || reparsed->address != endpoint->address
        || reparsed->port != endpoint->port) {
        std::abort(); // toUrlString() and parse() disagree
    }
    return 0;
}
