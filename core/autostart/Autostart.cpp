#include "core/autostart/Autostart.h"

#include <QCoreApplication>

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

} // namespace occ
