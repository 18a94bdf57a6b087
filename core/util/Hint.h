#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace occ {

// What a person can do about a failure, as a value. Core says which remedy fits and with what data; it
// never writes the advice itself, because the words depend on the front end: cli/HintText turns a hint
// into the `occ` (or shell) command to type, wizard/ErrorPresenter into a translated sentence and a
// button, and never into a command line.
struct Hint
{
    Q_GADGET
public:
    enum class Action {
        StartEngine, // no local Docker daemon answers: start it (or install it)
        JoinDockerGroup, // the engine's socket refuses us: join the docker group
        CheckSshAccess, // an ssh:// engine does not answer; target: "[-p PORT ]user@host"
        ChangePort, // the published host port is taken by another program
        ChangeContainerName, // the container name is taken by something not ours; target: that name
        SetPassword, // no password although one is needed
        BindLoopback, // listen on this machine only instead
        RunSetup, // nothing is set up yet
        EnableFrontDoor, // a TLS setting needs the front door, which is off
        ShowLogs, // the service's output says why; count: how many lines are worth reading
        FixConfigKey, // one key needs another value; key, target: an example value
        ListConfigKeys, // an unknown key: the list of keys helps
        ShowStatus, // the service behind a URL may be down: its host's status and logs say why
        PassCredentials, // a check from outside needs the user and password it should log in with
    };
    Q_ENUM(Action)

    Action action = Action::RunSetup;
    QString key; // FixConfigKey: the dotted key ("health.start_timeout_seconds")
    QString target; // FixConfigKey: an example value; CheckSshAccess: ssh's destination; ChangeContainerName: name
    int count = 0; // ShowLogs: lines

    static Hint of(Action what) { return withTarget(what, QString()); }
    static Hint withTarget(Action what, QString data)
    {
        Hint h;
        h.action = what;
        h.target = std::move(data);
        return h;
    }
    static Hint showLogs(int lines)
    {
        Hint h = of(Action::ShowLogs);
        h.count = lines;
        return h;
    }
    static Hint fixConfigKey(QString dottedKey, QString example)
    {
        Hint h = withTarget(Action::FixConfigKey, std::move(example));
        h.key = std::move(dottedKey);
        return h;
    }

    bool operator==(const Hint& o) const
    {
        return action == o.action && key == o.key && target == o.target && count == o.count;
    }
    bool operator!=(const Hint& o) const { return !(*this == o); }
};

using Hints = QList<Hint>;

} // namespace occ

Q_DECLARE_METATYPE(occ::Hint)
