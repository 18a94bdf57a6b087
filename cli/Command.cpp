#include "cli/Command.h"

#include "cli/commands/Commands.h"

namespace occ::cli {

namespace {

struct Verb
{
    const char* name;
    std::unique_ptr<Command> (*make)();
};

// In the order `occ --help` lists them.
const Verb Verbs[] = {
    {"setup", makeSetupCommand},       {"start", makeStartCommand},           {"stop", makeStopCommand},
    {"restart", makeRestartCommand},   {"status", makeStatusCommand},         {"logs", makeLogsCommand},
    {"open", makeOpenCommand},         {"config", makeConfigCommand},         {"update", makeUpdateCommand},
    {"password", makePasswordCommand}, {"service", makeOsServiceCommand},     {"doctor", makeDoctorCommand},
    {"run", makeRunCommand},           {"completion", makeCompletionCommand}, {"manpage", makeManpageCommand},
};

} // namespace

std::vector<std::unique_ptr<Command>> makeCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    for (const Verb& verb : Verbs) {
        commands.push_back(verb.make());
    }
    return commands;
}

std::unique_ptr<Command> makeCommand(const QString& name)
{
    for (const Verb& verb : Verbs) {
        if (name == QLatin1String(verb.name)) {
            return verb.make();
        }
    }
    return nullptr;
}

} // namespace occ::cli
