#pragma once

namespace occ {
class DockerError;
struct ServiceError;
} // namespace occ

namespace occ::cli {

// Stable, documented exit codes (README "Exit codes"). Scripts depend on them: never renumber.
enum ExitCode : int {
    Ok = 0,
    Failure = 1, // the operation failed; the message says why
    Usage = 2, // bad command line
    // Docker not installed, not running, silent (no answer within the probe timeout), unreachable
    // (ssh/TLS/connection failed), permission denied, or too old: DockerError::isEngineUnavailable().
    EngineUnreachable = 3,
    ConfigInvalid = 4, // the config file does not parse or a value is invalid
    NotSetUp = 5, // no config yet: run `occ setup`
    // `occ status` only: the state, so scripts need not parse output.
    StatusStopped = 6,
    StatusUnhealthy = 7, // unhealthy, starting, or restarting in a loop
};

// The one table from a cause to its code: every command maps engine and service errors through these,
// so the same cause gives the same code whichever command met it.
int exitCodeFor(const DockerError& error);
int exitCodeFor(const ServiceError& error);

} // namespace occ::cli
