#pragma once

#include <QString>

namespace occ {

// Where config.json and credentials.json live.
//   Linux, macOS: $XDG_CONFIG_HOME/opencode-cloud/config.json, else ~/.config/opencode-cloud/config.json
//   Windows:      %APPDATA%\opencode-cloud\config.json
// OCC_CONFIG overrides the default; an explicit path (the CLI's --config FILE) overrides both.
class ConfigPaths
{
public:
    static QString defaultDirectory();
    static QString defaultConfigFile();
    // explicitPath wins, then $OCC_CONFIG, then the default; always absolute.
    static QString configFile(const QString& explicitPath = QString());
    // credentials.json in the folder of configFile.
    static QString credentialsFile(const QString& configFile);
    static QString lockFile(const QString& file);
};

} // namespace occ
