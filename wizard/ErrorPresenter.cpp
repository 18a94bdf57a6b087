#include "wizard/ErrorPresenter.h"

#include "core/autostart/AutostartError.h"

#include <QCoreApplication>

namespace occ {

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("occ::ErrorPresenter", text, disambiguation, n);
}

// " (the system's reason)" when there is one.
QString cause(const QString& text)
{
    return text.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(text);
}
} // namespace

QString ErrorPresenter::autostart(const AutostartError& error)
{
    switch (error.kind) {
    case AutostartError::Kind::CreateFolder:
        return tr("Could not create the folder %1%2.").arg(error.path, cause(error.cause));
    case AutostartError::Kind::Write:
        return tr("Could not write %1%2.").arg(error.path, cause(error.cause));
    case AutostartError::Kind::Remove:
        return tr("Could not remove %1%2.").arg(error.path, cause(error.cause));
    case AutostartError::Kind::Registry:
        return tr("Windows did not let us change %1%2.").arg(error.path, cause(error.cause));
    }
    return QString();
}

} // namespace occ
