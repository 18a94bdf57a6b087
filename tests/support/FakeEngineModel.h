#pragma once

// A small engine behind a FakeEngine: images, volumes, networks and containers that the scripted
// endpoints create, start, stop, rename and remove the way dockerd does, so a test can run a whole
// service start against it and then look at what the engine holds. A test overrides any endpoint with
// FakeEngine::on() (a later rule wins), e.g. to make a start fail with "port is already allocated".

#include "support/FakeEngine.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace occ::test {

class FakeEngineModel
{
public:
    struct Container
    {
        QString id;
        QString name;
        QString image; // as created: "repo:tag"
        QString imageId;
        QMap<QString, QString> labels;
        bool running = false;
        bool restarting = false;
        bool started = false; // ever started
        int exitCode = 0;
        QString health; // "", "starting", "healthy", "unhealthy"
        int restartCount = 0;
        QString networkMode;
        int archives = 0; // PUT .../archive it got

        nlohmann::json toJson() const;
    };

    explicit FakeEngineModel(FakeEngine* engine, const QByteArray& apiVersion = "1.41");

    FakeEngine* engine() const { return m_engine; }

    void addImage(const QString& ref, const QString& id);
    QString imageId(const QString& refOrId) const; // empty when there is no such image
    Container& addContainer(Container container);
    Container* container(const QString& idOrName);
    const QList<Container>& containers() const { return m_containers; }
    QStringList volumes() const { return m_volumes; }
    QStringList networks() const { return m_networks.keys(); }
    void addNetwork(const QString& name, const QMap<QString, QString>& labels);

    // The next builds fail: these lines of output, then the engine's error.
    void failBuilds(const QStringList& lines, const QString& error);

    // Called when a start made a container run; it may change the container (crash it, mark it unhealthy).
    std::function<void(Container&)> onStart;

private:
    void scriptImages();
    void scriptContainers();
    void scriptContainerChanges();
    void scriptVolumesAndNetworks();
    QByteArray build(const FakeEngine::Request& request);
    QByteArray create(const FakeEngine::Request& request);
    QByteArray noSuchContainer(const QString& idOrName) const;

    FakeEngine* m_engine;
    QMap<QString, QString> m_images; // ref → id
    QList<Container> m_containers;
    QStringList m_volumes;
    QMap<QString, QMap<QString, QString>> m_networks; // name → labels
    QStringList m_buildLines;
    QString m_buildError;
    int m_serial = 0;
};

} // namespace occ::test
