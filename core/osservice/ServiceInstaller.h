#pragma once

#include "core/osservice/CommandRunner.h"
#include "core/osservice/OsServiceError.h"
#include "core/osservice/ServiceDefinition.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace occ {

class FileWriter;

struct PlannedFile
{
    QString path;
    QByteArray content;
};

// What a fresh install would do, for `occ service install --dry-run`.
struct ServicePlan
{
    QList<PlannedFile> files;
    QStringList directories; // created if missing, left in place by uninstall (they hold logs)
    QList<ServiceCommand> commands;
};

struct InstallReport
{
    bool changed = false; // false: everything was already in place, nothing was run or written
    // systemd user units only: without lingering the service stops at logout and does not start
    // at boot. The caller offers ServiceInstaller::enableLinger().
    bool lingerDisabled = false;
    QStringList notes; // user-facing lines
};

struct OsServiceStatus
{
    bool installed = false;
    bool running = false;
    QString state; // systemd ActiveState, launchd "state", SCM state name
    QString subState; // systemd SubState
    QString result; // systemd Result, launchd "last exit code"
    int restarts = 0; // systemd NRestarts, launchd "runs" - 1
};

// Installs `occ run` with the platform's service manager. One implementation per OS, each in its
// own file; all of them compile everywhere (their side effects go through CommandRunner and
// FileWriter), and nativeBackend() picks one at compile time.
class ServiceInstaller
{
public:
    enum class Backend {
        Systemd,
        Launchd,
        WindowsService,
    };

    static Backend nativeBackend();
    static std::unique_ptr<ServiceInstaller> create(Backend backend, CommandRunner& runner, FileWriter& files);

    ServiceInstaller(CommandRunner& runner, FileWriter& files);
    virtual ~ServiceInstaller();

    virtual Backend backend() const = 0;
    // Sentences saying why this definition cannot be installed here; install() refuses then.
    virtual QStringList problems(const ServiceDefinition& definition) const = 0;
    virtual ServicePlan renderDryRun(const ServiceDefinition& definition) const = 0;

    // Idempotent: when everything is in place already, only read-only queries run.
    virtual Result<InstallReport, OsServiceError> install(const ServiceDefinition& definition) = 0;
    // Removes exactly what install() created; a file we did not write is never touched.
    virtual Result<Unit, OsServiceError> uninstall(const ServiceDefinition& definition) = 0;
    virtual Result<OsServiceStatus, OsServiceError> status(const ServiceDefinition& definition) = 0;

    // Lets a systemd user service run without a login session (and start at boot). A no-op for
    // the other backends.
    virtual Result<Unit, OsServiceError> enableLinger(const ServiceDefinition& definition);

protected:
    // Runs a command; on failure returns the error to hand back, naming the command.
    std::optional<OsServiceError> runChecked(const ServiceCommand& command, const QString& what,
                                             CommandResult* result = nullptr);
    static OsServiceError commandError(const QString& what, const ServiceCommand& command, const CommandResult& result);

    CommandRunner& m_runner;
    FileWriter& m_files;
};

} // namespace occ
