#include "core/config/ConfigError.h"

#include <QDir>
#include <QStringList>

namespace occ {

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

} // namespace occ
