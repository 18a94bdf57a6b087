#include "core/config/ConfigPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace occ {

QString ConfigPaths::defaultDirectory()
{
    QString base;
    if (QStandardPaths::isTestModeEnabled()) {
        // A test that forgot to point us elsewhere must never touch the user's real config.
        base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    } else {
#ifdef Q_OS_WIN
        base = qEnvironmentVariable("APPDATA");
        if (base.isEmpty()) {
            base = QDir::homePath() + QStringLiteral("/AppData/Roaming");
        }
#else
        // Not QStandardPaths: on macOS it answers ~/Library/Preferences, and we want the XDG layout
        // there too. The XDG spec says a relative value is invalid and must be ignored.
        base = qEnvironmentVariable("XDG_CONFIG_HOME");
        if (base.isEmpty() || QDir::isRelativePath(base)) {
            base = QDir::homePath() + QStringLiteral("/.config");
        }
#endif
    }
    return QDir::cleanPath(QDir::fromNativeSeparators(base) + QStringLiteral("/opencode-cloud"));
}

QString ConfigPaths::defaultConfigFile()
{
    return defaultDirectory() + QStringLiteral("/config.json");
}

QString ConfigPaths::configFile(const QString& explicitPath)
{
    QString path = explicitPath;
    if (path.isEmpty()) {
        path = qEnvironmentVariable("OCC_CONFIG");
    }
    if (path.isEmpty()) {
        return defaultConfigFile();
    }
    return QDir::cleanPath(QFileInfo(QDir::fromNativeSeparators(path)).absoluteFilePath());
}

QString ConfigPaths::credentialsFile(const QString& configFile)
{
    return QFileInfo(configFile).absolutePath() + QStringLiteral("/credentials.json");
}

QString ConfigPaths::lockFile(const QString& file)
{
    return file + QStringLiteral(".lock");
}

} // namespace occ
