#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace occ {

// Where the Docker engine listens, resolved the way the `docker` CLI does it:
// DOCKER_HOST, then DOCKER_CONTEXT, then the current context in ~/.docker/config.json
// (its endpoint read from ~/.docker/contexts/meta/<sha256(name)>/meta.json), then the platform default
// (unix:///var/run/docker.sock, or npipe:////./pipe/docker_engine on Windows).
struct DockerEndpoint
{
    enum class Kind {
        Unix, // address = socket path
        NamedPipe, // address = pipe name, e.g. //./pipe/docker_engine
        Ssh, // address = [user@]host, port in `port` (0 = ssh's default); talks via `ssh ... docker system dial-stdio`
        Tcp, // address = host, port in `port`; HTTPS when tls is true
    };

    Kind kind = Kind::Unix;
    QString address;
    int port = 0;
    bool tls = false; // tcp only: talk HTTPS
    bool tlsVerify = false; // tcp only: verify the engine's certificate against certPath/ca.pem
    QString certPath; // folder with ca.pem, cert.pem, key.pem (DOCKER_CERT_PATH or the context's TLS folder)
    // ssh only: extra arguments for ssh, placed before the host (e.g. "-i", key, "-o", "StrictHostKeyChecking=no").
    // We always add "-o BatchMode=yes": nobody can answer a prompt. OCC_SSH_OPTIONS (space-separated) fills it
    // in resolve().
    QStringList sshOptions;
    QString source; // human words for where this came from: "DOCKER_HOST", "context \"foo\"", "default"

    // The endpoint as the `docker` CLI writes it: unix:///var/run/docker.sock, ssh://user@host:22, tcp://h:2376.
    QString toUrlString() const;

    // Parses a DOCKER_HOST-style URL. Returns nullopt and sets *error on bad input.
    static std::optional<DockerEndpoint> parse(const QString& hostUrl, QString* error = nullptr);

    // Resolves the endpoint from the environment and the Docker CLI's configuration under homeDir.
    // Never fails silently: a broken context is reported through *error and nullopt.
    static std::optional<DockerEndpoint> resolve(const QProcessEnvironment& env, const QString& homeDir,
                                                 QString* error = nullptr);
    static std::optional<DockerEndpoint> resolveFromSystem(QString* error = nullptr);
};

} // namespace occ
