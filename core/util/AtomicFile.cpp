#include "core/util/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <atomic>
#include <cerrno>
#include <optional>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace occ {

namespace {

// errno right after the failing call when the system set one; otherwise what Qt says.
FileError failure(const QFileDevice& file, int errnum, const QString& path, const QString& action)
{
    if (errnum != 0) {
        return FileError::fromErrno(errnum, path, action);
    }
    FileError error;
    error.path = path;
    error.action = action;
    error.reason = file.errorString();
    switch (file.error()) {
    case QFileDevice::ResourceError:
        error.kind = FileError::Kind::NoSpace; // what QFSFileEngine reports for ENOSPC
        break;
    case QFileDevice::PermissionsError:
        error.kind = FileError::Kind::PermissionDenied;
        break;
    default:
        error.kind = FileError::Kind::Other;
        break;
    }
    return error;
}

// So the rename itself survives a power cut; a failure here cannot be undone and is not reported.
void syncFolder(const QString& folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder)
#endif
}

} // namespace

Result<Unit, FileError> AtomicFile::write(const QString& path, const QByteArray& bytes,
                                          QFileDevice::Permissions permissions)
{
    const QString action = QStringLiteral("write");
    QSaveFile file(path);
    // Never fall back to writing the target in place: that is the truncation we are here to prevent.
    file.setDirectWriteFallback(false);
    errno = 0;
    // Unbuffered: every write() below reaches the system, so a full disk fails the call we check.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return failure(file, errno, path, action);
    }
#ifndef Q_OS_WIN
    errno = 0;
    if (!file.setPermissions(permissions)) {
        const FileError error = failure(file, errno, path, QStringLiteral("set the mode of"));
        file.cancelWriting();
        return error;
    }
#else
    Q_UNUSED(permissions)
#endif
    qint64 done = 0;
    while (done < bytes.size()) {
        errno = 0;
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0) {
            const FileError error = failure(file, errno, path, action);
            file.cancelWriting();
            return error;
        }
        done += n;
    }
    errno = 0;
    if (!file.flush()) {
        const FileError error = failure(file, errno, path, action);
        file.cancelWriting();
        return error;
    }
#ifdef Q_OS_UNIX
    // QSaveFile::commit() syncs too but ignores the result; on NFS and some others a full disk shows here.
    if (::fsync(file.handle()) != 0) {
        const int errnum = errno;
        file.cancelWriting();
        return FileError::fromErrno(errnum, path, action);
    }
#endif
    errno = 0;
    if (!file.commit()) {
        return failure(file, errno, path, action);
    }
    syncFolder(QFileInfo(path).absolutePath());
    return Unit{};
}

Result<Unit, FileError> AtomicFile::probeFolder(const QString& folder)
{
    static std::atomic<int> counter{0};
    const QString path = QDir(folder).filePath(
        QStringLiteral(".occ-probe-%1-%2").arg(QCoreApplication::applicationPid()).arg(counter.fetch_add(1)));
    QFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        return failure(file, errno, folder, QStringLiteral("create a file in"));
    }
    // About what QLockFile writes (pid, program name, host name).
    const QByteArray bytes(256, 'x');
    errno = 0;
    const qint64 n = file.write(bytes);
    const int errnum = errno;
    std::optional<FileError> error;
    if (n != bytes.size()) {
        error = failure(file, n < 0 ? errnum : ENOSPC, folder, QStringLiteral("write a file in"));
    }
    file.close();
    file.remove();
    if (error) {
        return *error;
    }
    return Unit{};
}

} // namespace occ
