#pragma once

#include "core/frontdoor/FrontDoorError.h"
#include "core/util/Hint.h"

#include <QString>

namespace occ {

struct AutostartError;
struct Config;
struct ConfigWarning;
struct ServiceError;
class DockerError;

// The desktop's words for the typed errors core reports (translated). Core says what failed; this says it
// to a person at a desktop and names the button or setting that helps, never a command line to type (the
// CLI's words, with `occ` hints, stay in core and cli/). Shared by the wizard and the app.
class ErrorPresenter
{
public:
    // What the person can do about it; the app offers it as a button.
    enum class Remedy {
        None,
        OpenSetup, // the setup wizard (its detection page explains engine problems)
        OpenSettings,
        ShowLogs,
        EnableFrontDoor, // turn the front door on (a TLS setting needs it)
    };

    struct View
    {
        QString text; // one or two sentences
        Remedy remedy = Remedy::None;
    };

    // config: the settings the operation ran with (for the port and names in the words).
    static View service(const ServiceError& error, const Config& config);
    static QString docker(const DockerError& error);
    // One of core's hints as a sentence and the button that carries it out.
    static View hint(const Hint& hint);
    static View frontDoor(FrontDoorError::Kind kind, const Config& config);
    // A setting that is accepted but has no effect, and the button that fixes it (Settings shows it).
    static View configWarning(const ConfigWarning& warning);
    static QString autostart(const AutostartError& error);
    // The button for a remedy ("Open Settings"); empty for Remedy::None.
    static QString remedyLabel(Remedy remedy);
};

} // namespace occ
