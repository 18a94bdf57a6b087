#pragma once

#include <QString>

namespace occ {

// Why the front door cannot be configured or started: one sentence a user can act on.
struct FrontDoorError
{
    enum class Kind { Config, Tls, Engine };
    Kind kind = Kind::Config;
    QString message;
};

} // namespace occ
