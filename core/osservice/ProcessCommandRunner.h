#pragma once

#include "core/osservice/CommandRunner.h"

namespace occ {

// Runs commands with QProcess and waits for them. The commands here (systemctl, launchctl, sc.exe)
// return within seconds; a hung one is killed after the timeout rather than blocking `occ` for ever.
class ProcessCommandRunner : public CommandRunner
{
public:
    explicit ProcessCommandRunner(int timeoutMs = 60000);
    CommandResult run(const ServiceCommand& command) override;

private:
    int m_timeoutMs;
};

} // namespace occ
