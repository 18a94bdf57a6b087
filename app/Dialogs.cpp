#include "app/Dialogs.h"

#include <QFileDialog>
#include <QMessageBox>

namespace occ {

namespace {
Dialogs::Answer g_nextAnswer = Dialogs::Answer::None;
QString g_nextSaveFileName;
bool g_hasNextSaveFileName = false;
QString g_lastText;
bool g_silent = false;
} // namespace

Dialogs::Answer Dialogs::question(QWidget* parent, const QString& title, const QString& text)
{
    g_lastText = text;
    if (g_nextAnswer != Answer::None) {
        const Answer answer = g_nextAnswer;
        g_nextAnswer = Answer::None;
        return answer;
    }
    return QMessageBox::question(parent, title, text) == QMessageBox::Yes ? Answer::Yes : Answer::No;
}

void Dialogs::information(QWidget* parent, const QString& title, const QString& text)
{
    g_lastText = text;
    if (!g_silent) {
        QMessageBox::information(parent, title, text);
    }
}

void Dialogs::critical(QWidget* parent, const QString& title, const QString& text)
{
    g_lastText = text;
    if (!g_silent) {
        QMessageBox::critical(parent, title, text);
    }
}

QString Dialogs::saveFileName(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter)
{
    if (g_hasNextSaveFileName) {
        g_hasNextSaveFileName = false;
        return g_nextSaveFileName;
    }
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void Dialogs::setNextAnswer(Answer answer)
{
    g_nextAnswer = answer;
}

void Dialogs::setNextSaveFileName(const QString& path)
{
    g_nextSaveFileName = path;
    g_hasNextSaveFileName = true;
}

QString Dialogs::lastText()
{
    return g_lastText;
}

void Dialogs::setSilent(bool silent)
{
    g_silent = silent;
}

} // namespace occ
