#pragma once

#include "core/autostart/Autostart.h"

namespace occ {

// ~/.config/autostart/org.opencode_cloud.OpencodeCloud.desktop (XDG Autostart Specification).
class XdgAutostart : public Autostart
{
public:
    // directory: $XDG_CONFIG_HOME/autostart unless given (tests).
    XdgAutostart(QString program, QString arguments, QString directory = QString());

    bool isEnabled() const override;
    Result<Unit, AutostartError> setEnabled(bool enabled) override;
    QString location() const override;

    // Pure: the .desktop file's contents.
    static QByteArray desktopEntry(const QString& program, const QString& arguments);
    static QString defaultDirectory();

private:
    QString m_program;
    QString m_arguments;
    QString m_directory;
};

} // namespace occ
