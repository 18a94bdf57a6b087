#pragma once

#include "core/util/FileError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace occ {

// The one way we replace a file of ours (config.json, credentials.json, service units, TLS keys and
// certificates): the bytes go to a temporary file beside the target (QSaveFile), which gets its mode
// before any byte lands, every write is checked, the data is flushed and fsync'ed, and only then does
// the temporary replace the target. On any failure the target is left exactly as it was (or absent if
// it was absent) and the error names the system's cause: a full disk, a folder we may not write, ...
//
// Why not QSaveFile alone: in Qt 6.4 a buffered QSaveFile whose data only reaches the disk in the flush
// inside commit() reports success even when that flush failed with ENOSPC, and renames the short or
// empty temporary over the target. Writing unbuffered and checking flush and fsync ourselves closes that.
class AtomicFile
{
public:
    static constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    static constexpr QFileDevice::Permissions WorldReadable =
        OwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;

    // The folder must exist. permissions apply on Unix; on Windows the file inherits its folder's ACL.
    static Result<Unit, FileError> write(const QString& path, const QByteArray& bytes,
                                         QFileDevice::Permissions permissions = OwnerOnly);

    // Creates, writes and removes a small file in folder, to learn why the system refuses to create one
    // there (QLockFile only says "permission" or "unknown"). Ok when it can.
    static Result<Unit, FileError> probeFolder(const QString& folder);
};

} // namespace occ
