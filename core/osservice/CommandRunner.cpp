#include "core/osservice/CommandRunner.h"

namespace occ {

namespace {

QString shellQuote(const QString& word)
{
    static const QString safe = QStringLiteral("@%+=:,./-_");
    bool plain = !word.isEmpty();
    for (QChar c : word) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && !safe.contains(c)) {
            plain = false;
            break;
        }
    }
    if (plain) {
        return word;
    }
    return QLatin1Char('\'') + QString(word).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

} // namespace

QString ServiceCommand::toDisplayString() const
{
    QStringList words{shellQuote(program)};
    for (const QString& a : arguments) {
        words << shellQuote(a);
    }
    return words.join(QLatin1Char(' '));
}

} // namespace occ
