#pragma once

#include "core/util/Version.h"

#include <QString>

namespace occ {

// The contents of config.json. Plain data: defaults live here, in the member initialisers, and
// ConfigSchema derives every default it documents from a default-constructed Config. Never secrets.
struct Config
{
    int version = 1; // "version"
    QString containerName = QStringLiteral("opencode-cloud"); // "service.container_name"
    QString bind = QStringLiteral("127.0.0.1"); // "network.bind"   (IPv4/IPv6 literal or "localhost")
    int port = 4096; // "network.port"   1..65535
    QString publicUrl; // "network.public_url" (empty or http(s)://host[:port] with no path other than "/")
    QString username = QStringLiteral("opencode"); // "auth.username"
    QString imageName = QStringLiteral("opencode-cloud"); // "image.name" (repository; tag is the opencode version)
    QString imageBase = QStringLiteral("ubuntu:24.04"); // "image.base"
    QString opencodeVersion = occ::pinnedOpencodeVersion(); // "image.opencode_version"
    QString opencodeBinary; // "image.opencode_binary" (empty = download from npm; else a host path to the binary)
    bool imageExtraCaCerts = false; // "image.extra_ca_certs" (add /usr/local/share/ca-certificates/*.crt)
    QString restartPolicy = QStringLiteral("unless-stopped"); // "restart.policy" no|always|unless-stopped|on-failure
    int restartMaxRetries = 5; // "restart.max_retries" 0..1000
    int restartDelaySeconds = 5; // "restart.delay_seconds" 1..3600
    int restartWindowSeconds = 300; // "restart.window_seconds" 10..86400
    QString volumePrefix = QStringLiteral("opencode-cloud"); // "volumes.prefix" ([a-zA-Z0-9][a-zA-Z0-9_.-]*)
    QString workspacePath; // "volumes.workspace_path" (empty = named volume; else absolute host folder)
    QString dockerHost; // "docker.host" (empty = like the docker CLI: DOCKER_HOST / context)
    int healthTimeoutSeconds = 180; // "health.start_timeout_seconds" 5..3600
    int healthProbeIntervalSeconds = 10; // "health.probe_interval_seconds" 2..3600
    int healthFailureThreshold = 3; // "health.failure_threshold" 1..100
    // The front door (core/frontdoor): a Caddy container in front of opencode on a private network.
    bool frontDoorEnabled = false; // "frontdoor.enabled"
    int frontDoorHttpPort = 80; // "frontdoor.http_port" 1..65535
    int frontDoorHttpsPort = 443; // "frontdoor.https_port" 1..65535
    QString frontDoorTrustedProxies; // "frontdoor.trusted_proxies" (CIDRs, comma or space separated)
    QString tlsMode = QStringLiteral("off"); // "tls.mode" off|files|internal|acme
    QString tlsCertFile; // "tls.cert_file" (absolute host path, files mode)
    QString tlsKeyFile; // "tls.key_file" (absolute host path, files mode)
    QString tlsAcmeEmail; // "tls.acme_email" (acme mode)
};

} // namespace occ
