#pragma once

#include "core/service/ServiceStatus.h"

#include <QDateTime>
#include <QString>

namespace occ {

struct LogFollowerState;

// How the tray (or the fallback status window) shows one ServiceStatus: icon, tooltip, the menu's status
// line, and which actions make sense. Pure, so every state is unit-tested; the tray only renders it.
struct StatusView
{
    QString iconName; // resource name: ":/icons/tray-<iconName>.svg"
    QString tooltip;
    QString statusLine; // "Running · healthy · 3 h"
    bool canStart = false;
    bool canStop = false;
    bool canRestart = false;
    bool canOpen = false; // open in browser
    bool canCopyPassword = false;
    bool canShowLogs = false;
    bool needsSetup = false; // the setup wizard is the one useful action

    QString iconPath() const { return QStringLiteral(":/icons/tray-%1.svg").arg(iconName); }
};

class StatusPresenter
{
public:
    // now: the clock, passed in so uptime text is testable. hasPassword: a password is stored.
    static StatusView present(const ServiceStatus& status, const QDateTime& now, bool hasPassword = true);

    // "45 s", "12 min", "3 h", "2 d" (the largest unit, rounded down).
    static QString uptimeText(qint64 seconds);
    // Words for one state, as the status line starts ("Running", "Stopped", ...).
    static QString stateText(ServiceStatus::State state);
    // Why the service is in its state, in a few words ("its health check fails"); empty when the state says it.
    static QString reasonText(const ServiceStatus& status);
    // The log viewer's status line for where its follower is.
    static QString followerText(const LogFollowerState& state);
};

} // namespace occ
