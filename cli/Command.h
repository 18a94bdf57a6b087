#pragma once

#include "cli/ExitCode.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QCommandLineParser;

namespace occ::cli {

class Context;

// One `occ` verb (KeePassXC's command pattern): a name, a one-line description, its options, and
// execute(). The same table drives `occ --help`, `occ help VERB`, and later the man page and shell
// completions, so they cannot drift apart.
class Command
{
public:
    virtual ~Command() = default;

    QString name;
    QString description;
    // Positional arguments as shown in usage, e.g. "[KEY [VALUE]]".
    QString arguments;
    // Extra help text shown by `occ help VERB`.
    QString details;
    QList<QCommandLineOption> options;
    // Hidden commands (the supervisor's `run`) are not listed in `occ --help`.
    bool hidden = false;

    virtual int execute(Context& context, const QCommandLineParser& parser) = 0;
};

// All verbs, in the order `occ --help` lists them.
std::vector<std::unique_ptr<Command>> makeCommands();
// Only the verb called `name` (nullptr when there is none): a run builds the one it executes, not the help
// text of every other (`occ config`'s is generated from the whole schema).
std::unique_ptr<Command> makeCommand(const QString& name);

} // namespace occ::cli
