#pragma once

#include <QString>

class QWidget;

namespace occ {

class TrayApp;

// `occ-screenshots DIR` (a test tool, not the product): shows the app's own windows with sample data (the
// wizard page by page, the tray menu, the log viewer, settings, the fallback status window), grabs each into
// DIR/*.png, and returns. Nothing touches the engine or the real config. tests/gui/screenshots.sh drives it under Xvfb.
class ScreenshotMode
{
public:
    ScreenshotMode(TrayApp* app, QString directory);

    // Returns the number of screenshots that failed (0 = all written).
    int run();

private:
    bool grab(QWidget* widget, const QString& name);
    void waitForRootGrab();

    TrayApp* m_app;
    QString m_directory;
    int m_failures = 0;
};

} // namespace occ
