#pragma once

#include <QString>

namespace occ {

// What ServiceStarter::start() did (ServiceController::StartOutcome).
struct StartOutcome
{
    QString url;
    bool created = false; // a new container was made
    bool recreated = false; // ... replacing one whose config had changed
    bool wasRunning = false; // it already ran and was healthy: nothing to do
    QString caCert; // tls.mode internal: the local CA users must trust
    qint64 elapsedMs = 0;
    qint64 oldStoppedAtMs = 0; // recreated: when the old container began to stop (ms since the epoch), else 0
};

} // namespace occ
