#pragma once

#include <QString>

namespace occ {

// Why a file of ours could not be written (or its folder, or its lock file, created), with the cause the
// operating system gave: "cannot write /home/u/.config/opencode-cloud/config.json: No space left on device".
struct FileError
{
    enum class Kind {
        NoSpace, // ENOSPC, EDQUOT: the disk or the user's quota is full
        PermissionDenied, // EACCES, EPERM: this user may not write there
        ReadOnly, // EROFS
        NotFound, // ENOENT, ENOTDIR: a folder on the way is missing
        Other,
    };

    Kind kind = Kind::Other;
    QString path;
    QString action; // "write", "create", "create the lock file", ...
    QString reason; // the system's words, e.g. "No space left on device"

    // "cannot ACTION PATH: REASON"
    QString toString() const;
    // errno -> kind; reason from strerror.
    static FileError fromErrno(int errnum, const QString& path, const QString& action);
};

} // namespace occ
