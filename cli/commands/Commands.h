#pragma once

#include "cli/Command.h"

#include <memory>

namespace occ::cli {

// One factory per verb; cli/Command.cpp lists them in help order.
std::unique_ptr<Command> makeSetupCommand();
std::unique_ptr<Command> makeStartCommand();
std::unique_ptr<Command> makeStopCommand();
std::unique_ptr<Command> makeRestartCommand();
std::unique_ptr<Command> makeStatusCommand();
std::unique_ptr<Command> makeLogsCommand();
std::unique_ptr<Command> makeConfigCommand();
std::unique_ptr<Command> makePasswordCommand();
std::unique_ptr<Command> makeOpenCommand();
std::unique_ptr<Command> makeDoctorCommand();
std::unique_ptr<Command> makeUpdateCommand();
std::unique_ptr<Command> makeOsServiceCommand();
std::unique_ptr<Command> makeRunCommand();
std::unique_ptr<Command> makeCompletionCommand();
std::unique_ptr<Command> makeManpageCommand();

} // namespace occ::cli
