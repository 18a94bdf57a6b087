#pragma once

#include <QString>

class QWidget;

namespace occ {

// Every modal question the app asks goes through here (KeePassXC's MessageBox), so tests can answer
// them in advance instead of blocking on a dialog.
class Dialogs
{
public:
    enum class Answer { None, Yes, No, Ok, Cancel };

    static Answer question(QWidget* parent, const QString& title, const QString& text);
    static void information(QWidget* parent, const QString& title, const QString& text);
    static void critical(QWidget* parent, const QString& title, const QString& text);
    // Empty when cancelled.
    static QString saveFileName(QWidget* parent, const QString& caption, const QString& suggested,
                                const QString& filter);

    // Test seams: the next question / save dialog returns this without showing anything.
    static void setNextAnswer(Answer answer);
    static void setNextSaveFileName(const QString& path);
    // The text of the last dialog shown or answered (tests).
    static QString lastText();
    // Makes information()/critical() return at once (tests); they still record lastText().
    static void setSilent(bool silent);
};

} // namespace occ
