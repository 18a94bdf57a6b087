#pragma once

// The plain value types DockerClient takes and returns, with their pure JSON parsers. They are
// small data records, kept together so the client's API reads in one place.

#include "core/docker/ContainerSpec.h"

#include <QDateTime>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <nlohmann/json.hpp>

#include <optional>

namespace occ {

using Labels = QMap<QString, QString>;

struct EngineVersion
{
    QString version; // "20.10.24+dfsg1"
    QString apiVersion; // "1.41"
    QString minApiVersion; // "1.12"
    QString os;
    QString arch;
    QString kernel;

    static EngineVersion fromJson(const nlohmann::json& json);
};

struct ImageInfo
{
    QString id; // "sha256:..."
    QStringList tags; // RepoTags
    QDateTime created;
    qint64 size = 0;
    Labels labels;
    nlohmann::json json; // the full inspect answer

    static ImageInfo fromJson(const nlohmann::json& json);
};

struct VolumeInfo
{
    QString name;
    QString driver;
    QString mountpoint;
    QDateTime createdAt;
    Labels labels;

    static VolumeInfo fromJson(const nlohmann::json& json);
};

struct NetworkInfo
{
    QString id;
    QString name;
    QString driver;
    Labels labels;

    static NetworkInfo fromJson(const nlohmann::json& json);
};

// GET /containers/{id}/json, without the environment: env carries secrets for some images, so it
// is not exposed as a field. `json` is the raw answer and DOES contain Config.Env: never print or log it.
struct ContainerInfo
{
    QString id;
    QString name; // without the leading '/'
    QString image; // as created, e.g. "opencode-cloud:1.2"
    QString imageId; // "sha256:..."
    QString status; // "created", "running", "paused", "restarting", "removing", "exited", "dead"
    bool running = false;
    bool restarting = false;
    QString health; // "" (no healthcheck), "starting", "healthy", "unhealthy"
    qint64 pid = 0;
    int exitCode = 0;
    QDateTime startedAt; // invalid when never started
    QDateTime finishedAt; // invalid when never finished
    int restartCount = 0;
    bool tty = false;
    Labels labels;
    QVector<ContainerSpec::PortBinding> portBindings; // what the engine actually published
    nlohmann::json json; // raw answer, contains Config.Env: do not print

    static ContainerInfo fromJson(const nlohmann::json& json);
};

// One row of GET /containers/json.
struct ContainerSummary
{
    QString id;
    QStringList names; // without the leading '/'
    QString image;
    QString imageId;
    QString state; // "running", "exited", ...
    QString status; // human words: "Up 3 minutes (healthy)"
    QDateTime created;
    Labels labels;

    static ContainerSummary fromJson(const nlohmann::json& json);
};

struct BuildOptions
{
    QStringList tags; // "repo:tag"
    QMap<QString, QString> buildArgs;
    QString dockerfile = QStringLiteral("Dockerfile"); // path inside the context
    Labels labels;
    bool noCache = false;
    bool pull = false;
    QString networkMode; // for RUN steps: "" = the engine's default (bridge), "none", "host"
};

struct BuildProgress
{
    QString line; // one line of output, without the trailing newline
    int step = 0; // from "Step N/M"; 0 until the first step
    int totalSteps = 0;
    qint64 current = 0; // progressDetail of a pull during the build
    qint64 total = 0;
};

struct LogOptions
{
    bool follow = false;
    QString since; // unix seconds ("1700000000.5") or RFC 3339; empty = from the start
    QString until; // same forms; empty = now / no end
    int tail = -1; // last N lines; -1 = all
    bool timestamps = false; // prefix each line with its RFC3339Nano time and a space
    bool stdoutOn = true;
    bool stderrOn = true;
    // Whether the container has a TTY (raw stream, no framing). nullopt: look it up first.
    std::optional<bool> tty;
};

struct DockerEvent
{
    QString type; // "container", "image", "volume", "network", ...
    QString action; // "start", "die", "health_status: healthy", ...
    QString actorId;
    QMap<QString, QString> attributes; // labels, "name", "image", "exitCode", ...
    QDateTime time;
    qint64 timeNano = 0;

    static DockerEvent fromJson(const nlohmann::json& json);
};

// Docker's timestamps are RFC 3339 with up to nine fractional digits ("RFC3339Nano"); Qt parses
// at most milliseconds. The zero time "0001-01-01T00:00:00Z" means "never" and gives an invalid QDateTime.
QDateTime parseDockerTime(const QString& text);

// The `since` for re-attaching a log stream right after a line stamped `timestamp` (RFC3339Nano,
// from LogOptions::timestamps): unix seconds with nanoseconds, one nanosecond later, because the
// engine's since is inclusive. Empty when the timestamp does not parse.
QString logSinceAfter(const QString& timestamp);

} // namespace occ

Q_DECLARE_METATYPE(occ::DockerEvent)
