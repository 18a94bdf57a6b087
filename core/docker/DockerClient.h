#pragma once

#include "core/docker/ContainerSpec.h"
#include "core/docker/DockerError.h"
#include "core/docker/DockerTypes.h"
#include "core/docker/EngineSession.h"
#include "core/util/Result.h"

#include <QList>
#include <QObject>
#include <QPair>

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>

namespace occ {

class DockerNetworkAccessManager;
class EventStream;
class LogStream;

// The Docker Engine API, one method per call we need.
//
// The methods are SYNCHRONOUS: each spins a local QEventLoop until its reply finished. Use them
// from the CLI or from a worker thread that owns its own DockerClient and its own
// DockerNetworkAccessManager (both created in that thread), never from a GUI thread, where the
// nested loop would re-enter UI code. logs() and events() return ASYNC stream objects instead.
// The API version and the request cycle live in EngineSession.
class DockerClient : public QObject
{
    Q_OBJECT
public:
    explicit DockerClient(DockerNetworkAccessManager* nam, QObject* parent = nullptr);
    ~DockerClient() override;

    DockerNetworkAccessManager* networkAccessManager() const { return m_session.networkAccessManager(); }

    // The engine conversation every call goes through: API version, probe timeout, request cycle.
    EngineSession& session() { return m_session; }

    static constexpr int ProbeTimeoutMs = EngineSession::ProbeTimeoutMs;
    static constexpr int SshProbeTimeoutMs = EngineSession::SshProbeTimeoutMs;
    int probeTimeout() const { return m_session.probeTimeout(); }
    void setProbeTimeout(int ms) { m_session.setProbeTimeout(ms); }
    DockerResult<QString> negotiateApiVersion() { return m_session.negotiateApiVersion(); }
    QString apiVersion() const { return m_session.apiVersion(); }
    QString engineApiVersion() const { return m_session.engineApiVersion(); }

    // Engine
    DockerResult<Unit> ping();
    DockerResult<EngineVersion> version();
    DockerResult<nlohmann::json> info();

    // Images
    DockerResult<ImageInfo> inspectImage(const QString& ref);
    DockerResult<bool> imageExists(const QString& ref);
    DockerResult<Unit> tagImage(const QString& source, const QString& repo, const QString& tag);
    DockerResult<Unit> removeImage(const QString& ref, bool force = false);
    // Builds from a tar of the context (see TarWriter) and returns the image id ("sha256:...").
    // A failing step is an error even though the engine answers 200. cancel: set it from any
    // thread to abort the build (checked every 100 ms); the result is then Category::Cancelled.
    DockerResult<QString> buildImage(const QByteArray& tarContext, const BuildOptions& options,
                                     const std::function<void(const BuildProgress&)>& onProgress = {},
                                     std::atomic_bool* cancel = nullptr);

    // Volumes. createVolume is idempotent: an existing volume of that name is returned as is.
    DockerResult<VolumeInfo> createVolume(const QString& name, const Labels& labels = {});
    DockerResult<VolumeInfo> inspectVolume(const QString& name);
    DockerResult<Unit> removeVolume(const QString& name, bool force = false);
    // labelFilter: "key" or "key=value" entries, all of which must match.
    DockerResult<QVector<VolumeInfo>> listVolumes(const QStringList& labelFilter = {});

    // Networks. An existing name is Category::Conflict with isNameConflict().
    DockerResult<QString> createNetwork(const QString& name, const Labels& labels = {});
    DockerResult<NetworkInfo> inspectNetwork(const QString& name);
    DockerResult<Unit> removeNetwork(const QString& name);

    // Containers. start/stop on a container already in that state succeed (the engine's 304).
    DockerResult<QString> createContainer(const QString& name, const ContainerSpec& spec);
    DockerResult<Unit> startContainer(const QString& id);
    DockerResult<Unit> stopContainer(const QString& id, int timeoutSeconds = 10);
    DockerResult<Unit> restartContainer(const QString& id, int timeoutSeconds = 10);
    DockerResult<Unit> killContainer(const QString& id, const QString& signal = QStringLiteral("KILL"));
    // Named volumes are never removed; removeAnonymousVolumes removes the container's anonymous ones.
    DockerResult<Unit> removeContainer(const QString& id, bool force = false, bool removeAnonymousVolumes = false);
    // A container's new name (409 when taken). Lets a replacement be created beside the old one.
    DockerResult<Unit> renameContainer(const QString& id, const QString& newName);
    DockerResult<ContainerInfo> inspectContainer(const QString& id);
    // ping() and inspectContainer(id) in one round trip (`occ status` asks both every time; see
    // EngineSession::pingAndGet). When the ping fails, `container` holds the same error.
    struct PingAndInspect
    {
        DockerResult<Unit> ping;
        DockerResult<ContainerInfo> container;
    };
    PingAndInspect pingAndInspect(const QString& id);
    DockerResult<QVector<ContainerSummary>> listContainers(const QStringList& labelFilter = {}, bool all = true);
    // Blocks until the condition ("not-running", "next-exit", "removed") holds; returns the exit code.
    DockerResult<int> waitContainer(const QString& id, const QString& condition = QStringLiteral("not-running"));
    // Extracts a tar (see TarWriter) into the container at `path`, which must exist. Works on a
    // created, not yet started container: that is how secrets get in without touching env.
    DockerResult<Unit> putArchive(const QString& id, const QString& path, const QByteArray& tar);

    // Logs, async. If options.tty is unset the container is inspected first (synchronously) to
    // learn whether its output is framed. The stream is parented to `parent` (or unparented).
    LogStream* logs(const QString& id, const LogOptions& options, QObject* parent = nullptr);
    // Logs, blocking, for the CLI: onData gets each frame (stream 1 stdout, 2 stderr) straight
    // from the demuxer without copies. Returns when the stream ended (with follow: when the
    // container stopped) or *cancel became true (then Category::Cancelled).
    DockerResult<Unit> streamLogs(const QString& id, const LogOptions& options,
                                  const std::function<void(int stream, const char* data, size_t size)>& onData,
                                  std::atomic_bool* cancel = nullptr);

    // Events, async: filters like {"label": {"org.opencode-cloud.managed=true"}, "type": {"container"}};
    // since: unix seconds or RFC 3339, empty = only new events.
    EventStream* events(const QMap<QString, QStringList>& filters, const QString& since = {},
                        QObject* parent = nullptr);

    // The query part for GET /containers/{id}/logs, exposed for tests.
    static QString logsQuery(const LogOptions& options);

private:
    EngineSession m_session;
};

} // namespace occ
