#include "wizard/autostart/Autostart.h"

#include <QCoreApplication>

#if defined(Q_OS_MACOS)
#include "wizard/autostart/LaunchAgentAutostart.h"
using PlatformAutostart = occ::LaunchAgentAutostart;
#elif defined(Q_OS_WIN)
#include "wizard/autostart/RunKeyAutostart.h"
using PlatformAutostart = occ::RunKeyAutostart;
#else
#include "wizard/autostart/XdgAutostart.h"
using PlatformAutostart = occ::XdgAutostart;
#endif

namespace occ {

std::unique_ptr<Autostart> Autostart::create(const QString& program, const QString& arguments)
{
    return std::make_unique<PlatformAutostart>(program.isEmpty() ? QCoreApplication::applicationFilePath() : program,
                                               arguments);
}

} // namespace occ
