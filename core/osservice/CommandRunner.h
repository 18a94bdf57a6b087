#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace occ {

// A program and its arguments, never a shell string: nothing is ever re-parsed by a shell.
struct ServiceCommand
{
    QString program;
    QStringList arguments;

    // For dry runs and logs only; quoting is POSIX-shell-like and not meant to be executed.
    QString toDisplayString() const;

    bool operator==(const ServiceCommand& o) const { return program == o.program && arguments == o.arguments; }
    bool operator!=(const ServiceCommand& o) const { return !(*this == o); }
};

struct CommandResult
{
    int exitCode = 0;
    QByteArray standardOutput;
    QByteArray standardError;
    bool started = true; // false when the program could not be run at all

    bool succeeded() const { return started && exitCode == 0; }
};

// The only way the installers cause side effects outside files: systemctl, loginctl, launchctl,
// sc.exe. Tests inject a RecordingCommandRunner (tests/support).
class CommandRunner
{
public:
    virtual ~CommandRunner() = default;
    virtual CommandResult run(const ServiceCommand& command) = 0;
};

} // namespace occ
