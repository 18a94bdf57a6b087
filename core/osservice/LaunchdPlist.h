#pragma once

#include "core/osservice/ServiceDefinition.h"

#include <QString>
#include <QStringList>

namespace occ {

// Renders `occ run` as a launchd property list (LaunchAgent for the user, LaunchDaemon for the
// system) and the launchctl command lines that load and unload it. Pure.
class LaunchdPlist
{
public:
    static QString label(); // org.opencode-cloud.occ
    // ~/Library/LaunchAgents/<label>.plist or /Library/LaunchDaemons/<label>.plist
    static QString plistPath(ServiceDefinition::Scope scope, const QString& homeDir);
    // ~/Library/Logs/opencode-cloud or /Library/Logs/opencode-cloud, used when logDir is empty
    static QString defaultLogDir(ServiceDefinition::Scope scope, const QString& homeDir);
    // The definition's log folder, or the default one for its scope.
    static QString logDir(const ServiceDefinition& definition);
    static QString stdoutPath(const ServiceDefinition& definition);
    static QString stderrPath(const ServiceDefinition& definition);

    // An XML comment right after the DOCTYPE; install and uninstall never touch a file without it.
    static QString marker();

    static QStringList problems(const ServiceDefinition& definition);
    static QString render(const ServiceDefinition& definition);

    // gui/<uid> for agents, system for daemons.
    static QString domain(const ServiceDefinition& definition);
    static QString serviceTarget(const ServiceDefinition& definition); // <domain>/<label>
    static QStringList bootstrapArguments(const ServiceDefinition& definition);
    static QStringList bootoutArguments(const ServiceDefinition& definition);
    static QStringList enableArguments(const ServiceDefinition& definition);
    static QStringList printArguments(const ServiceDefinition& definition);

    // &, <, >, " and ' as entities. Plist strings are element content, where quotes need no escape,
    // but escaping all five keeps one rule for every string and attribute.
    static QString escapeXml(const QString& value);
};

} // namespace occ
