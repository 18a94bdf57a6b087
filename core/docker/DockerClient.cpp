#include "core/docker/DockerClient.h"

#include "core/logging/Logging.h"

#include "core/docker/ApiVersion.h"
#include "core/docker/BuildStreamParser.h"
#include "core/docker/EventStream.h"
#include "core/docker/LogDemuxer.h"
#include "core/docker/LogStream.h"
#include "core/transport/DockerNetworkAccessManager.h"

#include <QNetworkReply>
#include <QUrl>

namespace occ {

namespace {

using nlohmann::json;

// Path segments and query values are percent-encoded; image references keep their '/', ':'
// and '@' because the engine routes /images/{name:.*}/... on the decoded path either way.
QString segment(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString imageSegment(const QString& ref)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(ref, "/:@"));
}

QString query(const QList<QPair<QString, QString>>& items)
{
    QStringList parts;
    for (const auto& item : items) {
        parts.append(item.first + QLatin1Char('=') + segment(item.second));
    }
    return parts.isEmpty() ? QString() : QLatin1Char('?') + parts.join(QLatin1Char('&'));
}

QString flag(bool value)
{
    return value ? QStringLiteral("1") : QStringLiteral("0");
}

QString jsonString(const json& value)
{
    return QString::fromStdString(value.dump());
}

json toJson(const Labels& labels)
{
    json object = json::object();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        object[it.key().toStdString()] = it.value().toStdString();
    }
    return object;
}

QString labelFilters(const QStringList& labelFilter)
{
    json labels = json::array();
    for (const QString& label : labelFilter) {
        labels.push_back(label.toStdString());
    }
    return jsonString(json{{"label", labels}});
}

} // namespace

DockerClient::DockerClient(DockerNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_session(nam)
{ }

DockerClient::~DockerClient() = default;

// ---- engine ----

DockerResult<Unit> DockerClient::ping()
{
    return m_session.ping();
}

DockerResult<EngineVersion> DockerClient::version()
{
    auto result = m_session.requestJson("GET", QStringLiteral("/version"));
    if (!result) {
        return result.error();
    }
    return EngineVersion::fromJson(*result);
}

DockerResult<json> DockerClient::info()
{
    return m_session.requestJson("GET", QStringLiteral("/info"));
}

// ---- images ----

DockerResult<ImageInfo> DockerClient::inspectImage(const QString& ref)
{
    auto result = m_session.requestJson("GET", QStringLiteral("/images/%1/json").arg(imageSegment(ref)));
    if (!result) {
        return result.error();
    }
    return ImageInfo::fromJson(*result);
}

DockerResult<bool> DockerClient::imageExists(const QString& ref)
{
    auto result = inspectImage(ref);
    if (result) {
        return true;
    }
    if (result.error().category() == DockerError::Category::NotFound) {
        return false;
    }
    return result.error();
}

DockerResult<Unit> DockerClient::tagImage(const QString& source, const QString& repo, const QString& tag)
{
    return m_session.requestUnit("POST",
                                 QStringLiteral("/images/%1/tag").arg(imageSegment(source))
                                     + query({{QStringLiteral("repo"), repo}, {QStringLiteral("tag"), tag}}));
}

DockerResult<Unit> DockerClient::removeImage(const QString& ref, bool force)
{
    return m_session.requestUnit("DELETE",
                                 QStringLiteral("/images/%1").arg(imageSegment(ref))
                                     + query({{QStringLiteral("force"), flag(force)}}));
}

DockerResult<QString> DockerClient::buildImage(const QByteArray& tarContext, const BuildOptions& options,
                                               const std::function<void(const BuildProgress&)>& onProgress,
                                               std::atomic_bool* cancel)
{
    QList<QPair<QString, QString>> items;
    for (const QString& tag : options.tags) {
        items.append({QStringLiteral("t"), tag});
    }
    items.append({QStringLiteral("dockerfile"), options.dockerfile});
    if (!options.buildArgs.isEmpty()) {
        items.append({QStringLiteral("buildargs"), jsonString(toJson(options.buildArgs))});
    }
    if (!options.labels.isEmpty()) {
        items.append({QStringLiteral("labels"), jsonString(toJson(options.labels))});
    }
    items.append({QStringLiteral("nocache"), flag(options.noCache)});
    items.append({QStringLiteral("pull"), flag(options.pull)});
    if (!options.networkMode.isEmpty()) {
        items.append({QStringLiteral("networkmode"), options.networkMode});
    }
    // Remove intermediate containers even when a step fails, so failed builds leave nothing behind.
    items.append({QStringLiteral("rm"), QStringLiteral("1")});
    items.append({QStringLiteral("forcerm"), QStringLiteral("1")});

    BuildStreamParser parser(onProgress);
    auto response = m_session.request(
        "POST", QStringLiteral("/build") + query(items), tarContext, "application/x-tar", 0, true,
        [&parser](const QByteArray& chunk) {
            parser.feed(chunk);
            return true;
        },
        cancel);
    if (!response) {
        return response.error();
    }
    parser.finish();
    if (parser.hasError()) {
        return m_session.withEndpoint(parser.error());
    }
    if (parser.imageId().isEmpty()) {
        return m_session.localError(DockerError::Category::Parse,
                                    QStringLiteral("the build ended without an image id"));
    }
    return parser.imageId();
}

// ---- volumes ----

DockerResult<VolumeInfo> DockerClient::createVolume(const QString& name, const Labels& labels)
{
    const json body = {{"Name", name.toStdString()}, {"Labels", toJson(labels)}};
    auto result =
        m_session.requestJson("POST", QStringLiteral("/volumes/create"), QByteArray::fromStdString(body.dump()));
    if (!result) {
        // The local driver returns an existing volume; other drivers may refuse, which is fine too.
        if (result.error().category() == DockerError::Category::Conflict) {
            return inspectVolume(name);
        }
        return result.error();
    }
    return VolumeInfo::fromJson(*result);
}

DockerResult<VolumeInfo> DockerClient::inspectVolume(const QString& name)
{
    auto result = m_session.requestJson("GET", QStringLiteral("/volumes/%1").arg(segment(name)));
    if (!result) {
        return result.error();
    }
    return VolumeInfo::fromJson(*result);
}

DockerResult<Unit> DockerClient::removeVolume(const QString& name, bool force)
{
    return m_session.requestUnit(
        "DELETE", QStringLiteral("/volumes/%1").arg(segment(name)) + query({{QStringLiteral("force"), flag(force)}}));
}

DockerResult<QVector<VolumeInfo>> DockerClient::listVolumes(const QStringList& labelFilter)
{
    auto result = m_session.requestJson(
        "GET",
        QStringLiteral("/volumes")
            + (labelFilter.isEmpty() ? QString() : query({{QStringLiteral("filters"), labelFilters(labelFilter)}})));
    if (!result) {
        return result.error();
    }
    QVector<VolumeInfo> volumes;
    auto list = result->find("Volumes");
    if (list != result->end() && list->is_array()) {
        for (const json& volume : *list) {
            volumes.append(VolumeInfo::fromJson(volume));
        }
    }
    return volumes;
}

// ---- networks ----

DockerResult<QString> DockerClient::createNetwork(const QString& name, const Labels& labels)
{
    const json body = {{"Name", name.toStdString()}, {"Labels", toJson(labels)}, {"CheckDuplicate", true}};
    auto result =
        m_session.requestJson("POST", QStringLiteral("/networks/create"), QByteArray::fromStdString(body.dump()));
    if (!result) {
        return result.error();
    }
    return QString::fromStdString(result->value("Id", std::string()));
}

DockerResult<NetworkInfo> DockerClient::inspectNetwork(const QString& name)
{
    auto result = m_session.requestJson("GET", QStringLiteral("/networks/%1").arg(segment(name)));
    if (!result) {
        return result.error();
    }
    return NetworkInfo::fromJson(*result);
}

DockerResult<Unit> DockerClient::removeNetwork(const QString& name)
{
    return m_session.requestUnit("DELETE", QStringLiteral("/networks/%1").arg(segment(name)));
}

// ---- containers ----

DockerResult<QString> DockerClient::createContainer(const QString& name, const ContainerSpec& spec)
{
    const QString path =
        QStringLiteral("/containers/create") + (name.isEmpty() ? QString() : query({{QStringLiteral("name"), name}}));
    auto result = m_session.requestJson("POST", path, QByteArray::fromStdString(spec.toCreateBody().dump()));
    if (!result) {
        return result.error();
    }
    const QString id = QString::fromStdString(result->value("Id", std::string()));
    if (id.isEmpty()) {
        return m_session.localError(DockerError::Category::Parse,
                                    QStringLiteral("container create answered without an Id"));
    }
    return id;
}

DockerResult<Unit> DockerClient::startContainer(const QString& id)
{
    // 304 (already started) is below 400, so it is success.
    return m_session.requestUnit("POST", QStringLiteral("/containers/%1/start").arg(segment(id)));
}

DockerResult<Unit> DockerClient::stopContainer(const QString& id, int timeoutSeconds)
{
    // The engine answers only after the container stopped: allow its grace period plus a margin.
    return m_session.requestUnit("POST",
                                 QStringLiteral("/containers/%1/stop").arg(segment(id))
                                     + query({{QStringLiteral("t"), QString::number(timeoutSeconds)}}),
                                 {}, qMax(0, timeoutSeconds) * 1000 + DockerNetworkAccessManager::DefaultTimeoutMs);
}

DockerResult<Unit> DockerClient::restartContainer(const QString& id, int timeoutSeconds)
{
    return m_session.requestUnit("POST",
                                 QStringLiteral("/containers/%1/restart").arg(segment(id))
                                     + query({{QStringLiteral("t"), QString::number(timeoutSeconds)}}),
                                 {}, qMax(0, timeoutSeconds) * 1000 + DockerNetworkAccessManager::DefaultTimeoutMs);
}

DockerResult<Unit> DockerClient::killContainer(const QString& id, const QString& signal)
{
    return m_session.requestUnit(
        "POST", QStringLiteral("/containers/%1/kill").arg(segment(id)) + query({{QStringLiteral("signal"), signal}}));
}

DockerResult<Unit> DockerClient::removeContainer(const QString& id, bool force, bool removeAnonymousVolumes)
{
    return m_session.requestUnit(
        "DELETE",
        QStringLiteral("/containers/%1").arg(segment(id))
            + query({{QStringLiteral("force"), flag(force)}, {QStringLiteral("v"), flag(removeAnonymousVolumes)}}));
}

DockerResult<Unit> DockerClient::renameContainer(const QString& id, const QString& newName)
{
    return m_session.requestUnit(
        "POST", QStringLiteral("/containers/%1/rename").arg(segment(id)) + query({{QStringLiteral("name"), newName}}));
}

DockerResult<ContainerInfo> DockerClient::inspectContainer(const QString& id)
{
    auto result = m_session.requestJson("GET", QStringLiteral("/containers/%1/json").arg(segment(id)));
    if (!result) {
        return result.error();
    }
    return ContainerInfo::fromJson(*result);
}

DockerClient::PingAndInspect DockerClient::pingAndInspect(const QString& id)
{
    auto answer = m_session.pingAndGet(QStringLiteral("/containers/%1/json").arg(segment(id)));
    if (!answer.answer) {
        return {answer.ping, answer.answer.error()};
    }
    return {answer.ping, ContainerInfo::fromJson(*answer.answer)};
}

DockerResult<QVector<ContainerSummary>> DockerClient::listContainers(const QStringList& labelFilter, bool all)
{
    QList<QPair<QString, QString>> items{{QStringLiteral("all"), flag(all)}};
    if (!labelFilter.isEmpty()) {
        items.append({QStringLiteral("filters"), labelFilters(labelFilter)});
    }
    auto result = m_session.requestJson("GET", QStringLiteral("/containers/json") + query(items));
    if (!result) {
        return result.error();
    }
    QVector<ContainerSummary> list;
    if (result->is_array()) {
        for (const json& item : *result) {
            list.append(ContainerSummary::fromJson(item));
        }
    }
    return list;
}

DockerResult<int> DockerClient::waitContainer(const QString& id, const QString& condition)
{
    auto result = m_session.requestJson("POST",
                                        QStringLiteral("/containers/%1/wait").arg(segment(id))
                                            + query({{QStringLiteral("condition"), condition}}),
                                        {}, 0);
    if (!result) {
        return result.error();
    }
    auto error = result->find("Error");
    if (error != result->end() && error->is_object() && error->contains("Message") && (*error)["Message"].is_string()
        && !(*error)["Message"].get<std::string>().empty()) {
        return m_session.localError(DockerError::Category::Server,
                                    QString::fromStdString((*error)["Message"].get<std::string>()));
    }
    auto code = result->find("StatusCode");
    if (code == result->end() || !code->is_number()) {
        return m_session.localError(DockerError::Category::Parse, QStringLiteral("wait answered without a StatusCode"));
    }
    return code->get<int>();
}

DockerResult<Unit> DockerClient::putArchive(const QString& id, const QString& path, const QByteArray& tar)
{
    auto response = m_session.request(
        "PUT", QStringLiteral("/containers/%1/archive").arg(segment(id)) + query({{QStringLiteral("path"), path}}), tar,
        "application/x-tar");
    if (!response) {
        return response.error();
    }
    return Unit{};
}

// ---- logs ----

QString DockerClient::logsQuery(const LogOptions& options)
{
    QList<QPair<QString, QString>> items{
        {QStringLiteral("stdout"), flag(options.stdoutOn)},
        {QStringLiteral("stderr"), flag(options.stderrOn)},
        {QStringLiteral("follow"), flag(options.follow)},
        {QStringLiteral("timestamps"), flag(options.timestamps)},
        {QStringLiteral("tail"), options.tail < 0 ? QStringLiteral("all") : QString::number(options.tail)},
    };
    if (!options.since.isEmpty()) {
        items.append({QStringLiteral("since"), options.since});
    }
    if (!options.until.isEmpty()) {
        items.append({QStringLiteral("until"), options.until});
    }
    return query(items);
}

LogStream* DockerClient::logs(const QString& id, const LogOptions& options, QObject* parent)
{
    auto negotiated = m_session.negotiateApiVersion();
    if (!negotiated) {
        return new LogStream(negotiated.error(), parent);
    }
    bool tty = false;
    if (options.tty) {
        tty = *options.tty;
    } else {
        auto info = inspectContainer(id);
        if (!info) {
            return new LogStream(info.error(), parent);
        }
        tty = info->tty;
    }
    QNetworkReply* reply = m_session.send(
        "GET", m_session.versionedPath(QStringLiteral("/containers/%1/logs").arg(segment(id)) + logsQuery(options)), {},
        {}, 0);
    return new LogStream(reply, tty, parent);
}

DockerResult<Unit>
DockerClient::streamLogs(const QString& id, const LogOptions& options,
                         const std::function<void(int stream, const char* data, size_t size)>& onData,
                         std::atomic_bool* cancel)
{
    bool tty = false;
    if (options.tty) {
        tty = *options.tty;
    } else {
        auto info = inspectContainer(id);
        if (!info) {
            return info.error();
        }
        tty = info->tty;
    }
    LogDemuxer demuxer;
    auto response = m_session.request(
        "GET", QStringLiteral("/containers/%1/logs").arg(segment(id)) + logsQuery(options), {}, {}, 0, true,
        [&](const QByteArray& chunk) {
            if (tty) {
                onData(1, chunk.constData(), static_cast<size_t>(chunk.size()));
                return true;
            }
            return demuxer.feed(chunk.constData(), static_cast<size_t>(chunk.size()), onData);
        },
        cancel);
    if (demuxer.hasError()) {
        return m_session.localError(DockerError::Category::Parse, demuxer.errorString());
    }
    if (!response) {
        return response.error();
    }
    if (!demuxer.isAtFrameBoundary()) {
        return m_session.localError(DockerError::Category::Connection,
                                    QStringLiteral("the log stream ended mid-frame"));
    }
    return Unit{};
}

// ---- events ----

EventStream* DockerClient::events(const QMap<QString, QStringList>& filters, const QString& since, QObject* parent)
{
    auto negotiated = m_session.negotiateApiVersion();
    if (!negotiated) {
        return new EventStream(negotiated.error(), parent);
    }
    QList<QPair<QString, QString>> items;
    if (!filters.isEmpty()) {
        json object = json::object();
        for (auto it = filters.cbegin(); it != filters.cend(); ++it) {
            json values = json::array();
            for (const QString& value : it.value()) {
                values.push_back(value.toStdString());
            }
            object[it.key().toStdString()] = values;
        }
        items.append({QStringLiteral("filters"), jsonString(object)});
    }
    if (!since.isEmpty()) {
        items.append({QStringLiteral("since"), since});
    }
    QNetworkReply* reply =
        m_session.send("GET", m_session.versionedPath(QStringLiteral("/events") + query(items)), {}, {}, 0);
    return new EventStream(reply, parent);
}

} // namespace occ
