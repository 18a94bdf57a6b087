#pragma once

#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>

namespace occ::test {

// A copy of BINARY that another user (the tests run things as `nobody`) can execute: the build tree may
// sit under a directory only root may enter (a home, a `mktemp -d` clone). The copy goes into DIR, opened
// up to 0755; it needs no other file of the build tree (core is linked statically, Qt is the system's).
// Empty when the copy failed.
inline QString executableForOtherUsers(const QString& binary, const QTemporaryDir& dir)
{
    const auto rwxr_xr_x = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    const QString copy = dir.filePath(QFileInfo(binary).fileName());
    QFile::remove(copy);
    if (!dir.isValid() || !QFile::setPermissions(dir.path(), rwxr_xr_x) || !QFile::copy(binary, copy)
        || !QFile::setPermissions(copy, rwxr_xr_x)) {
        return {};
    }
    return copy;
}

} // namespace occ::test
