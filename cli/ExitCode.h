#pragma once

namespace occ::cli {

// Stable, documented exit codes (README "Exit codes"). Scripts depend on them: never renumber.
enum ExitCode : int {
    Ok = 0,
    Failure = 1, // the operation failed; the message says why
    Usage = 2, // bad command line
    EngineUnreachable = 3, // Docker not installed, not running, or permission denied
    ConfigInvalid = 4, // the config file does not parse or a value is invalid
    NotSetUp = 5, // no config yet: run `occ setup`
    // `occ status` only: the state, so scripts need not parse output.
    StatusStopped = 6,
    StatusUnhealthy = 7, // unhealthy, starting, or restarting in a loop
};

} // namespace occ::cli
