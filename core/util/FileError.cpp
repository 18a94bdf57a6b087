#include "core/util/FileError.h"

#include <QDir>

#include <cerrno>
#include <cstring>

namespace occ {

QString FileError::toString() const
{
    return QStringLiteral("cannot %1 %2: %3").arg(action, QDir::toNativeSeparators(path), reason);
}

FileError FileError::fromErrno(int errnum, const QString& path, const QString& action)
{
    FileError error;
    error.path = path;
    error.action = action;
    error.reason = QString::fromLocal8Bit(std::strerror(errnum));
    switch (errnum) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        error.kind = Kind::NoSpace;
        break;
    case EACCES:
    case EPERM:
        error.kind = Kind::PermissionDenied;
        break;
    case EROFS:
        error.kind = Kind::ReadOnly;
        break;
    case ENOENT:
    case ENOTDIR:
        error.kind = Kind::NotFound;
        break;
    default:
        error.kind = Kind::Other;
        break;
    }
    return error;
}

} // namespace occ
