#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace occ {

struct Config;

// One row of ConfigSchema's table: everything known about one dotted key. Validation, `occ config
// get|set|unset`, the JSON Schema and the help text are all computed from these rows.
struct ConfigKey
{
    enum class Type {
        String,
        Int,
        Bool,
        Enum, // a string from `allowed`
    };

    QString key; // dotted: "network.port"
    Type type = Type::String;
    QString description;
    int minimum = 0; // Int only
    int maximum = 0; // Int only
    QStringList allowed; // Enum only
    QString pattern; // String only: anchored, a regex both QRegularExpression and JSON Schema (ECMA) read
    bool allowEmpty = false; // String only: "" means "not set" and skips pattern and check
    // A check the pattern cannot express. Returns the problem, empty when the value is fine.
    std::function<QString(const QString&)> check;
    std::function<QVariant(const Config&)> get;
    std::function<void(Config&, const QVariant&)> set;

    QString section() const; // "network"
    QString name() const; // "port"
    QVariant defaultValue() const; // from a default-constructed Config
    // "integer from 1 to 65535", "one of: no, always, ...", "boolean", "string"
    QString expected() const;
    QString jsonTypeName() const;

    // The problem with value (already of the right type), or an empty string.
    QString checkValue(const QVariant& value) const;
    // Parses command-line text ("4097", "true", "on") into a value of the right type; the problem in *error.
    QVariant parseText(const QString& text, QString* error) const;
    static QString toText(const QVariant& value);
};

} // namespace occ
