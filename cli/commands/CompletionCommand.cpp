#include "cli/Completion.h"
#include "cli/CompletionTable.h"
#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"

#include <QCommandLineParser>

namespace occ::cli {
namespace {

// Hidden: packagers run it at build time, users only when they install by hand.
class CompletionCommand : public Command
{
public:
    CompletionCommand()
    {
        name = QStringLiteral("completion");
        arguments = QStringLiteral("bash|zsh|fish");
        description = QStringLiteral("Print the shell completion script for bash, zsh or fish.");
        details = QStringLiteral("  bash   source it, or save it as ~/.local/share/bash-completion/completions/occ\n"
                                 "  zsh    save it as _occ in a directory on $fpath\n"
                                 "  fish   save it as ~/.config/fish/completions/occ.fish");
        hidden = true;
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        const QStringList args = parser.positionalArguments();
        const auto shell = args.size() == 1 ? Completion::shellFromName(args.constFirst()) : std::nullopt;
        if (!shell) {
            context.out().error(QStringLiteral("usage: occ completion bash|zsh|fish"));
            return Usage;
        }
        const QByteArray script = Completion::script(*shell, CompletionTable::current()).toUtf8();
        context.out().writeRaw(script.constData(), static_cast<size_t>(script.size()));
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makeCompletionCommand()
{
    return std::make_unique<CompletionCommand>();
}

} // namespace occ::cli
