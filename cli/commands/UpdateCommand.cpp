#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/ProgressPrinter.h"
#include "cli/commands/Commands.h"
#include "core/config/ConfigSchema.h"
#include "core/config/ConfigStore.h"
#include "core/service/ServiceController.h"
#include "core/util/Version.h"

#include <QCommandLineParser>
#include <QVersionNumber>

namespace occ::cli {
namespace {

class UpdateCommand : public Command
{
public:
    UpdateCommand()
    {
        name = QStringLiteral("update");
        description = QStringLiteral("Move to another opencode version (default: the one this occ pins); "
                                     "rolls back if it does not come up.");
        details = QStringLiteral("Builds the new image while the service keeps running, keeps the previous image\n"
                                 "as <image.name>:previous, recreates the container on the same volumes and waits\n"
                                 "until it answers. If it does not, the previous version is started again.");
        options = {
            {QStringLiteral("version"), QStringLiteral("The opencode version to run (default: the pinned one)."),
             QStringLiteral("V")},
            {QStringLiteral("check"), QStringLiteral("Only say whether a newer pinned version is available.")},
            {QStringLiteral("rebuild"), QStringLiteral("Build the image again even if it exists.")},
        };
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        Output& out = context.out();
        int code = Ok;
        auto config = context.loadConfig(&code);
        if (!config) {
            return code;
        }
        const QString pinned = pinnedOpencodeVersion();
        if (parser.isSet(QStringLiteral("check"))) {
            const int cmp = QVersionNumber::compare(QVersionNumber::fromString(pinned),
                                                    QVersionNumber::fromString(config->opencodeVersion));
            if (cmp > 0) {
                out.result(QStringLiteral("opencode %1 is available (this setup runs %2): run `occ update`.")
                               .arg(pinned, config->opencodeVersion));
            } else {
                out.result(QStringLiteral("Up to date: opencode %1 (pinned by occ %2 is %3).")
                               .arg(config->opencodeVersion, applicationVersion(), pinned));
            }
            return Ok;
        }
        const QString version =
            parser.isSet(QStringLiteral("version")) ? parser.value(QStringLiteral("version")) : pinned;
        Config probe = *config;
        auto valid = ConfigSchema::set(probe, QStringLiteral("image.opencode_version"), version);
        if (!valid) {
            out.error(QStringLiteral("--version: %1").arg(valid.error().message));
            return Usage;
        }
        auto controller = context.controller(*config, &code);
        if (!controller) {
            return code;
        }
        out.info(QStringLiteral("Updating opencode %1 → %2.").arg(config->opencodeVersion, version));
        ProgressPrinter printer(out);
        auto result = controller->update(version, parser.isSet(QStringLiteral("rebuild")), printer.callback());
        printer.finish();
        if (!result) {
            return context.fail(result.error());
        }
        auto saved = context.configStore().set(QStringLiteral("image.opencode_version"), version);
        if (!saved) {
            out.error(toString(saved.error()));
            return ConfigInvalid;
        }
        out.info(QStringLiteral("opencode %1 is up (downtime %2 s). The previous image is kept as %3:previous.")
                     .arg(version)
                     .arg(double(result->downtimeMs) / 1000.0, 0, 'f', 1)
                     .arg(config->imageName));
        out.result(result->url);
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makeUpdateCommand()
{
    return std::make_unique<UpdateCommand>();
}

} // namespace occ::cli
