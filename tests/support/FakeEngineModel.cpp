#include "support/FakeEngineModel.h"

#include <QDateTime>

namespace occ::test {
namespace {

using nlohmann::json;

json labelsJson(const QMap<QString, QString>& labels)
{
    json object = json::object();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        object[it.key().toStdString()] = it.value().toStdString();
    }
    return object;
}

QMap<QString, QString> labelsFrom(const json& object)
{
    QMap<QString, QString> labels;
    if (object.is_object()) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it->is_string()) {
                labels.insert(QString::fromStdString(it.key()), QString::fromStdString(it->get<std::string>()));
            }
        }
    }
    return labels;
}

} // namespace

json FakeEngineModel::Container::toJson() const
{
    const QString status = restarting ? QStringLiteral("restarting")
        : running                     ? QStringLiteral("running")
        : started                     ? QStringLiteral("exited")
                                      : QStringLiteral("created");
    json state = {{"Status", status.toStdString()},
                  {"Running", running},
                  {"Restarting", restarting},
                  {"ExitCode", exitCode},
                  {"StartedAt", started ? "2026-12-03T10:00:00.123456789Z" : "0001-01-01T00:00:00Z"}};
    if (!health.isEmpty()) {
        state["Health"] = {{"Status", health.toStdString()}};
    }
    return {{"Id", id.toStdString()},
            {"Name", "/" + name.toStdString()},
            {"Image", imageId.toStdString()},
            {"RestartCount", restartCount},
            {"State", state},
            {"Config", {{"Image", image.toStdString()}, {"Tty", false}, {"Labels", labelsJson(labels)}}}};
}

FakeEngineModel::FakeEngineModel(FakeEngine* engine, const QByteArray& apiVersion)
    : m_engine(engine)
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::ping(apiVersion));
    scriptImages();
    scriptContainers();
    scriptContainerChanges();
    scriptVolumesAndNetworks();
}

void FakeEngineModel::addImage(const QString& ref, const QString& id)
{
    m_images.insert(ref, id);
}

QString FakeEngineModel::imageId(const QString& refOrId) const
{
    if (m_images.contains(refOrId)) {
        return m_images.value(refOrId);
    }
    for (const QString& id : m_images) {
        if (id == refOrId) {
            return id;
        }
    }
    return {};
}

FakeEngineModel::Container& FakeEngineModel::addContainer(Container container)
{
    if (container.id.isEmpty()) {
        container.id = QStringLiteral("c%1").arg(++m_serial, 63, 10, QLatin1Char('0'));
    }
    m_containers.append(std::move(container));
    return m_containers.last();
}

FakeEngineModel::Container* FakeEngineModel::container(const QString& idOrName)
{
    for (Container& c : m_containers) {
        if (c.id == idOrName || c.name == idOrName) {
            return &c;
        }
    }
    return nullptr;
}

void FakeEngineModel::addNetwork(const QString& name, const QMap<QString, QString>& labels)
{
    m_networks.insert(name, labels);
}

void FakeEngineModel::failBuilds(const QStringList& lines, const QString& error)
{
    m_buildLines = lines;
    m_buildError = error;
}

QByteArray FakeEngineModel::noSuchContainer(const QString& idOrName) const
{
    return FakeEngine::error(404, QStringLiteral("No such container: ") + idOrName);
}

void FakeEngineModel::scriptImages()
{
    m_engine->on("GET", QStringLiteral("/images/(.+)/json"), [this](const FakeEngine::Request& r) {
        const QString id = imageId(r.captures.value(0));
        if (id.isEmpty()) {
            return FakeEngine::error(404, QStringLiteral("No such image: ") + r.captures.value(0));
        }
        return FakeEngine::jsonOf(json{{"Id", id.toStdString()}, {"RepoTags", {r.captures.value(0).toStdString()}}});
    });
    m_engine->on("POST", QStringLiteral("/images/(.+)/tag"), [this](const FakeEngine::Request& r) {
        const QString id = imageId(r.captures.value(0));
        if (id.isEmpty()) {
            return FakeEngine::error(404, QStringLiteral("No such image: ") + r.captures.value(0));
        }
        m_images.insert(r.queryItem(QStringLiteral("repo")) + QLatin1Char(':') + r.queryItem(QStringLiteral("tag")),
                        id);
        return FakeEngine::noContent(201);
    });
    m_engine->on("POST", QStringLiteral("/build"), [this](const FakeEngine::Request& r) { return build(r); });
}

QByteArray FakeEngineModel::build(const FakeEngine::Request& request)
{
    QList<json> lines;
    if (!m_buildError.isEmpty()) {
        for (const QString& line : m_buildLines) {
            lines.append(json{{"stream", (line + QLatin1Char('\n')).toStdString()}});
        }
        lines.append(
            json{{"errorDetail", {{"message", m_buildError.toStdString()}}}, {"error", m_buildError.toStdString()}});
        return FakeEngine::buildStream(lines);
    }
    const QString id = QStringLiteral("sha256:built%1").arg(++m_serial);
    lines.append(json{{"stream", "Step 1/2 : FROM base\n"}});
    lines.append(json{{"stream", "Step 2/2 : RUN install opencode\n"}});
    lines.append(json{{"aux", {{"ID", id.toStdString()}}}});
    m_images.insert(request.queryItem(QStringLiteral("t")), id);
    return FakeEngine::buildStream(lines);
}

void FakeEngineModel::scriptContainers()
{
    m_engine->on("GET", QStringLiteral("/containers/([^/]+)/json"), [this](const FakeEngine::Request& r) {
        const Container* c = container(r.captures.value(0));
        return c ? FakeEngine::jsonOf(c->toJson()) : noSuchContainer(r.captures.value(0));
    });
    m_engine->on("POST", QStringLiteral("/containers/create"),
                 [this](const FakeEngine::Request& r) { return create(r); });
    m_engine->on("PUT", QStringLiteral("/containers/([^/]+)/archive"), [this](const FakeEngine::Request& r) {
        Container* c = container(r.captures.value(0));
        if (!c) {
            return noSuchContainer(r.captures.value(0));
        }
        ++c->archives;
        return FakeEngine::noContent(200);
    });
    m_engine->on("DELETE", QStringLiteral("/containers/([^/]+)"), [this](const FakeEngine::Request& r) {
        for (int i = 0; i < m_containers.size(); ++i) {
            if (m_containers[i].id == r.captures.value(0) || m_containers[i].name == r.captures.value(0)) {
                m_containers.removeAt(i);
                return FakeEngine::noContent();
            }
        }
        return noSuchContainer(r.captures.value(0));
    });
}

QByteArray FakeEngineModel::create(const FakeEngine::Request& request)
{
    const QString name = request.queryItem(QStringLiteral("name"));
    if (const Container* taken = container(name)) {
        return FakeEngine::error(409,
                                 QStringLiteral("Conflict. The container name \"/%1\" is already in use by "
                                                "container \"%2\".")
                                     .arg(name, taken->id));
    }
    const json body = request.json();
    Container c;
    c.name = name;
    c.image = QString::fromStdString(body.value("Image", std::string()));
    c.imageId = imageId(c.image);
    if (c.imageId.isEmpty()) {
        return FakeEngine::error(404, QStringLiteral("No such image: ") + c.image);
    }
    c.labels = labelsFrom(body.value("Labels", json::object()));
    const json host = body.value("HostConfig", json::object());
    c.networkMode = QString::fromStdString(host.value("NetworkMode", std::string()));
    const QString id = addContainer(c).id;
    return FakeEngine::jsonOf(json{{"Id", id.toStdString()}, {"Warnings", json::array()}}, 201);
}

void FakeEngineModel::scriptContainerChanges()
{
    m_engine->on("POST", QStringLiteral("/containers/([^/]+)/start"), [this](const FakeEngine::Request& r) {
        Container* c = container(r.captures.value(0));
        if (!c) {
            return noSuchContainer(r.captures.value(0));
        }
        c->running = true;
        c->started = true;
        c->exitCode = 0;
        if (onStart) {
            onStart(*c);
        }
        return FakeEngine::noContent();
    });
    m_engine->on("POST", QStringLiteral("/containers/([^/]+)/stop"), [this](const FakeEngine::Request& r) {
        Container* c = container(r.captures.value(0));
        if (!c) {
            return noSuchContainer(r.captures.value(0));
        }
        const bool was = c->running;
        c->running = false;
        c->restarting = false;
        return FakeEngine::noContent(was ? 204 : 304);
    });
    m_engine->on("POST", QStringLiteral("/containers/([^/]+)/rename"), [this](const FakeEngine::Request& r) {
        Container* c = container(r.captures.value(0));
        if (!c) {
            return noSuchContainer(r.captures.value(0));
        }
        const QString name = r.queryItem(QStringLiteral("name"));
        if (container(name)) {
            return FakeEngine::error(409, QStringLiteral("Conflict. The name \"%1\" is already in use").arg(name));
        }
        c->name = name;
        return FakeEngine::noContent();
    });
}

void FakeEngineModel::scriptVolumesAndNetworks()
{
    m_engine->on("POST", QStringLiteral("/volumes/create"), [this](const FakeEngine::Request& r) {
        const QString name = QString::fromStdString(r.json().value("Name", std::string()));
        if (!m_volumes.contains(name)) {
            m_volumes.append(name);
        }
        return FakeEngine::jsonOf(json{{"Name", name.toStdString()}, {"Driver", "local"}}, 201);
    });
    m_engine->on("GET", QStringLiteral("/networks/([^/]+)"), [this](const FakeEngine::Request& r) {
        const QString name = r.captures.value(0);
        if (!m_networks.contains(name)) {
            return FakeEngine::error(404, QStringLiteral("network %1 not found").arg(name));
        }
        return FakeEngine::jsonOf(json{{"Id", ("net-" + name).toStdString()},
                                       {"Name", name.toStdString()},
                                       {"Labels", labelsJson(m_networks.value(name))}});
    });
    m_engine->on("POST", QStringLiteral("/networks/create"), [this](const FakeEngine::Request& r) {
        const QString name = QString::fromStdString(r.json().value("Name", std::string()));
        m_networks.insert(name, labelsFrom(r.json().value("Labels", json::object())));
        return FakeEngine::jsonOf(json{{"Id", ("net-" + name).toStdString()}}, 201);
    });
    m_engine->on("DELETE", QStringLiteral("/networks/([^/]+)"), [this](const FakeEngine::Request& r) {
        QString name = r.captures.value(0);
        name.remove(QRegularExpression(QStringLiteral("^net-")));
        return m_networks.remove(name) > 0 ? FakeEngine::noContent()
                                           : FakeEngine::error(404, QStringLiteral("network not found"));
    });
}

} // namespace occ::test
