#include "core/docker/DockerTypes.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace occ {

namespace {

using nlohmann::json;

// Tolerant readers: a field the engine leaves out or sets to null reads as empty, so an engine
// version with a slightly different answer degrades one field instead of failing the whole call.
const json* field(const json& object, const char* key)
{
    if (!object.is_object()) {
        return nullptr;
    }
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

QString str(const json& object, const char* key)
{
    const json* value = field(object, key);
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
}

qint64 integer(const json& object, const char* key)
{
    const json* value = field(object, key);
    if (!value || !value->is_number()) {
        return 0;
    }
    if (value->is_number_float()) {
        // Converting a double outside qint64's range is undefined behaviour (found by FuzzEventStream):
        // such a value means nothing to us, so it reads as absent.
        const double number = value->get<double>();
        constexpr double limit = 9223372036854775808.0; // 2^63
        return number >= -limit && number < limit ? static_cast<qint64>(number) : 0;
    }
    return value->get<qint64>();
}

bool boolean(const json& object, const char* key)
{
    const json* value = field(object, key);
    return value && value->is_boolean() && value->get<bool>();
}

const json& object(const json& parent, const char* key)
{
    static const json empty = json::object();
    const json* value = field(parent, key);
    return value && value->is_object() ? *value : empty;
}

QStringList strings(const json& parent, const char* key)
{
    QStringList list;
    const json* value = field(parent, key);
    if (value && value->is_array()) {
        for (const json& item : *value) {
            if (item.is_string()) {
                list.append(QString::fromStdString(item.get<std::string>()));
            }
        }
    }
    return list;
}

QMap<QString, QString> stringMap(const json& parent, const char* key)
{
    QMap<QString, QString> map;
    const json& source = object(parent, key);
    for (auto it = source.begin(); it != source.end(); ++it) {
        if (it->is_string()) {
            map.insert(QString::fromStdString(it.key()), QString::fromStdString(it->get<std::string>()));
        }
    }
    return map;
}

QString withoutSlash(QString name)
{
    if (name.startsWith(QLatin1Char('/'))) {
        name.remove(0, 1);
    }
    return name;
}

} // namespace

QDateTime parseDockerTime(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$)"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch() || m.captured(1).startsWith(QLatin1String("0001-"))) {
        return {};
    }
    const QString ms = (m.captured(3) + QStringLiteral("000")).left(3);
    const QString iso = m.captured(1) + QLatin1Char('T') + m.captured(2) + QLatin1Char('.') + ms + m.captured(4);
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QString logSinceAfter(const QString& timestamp)
{
    static const QRegularExpression re(QStringLiteral(R"(^([^.Z+]+)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$)"));
    const QRegularExpressionMatch m = re.match(timestamp.trimmed());
    if (!m.hasMatch()) {
        return {};
    }
    const QDateTime seconds = QDateTime::fromString(m.captured(1) + m.captured(3), Qt::ISODate);
    if (!seconds.isValid()) {
        return {};
    }
    qint64 secs = seconds.toSecsSinceEpoch();
    qint64 nanos = (m.captured(2) + QStringLiteral("000000000")).left(9).toLongLong() + 1;
    if (nanos >= 1000000000) {
        nanos -= 1000000000;
        ++secs;
    }
    return QStringLiteral("%1.%2").arg(secs).arg(nanos, 9, 10, QLatin1Char('0'));
}

EngineVersion EngineVersion::fromJson(const nlohmann::json& j)
{
    return EngineVersion{str(j, "Version"), str(j, "ApiVersion"), str(j, "MinAPIVersion"),
                         str(j, "Os"),      str(j, "Arch"),       str(j, "KernelVersion")};
}

ImageInfo ImageInfo::fromJson(const nlohmann::json& j)
{
    ImageInfo info;
    info.id = str(j, "Id");
    info.tags = strings(j, "RepoTags");
    info.created = parseDockerTime(str(j, "Created"));
    info.size = integer(j, "Size");
    info.labels = stringMap(object(j, "Config"), "Labels");
    info.json = j;
    return info;
}

VolumeInfo VolumeInfo::fromJson(const nlohmann::json& j)
{
    return VolumeInfo{str(j, "Name"), str(j, "Driver"), str(j, "Mountpoint"), parseDockerTime(str(j, "CreatedAt")),
                      stringMap(j, "Labels")};
}

NetworkInfo NetworkInfo::fromJson(const nlohmann::json& j)
{
    return NetworkInfo{str(j, "Id"), str(j, "Name"), str(j, "Driver"), stringMap(j, "Labels")};
}

ContainerInfo ContainerInfo::fromJson(const nlohmann::json& j)
{
    ContainerInfo info;
    const nlohmann::json& state = object(j, "State");
    const nlohmann::json& config = object(j, "Config");
    info.id = str(j, "Id");
    info.name = withoutSlash(str(j, "Name"));
    info.image = str(config, "Image");
    info.imageId = str(j, "Image");
    info.status = str(state, "Status");
    info.running = boolean(state, "Running");
    info.restarting = boolean(state, "Restarting");
    info.health = str(object(state, "Health"), "Status");
    info.pid = integer(state, "Pid");
    info.exitCode = static_cast<int>(integer(state, "ExitCode"));
    info.startedAt = parseDockerTime(str(state, "StartedAt"));
    info.finishedAt = parseDockerTime(str(state, "FinishedAt"));
    info.restartCount = static_cast<int>(integer(j, "RestartCount"));
    info.tty = boolean(config, "Tty");
    info.labels = stringMap(config, "Labels");
    const nlohmann::json& ports = object(object(j, "NetworkSettings"), "Ports");
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        if (!it->is_array()) {
            continue; // exposed but not published
        }
        for (const nlohmann::json& binding : *it) {
            info.portBindings.append(
                {QString::fromStdString(it.key()), str(binding, "HostIp"), str(binding, "HostPort")});
        }
    }
    info.json = j;
    return info;
}

ContainerSummary ContainerSummary::fromJson(const nlohmann::json& j)
{
    ContainerSummary summary;
    summary.id = str(j, "Id");
    for (const QString& name : strings(j, "Names")) {
        summary.names.append(withoutSlash(name));
    }
    summary.image = str(j, "Image");
    summary.imageId = str(j, "ImageID");
    summary.state = str(j, "State");
    summary.status = str(j, "Status");
    summary.created = QDateTime::fromSecsSinceEpoch(integer(j, "Created"), QTimeZone::utc());
    summary.labels = stringMap(j, "Labels");
    return summary;
}

DockerEvent DockerEvent::fromJson(const nlohmann::json& j)
{
    DockerEvent event;
    event.type = str(j, "Type");
    event.action = str(j, "Action");
    const json& actor = object(j, "Actor");
    event.actorId = str(actor, "ID");
    event.attributes = stringMap(actor, "Attributes");
    event.timeNano = integer(j, "timeNano");
    event.time = event.timeNano != 0 ? QDateTime::fromMSecsSinceEpoch(event.timeNano / 1000000, QTimeZone::utc())
                                     : QDateTime::fromSecsSinceEpoch(integer(j, "time"), QTimeZone::utc());
    return event;
}

} // namespace occ
