#include "core/autostart/Autostart.h"

#include "core/util/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#if defined(Q_OS_MACOS)
#include "core/autostart/LaunchAgentAutostart.h"
using PlatformAutostart = occ::LaunchAgentAutostart;
#elif defined(Q_OS_WIN)
#include "core/autostart/RunKeyAutostart.h"
using PlatformAutostart = occ::RunKeyAutostart;
#else
#include "core/autostart/XdgAutostart.h"
using PlatformAutostart = occ::XdgAutostart;
#endif

namespace occ {

std::unique_ptr<Autostart> Autostart::create(const QString& program, const QString& arguments)
{
    return std::make_unique<PlatformAutostart>(program.isEmpty() ? QCoreApplication::applicationFilePath() : program,
                                               arguments);
}

Result<Unit, AutostartError> Autostart::switchEntryFile(bool enabled, const QString& directory, const QString& path,
                                                        const QByteArray& contents)
{
    if (!enabled) {
        QFile file(path);
        if (file.exists() && !file.remove()) {
            return AutostartError{AutostartError::Kind::Remove, path, file.errorString()};
        }
        return Unit{};
    }
    if (!QDir().mkpath(directory)) {
        return AutostartError{AutostartError::Kind::CreateFolder, directory, QString()};
    }
    auto written = AtomicFile::write(path, contents, AtomicFile::WorldReadable);
    if (!written) {
        return AutostartError{AutostartError::Kind::Write, path, written.error().reason};
    }
    return Unit{};
}

} // namespace occ
