#pragma once

#include "core/service/ServiceStatus.h"

#include <QString>

namespace occ::cli {

// The CLI's words for why the service is in its state (`occ status`, `occ doctor`): English, stable,
// with `occ` hints where the engine's error carries them. The desktop words the same fields itself
// (app/StatusPresenter).
class StatusText
{
public:
    // One line, empty when the state says it all ("not created yet", "HTTP 503 from /global/health").
    static QString detail(const ServiceStatus& status);
};

} // namespace occ::cli
