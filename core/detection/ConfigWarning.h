#pragma once

#include "core/util/Hint.h"

#include <QString>
#include <QVector>

namespace occ {

struct Config;

// A config that is valid but does not do what it says: accepted, and worth a warning with its fix.
// Typed, so every front end words it itself (cli/HintText after `occ config set` and `config validate`,
// doctor, the Settings dialog with a button); `fixKey = fixValue` is the change that makes it mean what it says.
struct ConfigWarning
{
    enum class Kind {
        // tls.mode is not "off" while frontdoor.enabled is false: TLS is served by the front door only,
        // so nothing would use it and opencode stays on plain HTTP.
        TlsWithoutFrontDoor,
    };

    Kind kind = Kind::TlsWithoutFrontDoor;
    QString key; // the key whose value has no effect: "tls.mode"
    QString value; // its value: "internal"
    QString fixKey; // "frontdoor.enabled"
    QString fixValue; // "true"

    // Every warning for this config, in key order; empty when it means what it says.
    static QVector<ConfigWarning> check(const Config& config);
    // What fixes it (EnableFrontDoor); the other way out is to set key back to its default.
    Hints hints() const;
};

} // namespace occ
