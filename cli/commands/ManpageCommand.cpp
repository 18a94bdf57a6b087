#include "cli/CompletionTable.h"
#include "cli/Context.h"
#include "cli/ManPage.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"
#include "core/util/Version.h"

#include <QCommandLineParser>

namespace occ::cli {
namespace {

// Hidden: the build runs it to install occ(1).
class ManpageCommand : public Command
{
public:
    ManpageCommand()
    {
        name = QStringLiteral("manpage");
        description = QStringLiteral("Print the occ(1) manual page in roff.");
        hidden = true;
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            context.out().error(QStringLiteral("usage: occ manpage"));
            return Usage;
        }
        const QByteArray page = ManPage::render(CompletionTable::current(), applicationVersion()).toUtf8();
        context.out().writeRaw(page.constData(), static_cast<size_t>(page.size()));
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makeManpageCommand()
{
    return std::make_unique<ManpageCommand>();
}

} // namespace occ::cli
