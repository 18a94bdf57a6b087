#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace occ {

// One app per user: the first instance listens on a local socket named after the user; a second one
// sends "show" to it and exits.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(QString name = defaultName(), QObject* parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the first instance (and now listens). False when another instance
    // answered and was told to show itself.
    bool claim();
    // Asks a running instance to show itself; true when it answered.
    bool notifyRunning() const;

    QString name() const { return m_name; }
    static QString defaultName();

Q_SIGNALS:
    void showRequested();

private:
    QString m_name;
    QLocalServer* m_server = nullptr;
};

} // namespace occ
