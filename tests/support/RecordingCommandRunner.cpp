#include "support/RecordingCommandRunner.h"

namespace occ {

void RecordingCommandRunner::respond(const QStringList& prefix, const CommandResult& result)
{
    m_rules.append({prefix, result});
}

CommandResult RecordingCommandRunner::run(const ServiceCommand& command)
{
    m_commands.append(command);
    const QStringList words = QStringList{command.program} + command.arguments;
    for (int i = m_rules.size() - 1; i >= 0; --i) {
        const QStringList& prefix = m_rules.at(i).first;
        if (prefix.size() <= words.size() && words.mid(0, prefix.size()) == prefix) {
            return m_rules.at(i).second;
        }
    }
    return {};
}

} // namespace occ
