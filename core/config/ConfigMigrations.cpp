#include "core/config/ConfigMigrations.h"

#include "core/config/ConfigSchema.h"

namespace occ {

namespace {

using Json = nlohmann::ordered_json;

// Version 0 (the early prototype) kept everything flat: {"port": 4096, "bind": "0.0.0.0", "image":
// "opencode-cloud", ...}. Version 1 groups keys by section. A key present in both layouts keeps the
// nested value: it is the newer one.
void flatToNested(Json& document)
{
    struct Move
    {
        const char* flat;
        const char* section;
        const char* name;
    };
    static const Move moves[] = {
        {"container_name", "service", "container_name"},
        {"bind", "network", "bind"},
        {"port", "network", "port"},
        {"public_url", "network", "public_url"},
        {"username", "auth", "username"},
        {"image", "image", "name"},
        {"base_image", "image", "base"},
        {"opencode_version", "image", "opencode_version"},
        {"restart_policy", "restart", "policy"},
        {"workspace", "volumes", "workspace_path"},
        {"docker_host", "docker", "host"},
    };
    for (const Move& move : moves) {
        auto it = document.find(move.flat);
        if (it == document.end()) {
            continue;
        }
        // "image" is both a v0 key (a string) and a v1 section (an object): only the string moves.
        if (std::string(move.flat) == move.section && it->is_object()) {
            continue;
        }
        Json value = *it;
        document.erase(move.flat);
        Json& section = document[move.section];
        if (!section.is_object()) {
            section = Json::object();
        }
        if (!section.contains(move.name)) {
            section[move.name] = std::move(value);
        }
    }
}

} // namespace

const QVector<ConfigMigrations::Step>& ConfigMigrations::steps()
{
    static const QVector<Step> list = {
        {0, QStringLiteral("moved flat keys (port, bind, ...) into sections (network.port, network.bind, ...)"),
         flatToNested},
    };
    return list;
}

QStringList ConfigMigrations::migrate(Json& document, int version)
{
    QStringList done;
    for (const Step& step : steps()) {
        if (step.fromVersion >= version && step.fromVersion < ConfigSchema::CurrentVersion) {
            step.apply(document);
            done << QStringLiteral("v%1 -> v%2: %3")
                        .arg(step.fromVersion)
                        .arg(step.fromVersion + 1)
                        .arg(step.description);
        }
    }
    document["version"] = ConfigSchema::CurrentVersion;
    return done;
}

} // namespace occ
