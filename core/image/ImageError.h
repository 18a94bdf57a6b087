#pragma once

#include <QString>

namespace occ {

// Why a build context could not be produced. The message is complete and meant for the user.
struct ImageError
{
    enum class Kind {
        None,
        InvalidOption, // image name, version or base image that Docker would reject
        MissingResource, // the docker/ files are not embedded (a build or link problem)
        BinaryNotFound,
        BinaryNotExecutable, // not executable, or not a Linux ELF binary
        CaCertsMissing, // extra CA certificates requested but none found
        Io,
    };

    Kind kind = Kind::None;
    QString message;
};

} // namespace occ
