#include "core/config/ConfigKey.h"

#include "core/config/Config.h"
#include "core/config/ConfigError.h"

#include <QRegularExpression>

namespace occ {

QString ConfigKey::section() const
{
    return key.section(QLatin1Char('.'), 0, 0);
}

QString ConfigKey::name() const
{
    return key.section(QLatin1Char('.'), 1);
}

QVariant ConfigKey::defaultValue() const
{
    return get(Config());
}

QString ConfigKey::expected() const
{
    switch (type) {
    case Type::Int:
        return QStringLiteral("an integer from %1 to %2").arg(minimum).arg(maximum);
    case Type::Bool:
        return QStringLiteral("true or false");
    case Type::Enum:
        return QStringLiteral("one of: %1").arg(allowed.join(QStringLiteral(", ")));
    case Type::String:
        break;
    }
    return QStringLiteral("a string");
}

QString ConfigKey::jsonTypeName() const
{
    switch (type) {
    case Type::Int:
        return QStringLiteral("integer");
    case Type::Bool:
        return QStringLiteral("boolean");
    case Type::String:
    case Type::Enum:
        break;
    }
    return QStringLiteral("string");
}

QString ConfigKey::checkValue(const QVariant& value) const
{
    switch (type) {
    case Type::Int: {
        const int v = value.toInt();
        if (v < minimum || v > maximum) {
            return QStringLiteral("expected %1, got %2").arg(expected()).arg(v);
        }
        return {};
    }
    case Type::Bool:
        return {};
    case Type::Enum: {
        const QString v = value.toString();
        if (!allowed.contains(v)) {
            return QStringLiteral("expected %1, got %2").arg(expected(), quoteValue(v));
        }
        return {};
    }
    case Type::String:
        break;
    }
    const QString v = value.toString();
    if (v.isEmpty()) {
        return allowEmpty ? QString() : QStringLiteral("must not be empty");
    }
    if (!pattern.isEmpty()) {
        const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
        if (!re.match(v).hasMatch()) {
            return QStringLiteral("%1 does not match %2").arg(quoteValue(v), pattern);
        }
    }
    return check ? check(v) : QString();
}

QVariant ConfigKey::parseText(const QString& text, QString* error) const
{
    const QString trimmed = text.trimmed();
    switch (type) {
    case Type::Int: {
        bool ok = false;
        const int v = trimmed.toInt(&ok);
        if (!ok) {
            *error = QStringLiteral("expected %1, got %2").arg(expected(), quoteValue(text));
            return {};
        }
        return v;
    }
    case Type::Bool: {
        const QString lower = trimmed.toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("yes") || lower == QLatin1String("on")
            || lower == QLatin1String("1")) {
            return true;
        }
        if (lower == QLatin1String("false") || lower == QLatin1String("no") || lower == QLatin1String("off")
            || lower == QLatin1String("0")) {
            return false;
        }
        *error = QStringLiteral("expected true or false, got %1").arg(quoteValue(text));
        return {};
    }
    case Type::Enum:
        return trimmed;
    case Type::String:
        break;
    }
    // Strings are taken as typed: a path may legitimately start or end with a space.
    return text;
}

QString ConfigKey::toText(const QVariant& value)
{
    if (value.typeId() == QMetaType::Bool) {
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    return value.toString();
}

} // namespace occ
