#pragma once

#include "core/docker/ContainerSpec.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace occ {

struct Config;

// Everything the service's container is made of, derived from the config by pure functions so it can be
// unit-tested row by row and so `start` can tell, from a label, whether the running container still
// matches the config (a changed port or volume recreates it; the volumes themselves are kept).
namespace ServiceSpec {

// Labels we put on everything we create. ManagedLabel equals image::ManagedLabel.
inline constexpr char ManagedLabel[] = "org.opencode-cloud.managed";
inline constexpr char ConfigHashLabel[] = "org.opencode-cloud.config-hash";
inline constexpr char VolumeRoleLabel[] = "org.opencode-cloud.volume";

// The image's side of the contract (paths, port, uid) is in core/image/ImageLayout.h.

struct Volume
{
    QString role; // data, config, state, workspace
    QString name; // "<prefix>-data"
    QString target; // path in the container
};

// Named volumes for opencode's data (sessions, provider keys), config, state and the workspace.
// The workspace is a bind mount instead when volumes.workspace_path is set.
QVector<Volume> volumes(const Config& config);

// "<image.name>:<image.opencode_version>"
QString imageRef(const Config& config);

// The create body's source of truth. Never holds the password: it is injected as a file.
ContainerSpec containerSpec(const Config& config);

// A short, stable fingerprint of everything that requires recreating the container when it changes.
QString configHash(const ContainerSpec& spec);

// What a person types into a browser: network.public_url when set, else http://<bind>:<port>, or the
// front door's address when it is enabled (https://<bind>[:https_port] with TLS on); a wildcard bind
// is shown as localhost.
QString url(const Config& config);

// Where occ itself probes health from this machine: http://127.0.0.1:<port> for wildcard and loopback binds.
QString probeUrl(const Config& config);

// True for 127.0.0.0/8, ::1 and "localhost": nothing outside this machine can connect.
bool isLoopback(const QString& bind);

} // namespace ServiceSpec
} // namespace occ
