#include "cli/Application.h"

#include "cli/Command.h"
#include "cli/Context.h"
#include "cli/Output.h"
#include "core/logging/Logging.h"
#include "core/util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace occ::cli {
namespace {

QList<QCommandLineOption> globalOptions()
{
    return {
        {QStringLiteral("config"), QStringLiteral("Use FILE instead of the default config file (or set OCC_CONFIG)."),
         QStringLiteral("FILE")},
        {{QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("Print errors and results only.")},
        {{QStringLiteral("v"), QStringLiteral("verbose")},
         QStringLiteral("Print details; twice (-vv) also traces engine requests.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show help.")},
        {QStringLiteral("version"), QStringLiteral("Show the version.")},
    };
}

// Index of the verb: the first argument that is neither an option nor an option's value.
int findVerb(const QStringList& args)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("--config")) {
            ++i; // skip its value
            continue;
        }
        if (a == QLatin1String("--")) {
            return -1;
        }
        if (!a.startsWith(QLatin1Char('-'))) {
            return i;
        }
    }
    return -1;
}

QString optionSyntax(const QCommandLineOption& o)
{
    QStringList names;
    for (const QString& n : o.names()) {
        names << (n.size() == 1 ? QStringLiteral("-") + n : QStringLiteral("--") + n);
    }
    QString s = names.join(QStringLiteral(", "));
    if (!o.valueName().isEmpty()) {
        s += QLatin1Char(' ') + o.valueName();
    }
    return s;
}

QString formatOptions(const QList<QCommandLineOption>& options)
{
    QString text;
    for (const QCommandLineOption& o : options) {
        text += QStringLiteral("  %1\n      %2\n").arg(optionSyntax(o), o.description());
    }
    return text;
}

QString commandHelp(const Command& command)
{
    QString text =
        QStringLiteral("Usage: occ %1%2%3\n\n%4\n")
            .arg(command.name, command.options.isEmpty() ? QString() : QStringLiteral(" [options]"),
                 command.arguments.isEmpty() ? QString() : QLatin1Char(' ') + command.arguments, command.description);
    if (!command.details.isEmpty()) {
        text += QLatin1Char('\n') + command.details + QLatin1Char('\n');
    }
    if (!command.options.isEmpty()) {
        text += QStringLiteral("\nOptions:\n") + formatOptions(command.options);
    }
    text += QStringLiteral("\nGlobal options:\n") + formatOptions(globalOptions());
    return text;
}

// `occ help [VERB]`.
int help(const QString& topic, Output& output)
{
    if (const auto c = makeCommand(topic)) {
        output.result(commandHelp(*c).trimmed());
        return Ok;
    }
    if (!topic.isEmpty()) {
        output.error(QStringLiteral("unknown command \"%1\". Run `occ --help` for the list.").arg(topic));
        return Usage;
    }
    output.result(usageText().trimmed());
    return Ok;
}

// The global options and the verb's own; a verb's option wins over a global one of the same name
// (`occ update --version V`). Returns the verb's option names.
QStringList addOptions(QCommandLineParser& parser, const Command* command)
{
    QStringList verbNames;
    if (command) {
        for (const QCommandLineOption& o : command->options) {
            verbNames += o.names();
        }
    }
    for (const QCommandLineOption& o : globalOptions()) {
        if (!verbNames.contains(o.names().constFirst())) {
            parser.addOption(o);
        }
    }
    if (command) {
        parser.addOptions(command->options);
    }
    return verbNames;
}

// -q, -v, -vv for the output and for core's log (to stderr: warnings by default, steps with -v, engine
// requests with -vv).
int setVerbosity(const QCommandLineParser& parser, Output& output)
{
    int verbosity = parser.isSet(QStringLiteral("quiet")) ? -1 : 0;
    // optionNames() lists every occurrence, so -vv and -v -v both count twice.
    for (const QString& n : parser.optionNames()) {
        if (n == QLatin1String("v") || n == QLatin1String("verbose")) {
            verbosity += 1;
        }
    }
    output.setVerbosity(verbosity);
    Logging::Options logging;
    logging.verbosity = verbosity <= 0 ? -1 : verbosity;
    logging.toStderr = true;
    Logging::setup(logging);
    return verbosity;
}

} // namespace

QString usageText()
{
    QString text = QStringLiteral("Usage: occ [global options] <command> [options]\n\n"
                                  "Run opencode as a persistent, secure service.\n\nCommands:\n");
    for (const auto& c : makeCommands()) {
        if (!c->hidden) {
            text += QStringLiteral("  %1%2\n").arg(c->name.leftJustified(10), c->description);
        }
    }
    text += QStringLiteral("\nGlobal options:\n") + formatOptions(globalOptions());
    text += QStringLiteral("\nRun `occ help <command>` for a command's options.\n"
                           "Exit codes: 0 ok, 1 failure, 2 usage, 3 engine unreachable or permission denied,\n"
                           "4 config invalid, 5 not set up (status: 6 stopped, 7 unhealthy or starting).\n");
    return text;
}

int run(const QStringList& arguments, Output& output)
{
    const QStringList args = arguments.isEmpty() ? QStringList{QStringLiteral("occ")} : arguments;
    const int verbIndex = findVerb(args);

    std::unique_ptr<Command> command;
    if (verbIndex > 0) {
        const QString& verb = args.at(verbIndex);
        if (verb == QLatin1String("help")) {
            return help(verbIndex + 1 < args.size() ? args.at(verbIndex + 1) : QString(), output);
        }
        command = makeCommand(verb);
        if (!command) {
            output.error(QStringLiteral("unknown command \"%1\". Run `occ --help` for the list.").arg(verb));
            return Usage;
        }
    }

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QStringList verbNames = addOptions(parser, command.get());
    QStringList parseArgs = args;
    if (verbIndex > 0) {
        parseArgs.removeAt(verbIndex);
    }
    if (!parser.parse(parseArgs)) {
        output.error(parser.errorText()
                     + QStringLiteral(". Run `occ help %1`.").arg(command ? command->name : QString()));
        return Usage;
    }
    if (!verbNames.contains(QStringLiteral("version")) && parser.isSet(QStringLiteral("version"))) {
        output.result(QStringLiteral("occ %1 (opencode %2)").arg(applicationVersion(), pinnedOpencodeVersion()));
        return Ok;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        output.result((command ? commandHelp(*command) : usageText()).trimmed());
        return Ok;
    }
    if (!command) {
        output.error(QStringLiteral("no command given.\n") + usageText());
        return Usage;
    }
    const int verbosity = setVerbosity(parser, output);
    Context context(output, parser.value(QStringLiteral("config")), verbosity);
    return command->execute(context, parser);
}

} // namespace occ::cli
