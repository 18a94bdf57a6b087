#include "core/config/ConfigError.h"

#include <QDir>
#include <QStringList>

namespace occ {

ConfigError ConfigError::make(Kind kind, const QString& file, const QString& key, const QString& message)
{
    ConfigError error;
    error.kind = kind;
    error.file = file;
    error.key = key;
    error.message = message;
    return error;
}

QString ConfigError::toString() const
{
    QString where = QDir::toNativeSeparators(file);
    if (line > 0) {
        where += QStringLiteral(":%1:%2").arg(line).arg(column);
    }
    QStringList parts;
    if (!where.isEmpty()) {
        parts << where;
    }
    if (!key.isEmpty()) {
        parts << key;
    }
    parts << message;
    return parts.join(QStringLiteral(": "));
}

QString toString(const ConfigErrors& errors)
{
    QStringList lines;
    for (const ConfigError& error : errors) {
        lines << error.toString();
    }
    return lines.join(QLatin1Char('\n'));
}

QString shortened(const QString& text)
{
    if (text.size() <= QuoteLimit) {
        return text;
    }
    QString head = text.left(QuoteLimit);
    if (head.back().isHighSurrogate()) {
        head.chop(1);
    }
    return QStringLiteral("%1\u2026 (%2 characters)").arg(head).arg(text.size());
}

QString quoteValue(const QString& value)
{
    if (value.size() <= QuoteLimit) {
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    QString head = value.left(QuoteLimit);
    if (head.back().isHighSurrogate()) {
        head.chop(1);
    }
    return QStringLiteral("\"%1\u2026\" (%2 characters)").arg(head).arg(value.size());
}

} // namespace occ
