#include "cli/Command.h"

#include "cli/commands/Commands.h"

namespace occ::cli {

std::vector<std::unique_ptr<Command>> makeCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeSetupCommand());
    commands.push_back(makeStartCommand());
    commands.push_back(makeStopCommand());
    commands.push_back(makeRestartCommand());
    commands.push_back(makeStatusCommand());
    commands.push_back(makeLogsCommand());
    commands.push_back(makeOpenCommand());
    commands.push_back(makeConfigCommand());
    commands.push_back(makeUpdateCommand());
    commands.push_back(makePasswordCommand());
    commands.push_back(makeOsServiceCommand());
    commands.push_back(makeDoctorCommand());
    commands.push_back(makeRunCommand());
    commands.push_back(makeCompletionCommand());
    commands.push_back(makeManpageCommand());
    return commands;
}

} // namespace occ::cli
