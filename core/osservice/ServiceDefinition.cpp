#include "core/osservice/ServiceDefinition.h"

#include <QFileInfo>

namespace occ {

QString ServiceDefinition::configDir() const
{
    return QFileInfo(configPath).absolutePath();
}

QStringList ServiceDefinition::runArguments(bool windowsService) const
{
    QStringList args{QStringLiteral("run")};
    if (windowsService) {
        args << QStringLiteral("--service");
    }
    args << QStringLiteral("--config") << configPath;
    return args;
}

} // namespace occ
