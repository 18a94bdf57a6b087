#pragma once

#include "core/util/Hint.h"

#include <QString>

namespace occ {
class DockerError;
struct ConfigError;
struct ConfigWarning;
struct FrontDoorError;
struct ServiceError;
} // namespace occ

namespace occ::cli {

// The CLI's words for core's typed hints: each remedy as the `occ` (or shell) command line to type. The
// desktop words the same hints as buttons (wizard/ErrorPresenter); core never writes either.
class HintText
{
public:
    // The command alone ("occ logs -n 50"); empty for hints that are no single command.
    static QString command(const Hint& hint);
    // One sentence with the command in backticks ("See `occ logs -n 50`.").
    static QString sentence(const Hint& hint);
    // message, then the sentence of each hint, separated by spaces.
    static QString describe(const QString& message, const Hints& hints);
    static QString describe(const DockerError& error);
    static QString describe(const ServiceError& error);
    static QString describe(const FrontDoorError& error);
    static QString describe(const ConfigError& error);
    static QString describe(const ConfigWarning& warning);
};

} // namespace occ::cli
