#include "app/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace occ {

bool Translations::install(QCoreApplication* app, const QLocale& locale)
{
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    auto* ours = new QTranslator(app);
    if (ours->load(locale, QStringLiteral("opencode-cloud"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours);
        return true;
    }
    delete ours;
    return false;
}

QStringList Translations::available()
{
    QStringList out;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*.qm")});
    for (const QString& file : files) {
        out << file.section(QLatin1Char('_'), 1).section(QLatin1Char('.'), 0, 0);
    }
    return out;
}

} // namespace occ
