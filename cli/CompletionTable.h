#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace occ::cli {

// The command table as shell completions and the man page see it: the visible verbs of `occ --help`
// with their options, and the global options. Built from makeCommands() and usageText(), the same
// sources `occ --help` prints, so the three cannot drift apart.
class CompletionTable
{
public:
    struct Verb
    {
        QString name;
        QString description;
        QString arguments;
        QString details;
        QList<QCommandLineOption> options;
        // Literal first arguments taken from `arguments` ("path|show|get KEY" -> path, show, get).
        QStringList actions;
    };

    static CompletionTable current();

    QList<QCommandLineOption> globalOptions;
    std::vector<Verb> verbs;
    // The "Exit codes: ..." paragraph of `occ --help`.
    QString exitCodes;

    QStringList verbNames() const;

    // Exposed for tests.
    static QStringList actionsFromArguments(const QString& arguments);
    static QList<QCommandLineOption> optionsFromHelp(const QString& helpSection);
};

} // namespace occ::cli
