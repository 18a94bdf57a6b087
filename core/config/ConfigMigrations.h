#pragma once

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace occ {

// The steps that bring an older config.json up to ConfigSchema::CurrentVersion, one per version.
// They work on the JSON document, not on Config, so they can move keys Config no longer has.
class ConfigMigrations
{
public:
    struct Step
    {
        int fromVersion; // the step produces fromVersion + 1
        QString description;
        std::function<void(nlohmann::ordered_json&)> apply;
    };

    static const QVector<Step>& steps();
    // Applies the steps from `version` on and sets "version"; returns what was done, for the log.
    static QStringList migrate(nlohmann::ordered_json& document, int version);
};

} // namespace occ
