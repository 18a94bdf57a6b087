#include "core/osservice/LocalFileWriter.h"

#include "core/util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace occ {

LocalFileWriter::LocalFileWriter(const QString& root)
    : m_root(root.isEmpty() ? QString() : QDir::cleanPath(root))
{ }

QString LocalFileWriter::hostPath(const QString& path) const
{
    if (m_root.isEmpty()) {
        return path;
    }
    QString relative = path;
    // "C:\..." under a test root on another platform becomes <root>/C:/...
    relative.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (!relative.startsWith(QLatin1Char('/'))) {
        relative.prepend(QLatin1Char('/'));
    }
    return m_root + relative;
}

std::optional<QByteArray> LocalFileWriter::read(const QString& path) const
{
    QFile file(hostPath(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return file.readAll();
}

bool LocalFileWriter::write(const QString& path, const QByteArray& content, QString* error)
{
    const QString target = hostPath(path);
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder)) {
        if (error) {
            *error = QStringLiteral("Cannot create the folder %1").arg(folder);
        }
        return false;
    }
    // Unit files and plists are read by the service manager, not secret; launchd refuses plists
    // that are group- or world-writable. On failure the old unit stays as it was.
    const auto written = AtomicFile::write(target, content, AtomicFile::WorldReadable);
    if (!written) {
        if (error) {
            *error = QStringLiteral("Cannot write %1: %2").arg(target, written.error().reason);
        }
        return false;
    }
    return true;
}

bool LocalFileWriter::remove(const QString& path, QString* error)
{
    QFile file(hostPath(path));
    if (!file.exists()) {
        return true;
    }
    if (!file.remove()) {
        if (error) {
            *error = QStringLiteral("Cannot remove %1: %2").arg(file.fileName(), file.errorString());
        }
        return false;
    }
    return true;
}

bool LocalFileWriter::makeDirectory(const QString& path, QString* error)
{
    const QString target = hostPath(path);
    if (QDir().mkpath(target)) {
        return true;
    }
    if (error) {
        *error = QStringLiteral("Cannot create the folder %1").arg(target);
    }
    return false;
}

} // namespace occ
