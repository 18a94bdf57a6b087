#pragma once

#include <QString>

namespace occ {

// Is a TCP port free to publish on, and if not, who holds it. Used by setup (offer the next free port),
// doctor (name the program in the way) and the wizard's detection page.
namespace PortProbe {

// True when nothing listens on bind:port (tries to listen there itself, then lets go).
bool isFree(const QString& bind, int port);

// The first free port from `from` upwards (at most `span` tries); 0 when none.
int nextFree(const QString& bind, int from, int span = 100);

// "docker-proxy (pid 1234)" when the holder can be found (Linux: /proc), else empty.
QString holder(int port);

} // namespace PortProbe
} // namespace occ
