#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace occ {

// Loads our translation (embedded as :/i18n/opencode-cloud_<lang>.qm) and Qt's own for QWizard's and
// QDialogButtonBox's buttons, for the system language unless told otherwise.
class Translations
{
public:
    // Returns true when our translation for that locale was found (English needs none: false).
    static bool install(QCoreApplication* app, const QLocale& locale = QLocale());
    static QStringList available();
};

} // namespace occ
