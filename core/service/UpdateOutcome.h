#pragma once

#include <QString>

namespace occ {

// What Updater::update() did (ServiceController::UpdateOutcome).
struct UpdateOutcome
{
    QString from; // opencode version before
    QString to;
    QString url;
    qint64 downtimeMs = 0; // old container began to stop → new one answering
};

} // namespace occ
