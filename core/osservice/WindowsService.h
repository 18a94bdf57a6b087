#pragma once

#include "core/osservice/ServiceDefinition.h"

#include <QString>
#include <QStringList>

namespace occ {

struct WindowsRecovery;

// Renders `occ run --service` as a Windows service: its binary path command line and the sc.exe
// argument lists. Pure; compiled and tested on every platform.
class WindowsService
{
public:
    static QString serviceName(); // opencode-cloud
    static QString displayName();
    static QString description();

    // One argument quoted so that CommandLineToArgvW (and the MSVC runtime) give it back unchanged:
    // quotes only when needed, backslashes doubled only before a quote, embedded quotes as \".
    static QString quoteArgument(const QString& argument);
    // A whole command line. The program name follows different rules (no escapes at all, ends at
    // the next quote), so it is always quoted and must not contain a quote; always quoting it also
    // avoids the "unquoted service path" hijack for paths with spaces.
    static QString commandLine(const QString& program, const QStringList& arguments);

    static QStringList problems(const ServiceDefinition& definition);
    // "C:\Program Files\opencode-cloud\occ.exe" run --service --config "C:\...\config.json"
    static QString binaryPathName(const ServiceDefinition& definition);

    // sc.exe wants "binPath=" and its value as two arguments (the space after "=" is the
    // separator), so every "key=" here is its own list element.
    static QStringList scCreateArguments(const ServiceDefinition& definition);
    static QStringList scConfigArguments(const ServiceDefinition& definition); // update in place
    static QStringList scDescriptionArguments();
    static QStringList scFailureArguments(const ServiceDefinition& definition);
    static QStringList scFailureFlagArguments(const ServiceDefinition& definition);
    static QStringList scStartArguments();
    static QStringList scStopArguments();
    static QStringList scDeleteArguments();
    static QStringList scQueryArguments();
    static QStringList scQueryConfigArguments();

    // "restart/5000/restart/10000/restart/20000", or "" for no actions. sc.exe documents only
    // run/restart/reboot tokens, so a trailing "no action" (WindowsRecovery::stopAfterLastRestart)
    // cannot be written here; WindowsServiceManager sets it through the API.
    static QString scActions(const WindowsRecovery& recovery);
};

} // namespace occ
