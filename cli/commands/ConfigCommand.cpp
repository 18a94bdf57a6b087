#include "cli/Context.h"
#include "cli/HintText.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"
#include "core/config/ConfigSchema.h"
#include "core/config/ConfigStore.h"
#include "core/detection/ConfigWarning.h"
#include "core/service/ServiceSpec.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

namespace occ::cli {
namespace {

class ConfigCommand : public Command
{
public:
    ConfigCommand()
    {
        name = QStringLiteral("config");
        arguments = QStringLiteral("path|show|get KEY|set KEY VALUE|unset KEY|validate|schema");
        description = QStringLiteral("Read or change the config file (dotted keys as in the file).");
        details = QStringLiteral("  path      where the config file is\n"
                                 "  show      every key and its value (--json: as JSON)\n"
                                 "  get KEY   one value\n"
                                 "  set KEY VALUE, unset KEY   change it (checked first; the file keeps keys it\n"
                                 "            does not know and is written atomically)\n"
                                 "  validate  check the file\n"
                                 "  schema    the JSON Schema of the file\n\nKeys:\n")
            + ConfigSchema::helpText();
        options = {{QStringLiteral("json"), QStringLiteral("show: print JSON.")}};
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        const QStringList args = parser.positionalArguments();
        const QString action = args.value(0);
        Output& out = context.out();
        auto is = [&](const char* verb, int n) { return action == QLatin1String(verb) && args.size() == n; };

        if (is("path", 1)) {
            out.result(context.configPath());
            return Ok;
        }
        if (is("schema", 1)) {
            out.result(QString::fromUtf8(ConfigSchema::jsonSchema()).trimmed());
            return Ok;
        }
        if (is("show", 1) || is("validate", 1) || is("get", 2)) {
            int code = Ok;
            auto config = context.loadConfig(&code, false);
            if (!config) {
                return code;
            }
            if (action == QLatin1String("validate")) {
                return validate(context, *config);
            }
            if (action == QLatin1String("get")) {
                return get(out, *config, args.at(1));
            }
            return show(out, *config, parser.isSet(QStringLiteral("json")));
        }
        if (is("set", 3) || is("unset", 2)) {
            return change(context, args);
        }
        out.error(
            QStringLiteral("usage: occ config path|show [--json]|get KEY|set KEY VALUE|unset KEY|validate|schema"));
        return Usage;
    }

private:
    static int validate(Context& context, const Config& config)
    {
        Output& out = context.out();
        const ConfigErrors problems = ConfigSchema::validate(config);
        if (!problems.isEmpty()) {
            out.error(toString(problems));
            return ConfigInvalid;
        }
        if (!context.configExists()) {
            out.result(QStringLiteral("%1 does not exist yet; the defaults are valid.").arg(context.configPath()));
            return NotSetUp;
        }
        out.result(QStringLiteral("%1 is valid.").arg(context.configPath()));
        for (const ConfigWarning& warning : ConfigWarning::check(config)) {
            out.warning(HintText::describe(warning));
        }
        return Ok;
    }

    static int get(Output& out, const Config& config, const QString& key)
    {
        auto value = ConfigSchema::get(config, key);
        if (!value) {
            out.error(HintText::describe(value.error()));
            return Usage;
        }
        out.result(value.value());
        return Ok;
    }

    static int show(Output& out, const Config& config, bool json)
    {
        if (!json) {
            for (const ConfigKey& key : ConfigSchema::keys()) {
                out.result(QStringLiteral("%1 = %2").arg(key.key, ConfigKey::toText(key.get(config))));
            }
            return Ok;
        }
        nlohmann::ordered_json j;
        for (const ConfigKey& key : ConfigSchema::keys()) {
            const QVariant v = key.get(config);
            auto& slot = key.section().isEmpty() ? j[key.name().toStdString()]
                                                 : j[key.section().toStdString()][key.name().toStdString()];
            switch (key.type) {
            case ConfigKey::Type::Int:
                slot = v.toInt();
                break;
            case ConfigKey::Type::Bool:
                slot = v.toBool();
                break;
            default:
                slot = v.toString().toStdString();
                break;
            }
        }
        out.result(QString::fromStdString(j.dump(2)));
        return Ok;
    }

    // set KEY VALUE / unset KEY
    static int change(Context& context, const QStringList& args)
    {
        Output& out = context.out();
        const QString& key = args.at(1);
        if (!ConfigSchema::find(key)) {
            out.error(QStringLiteral("unknown key \"%1\". `occ help config` lists the keys.").arg(key));
            return Usage;
        }
        auto result = args.at(0) == QLatin1String("set") ? context.configStore().set(key, args.at(2))
                                                         : context.configStore().unset(key);
        if (!result) {
            out.error(toString(result.error()));
            const bool valueProblem = result.error().size() == 1
                && (result.error().first().kind == ConfigError::Kind::Value
                    || result.error().first().kind == ConfigError::Kind::Type);
            return valueProblem ? Usage : ConfigInvalid;
        }
        auto now = ConfigSchema::get(result.value(), key);
        out.info(QStringLiteral("%1 = %2").arg(key, now ? now.value() : QString()));
        if (key == QLatin1String("network.bind") && !ServiceSpec::isLoopback(result->bind)) {
            out.warning(QStringLiteral("opencode will be reachable from other machines; it stays behind its "
                                       "password (`occ password show`)."));
        }
        // Accepted, but say so when the change leaves a setting without effect (TLS without the front door).
        for (const ConfigWarning& warning : ConfigWarning::check(result.value())) {
            if (warning.key == key || warning.fixKey == key) {
                out.warning(HintText::describe(warning));
            }
        }
        out.info(QStringLiteral("It takes effect at the next `occ start` or `occ restart`."));
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makeConfigCommand()
{
    return std::make_unique<ConfigCommand>();
}

} // namespace occ::cli
