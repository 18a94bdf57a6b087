#pragma once

#include <QLatin1String>
#include <QStringList>

namespace occ::image {

// The contract between occ and the image built from docker/Dockerfile. The Dockerfile and the two
// scripts in docker/ are the other side; TestImageContext and the image smoke test keep them in step.

// The non-root user opencode runs as. Its ids are fixed so files in named volumes and the password
// file written through the archive API (whose tar header carries the owner) match on every host.
inline constexpr QLatin1String User{"opencode"};
inline constexpr int Uid = 1000;
inline constexpr int Gid = 1000;
inline constexpr QLatin1String Home{"/home/opencode"};
inline constexpr QLatin1String Workspace{"/home/opencode/workspace"};

// The port `opencode serve` listens on inside the container.
inline constexpr int Port = 4096;

// The password: occ writes a tar with one entry, PasswordFileName (mode 0400, Uid/Gid), to
// PUT /containers/{id}/archive?path=PasswordDir after creating the container and before starting it.
// ImageContext::passwordArchive() builds that tar.
inline constexpr QLatin1String PasswordDir{"/run/opencode-cloud"};
inline constexpr QLatin1String PasswordFileName{"password"};
inline constexpr QLatin1String PasswordPath{"/run/opencode-cloud/password"};

// Environment the entrypoint reads. None of them is secret.
inline constexpr QLatin1String UsernameEnv{"OCC_USERNAME"}; // basic auth user, default "opencode"
// "1" lets opencode start without a password file; occ sets it only for a loopback-bound port with
// auth explicitly off.
inline constexpr QLatin1String AllowNoPasswordEnv{"OCC_ALLOW_NO_PASSWORD"};
inline constexpr QLatin1String DefaultUsername{"opencode"};

// The entrypoint's exit code when it refuses to start (no or empty password file): EX_CONFIG.
// A restart policy cannot fix it, so occ reports it instead of waiting for health.
inline constexpr int ExitNoPassword = 78;

// Mount targets for named volumes. The image creates them owned by the user, so a new named volume
// inherits that ownership when it is first mounted.
inline constexpr QLatin1String DataDir{"/home/opencode/.local/share/opencode"}; // opencode.db, auth.json
inline constexpr QLatin1String ConfigDir{"/home/opencode/.config/opencode"};
inline constexpr QLatin1String StateDir{"/home/opencode/.local/state/opencode"};
inline QStringList volumePaths()
{
    return {DataDir, ConfigDir, StateDir, Workspace};
}

// Labels on the image.
inline constexpr QLatin1String ManagedLabel{"org.opencode-cloud.managed"};
inline constexpr QLatin1String OpencodeVersionLabel{"org.opencode-cloud.opencode-version"};
// sha256 of the build context and build args; a different value means the image is stale.
inline constexpr QLatin1String ContextHashLabel{"org.opencode-cloud.context-hash"};

} // namespace occ::image
