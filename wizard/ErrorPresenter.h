#pragma once

#include <QString>

namespace occ {

struct AutostartError;

// The desktop's words for the typed errors core reports (translated). Core says what failed; this says it
// to a person at a desktop, offering a button or a setting rather than a command line. Shared by the
// wizard and the app (the app's StatusPresenter makes the status words).
class ErrorPresenter
{
public:
    static QString autostart(const AutostartError& error);
};

} // namespace occ
