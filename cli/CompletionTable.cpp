#include "cli/CompletionTable.h"

#include "cli/Application.h"
#include "cli/Command.h"

#include <QRegularExpression>

namespace occ::cli {

CompletionTable CompletionTable::current()
{
    CompletionTable table;
    for (const auto& c : makeCommands()) {
        if (c->hidden) {
            continue;
        }
        table.verbs.push_back(
            {c->name, c->description, c->arguments, c->details, c->options, actionsFromArguments(c->arguments)});
    }
    // The global options live in Application.cpp; usageText() is their only public rendering, so read
    // them back from it rather than keep a second list here.
    const QString usage = usageText();
    const QString globalsHeader = QStringLiteral("\nGlobal options:\n");
    const int start = usage.indexOf(globalsHeader);
    if (start >= 0) {
        const int from = start + globalsHeader.size();
        const int end = usage.indexOf(QStringLiteral("\n\n"), from);
        table.globalOptions = optionsFromHelp(usage.mid(from, end < 0 ? -1 : end - from));
    }
    const int exit = usage.indexOf(QStringLiteral("Exit codes:"));
    if (exit >= 0) {
        table.exitCodes = usage.mid(exit).trimmed();
    }
    return table;
}

QStringList CompletionTable::verbNames() const
{
    QStringList names;
    for (const Verb& v : verbs) {
        names << v.name;
    }
    return names;
}

QStringList CompletionTable::actionsFromArguments(const QString& arguments)
{
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z0-9-]*$"));
    QStringList actions;
    for (const QString& alternative : arguments.split(QLatin1Char('|'))) {
        const QString first = alternative.trimmed().section(QLatin1Char(' '), 0, 0);
        if (word.match(first).hasMatch() && !actions.contains(first)) {
            actions << first;
        }
    }
    // A single lower-case word is a placeholder, not a choice ("occ open url" is not a thing).
    return actions.size() > 1 ? actions : QStringList();
}

QList<QCommandLineOption> CompletionTable::optionsFromHelp(const QString& helpSection)
{
    // Lines as Application.cpp's formatOptions() writes them:
    //   "  -q, --quiet" or "  --config FILE", then "      description".
    QList<QCommandLineOption> options;
    QStringList names;
    QString valueName;
    QString description;
    auto flush = [&]() {
        if (!names.isEmpty()) {
            options << QCommandLineOption(names, description.trimmed(), valueName);
        }
        names.clear();
        valueName.clear();
        description.clear();
    };
    for (const QString& line : helpSection.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("      "))) {
            description += QLatin1Char(' ') + line.trimmed();
        } else if (line.startsWith(QLatin1String("  -"))) {
            flush();
            for (const QString& part : line.trimmed().split(QStringLiteral(", "))) {
                const QString name = part.section(QLatin1Char(' '), 0, 0);
                const QString value = part.section(QLatin1Char(' '), 1);
                names << QString(name).remove(QRegularExpression(QStringLiteral("^-+")));
                if (!value.isEmpty()) {
                    valueName = value;
                }
            }
        }
    }
    flush();
    return options;
}

} // namespace occ::cli
