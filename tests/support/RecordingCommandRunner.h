#pragma once

#include "core/osservice/CommandRunner.h"

#include <QList>
#include <QPair>

namespace occ {

// A CommandRunner that runs nothing: it records every command and answers from a script. Used by
// the tests (tests/support, never linked into a product binary).
class RecordingCommandRunner : public CommandRunner
{
public:
    // Commands whose program + arguments start with `prefix` get `result`. Later rules win; a
    // command no rule matches succeeds with empty output.
    void respond(const QStringList& prefix, const CommandResult& result);
    CommandResult run(const ServiceCommand& command) override;

    const QList<ServiceCommand>& commands() const { return m_commands; }
    void clearCommands() { m_commands.clear(); }

private:
    QList<QPair<QStringList, CommandResult>> m_rules;
    QList<ServiceCommand> m_commands;
};

} // namespace occ
