#pragma once

#include "core/osservice/OsServiceError.h"
#include "core/osservice/ServiceDefinition.h"
#include "core/util/Result.h"

#include <functional>

namespace occ {

// The Service Control Manager through its API (Windows only, WindowsServiceManager_win.cpp).
// install() can express what sc.exe cannot (a final "no action" after the last restart, waiting
// for a stop); the dispatcher half is what `occ run --service` needs, since the SCM kills a
// service that does not connect within 30 seconds (error 1053).
class WindowsServiceManager
{
public:
    // Creates or updates the service, its description, failure actions and non-crash flag.
    static Result<Unit, OsServiceError> install(const ServiceDefinition& definition);
    // Stops (waiting up to stopTimeoutSeconds) and deletes the service.
    static Result<Unit, OsServiceError> uninstall(const ServiceDefinition& definition);

    // Connects to the SCM on a helper thread and reports SERVICE_RUNNING. `onStop` runs on that
    // thread when the SCM asks to stop (stop or shutdown); it must only post to the event loop.
    static Result<Unit, OsServiceError> startDispatcher(std::function<void()> onStop);
    // Reports SERVICE_STOPPED with the exit code and joins the helper thread.
    static void reportStopped(int exitCode);
};

} // namespace occ
