#pragma once

#include "core/config/Config.h"

#include <QString>

#include <memory>
#include <optional>

namespace occ {
class ConfigStore;
class CredentialStore;
class DockerClient;
class DockerError;
class EngineConnection;
class ServiceController;
struct ServiceError;
} // namespace occ

namespace occ::cli {

class Output;

// What every command needs, made on demand: the output, the config (loaded once, with errors reported
// the same way everywhere), the credentials store and a connection to the engine.
class Context
{
public:
    Context(Output& output, QString configOverride, int verbosity);
    ~Context();

    Output& out() { return m_output; }
    int verbosity() const { return m_verbosity; }

    QString configPath() const;
    bool configExists() const;
    // The engine endpoint as the docker CLI writes it, and where it came from; empty before docker().
    QString endpointText() const;
    QString credentialsPath() const;
    ConfigStore& configStore();
    CredentialStore& credentials();

    // Loads the config. On failure prints one clear message and sets *exitCode (4 invalid, 5 not set up
    // when requireSetUp and there is no file). Without requireSetUp a missing file gives the defaults.
    std::optional<Config> loadConfig(int* exitCode, bool requireSetUp = true);

    // A client for the engine the config (docker.host) or the environment points at; nullptr with a
    // message and *exitCode = 3 when the endpoint cannot be resolved. Does not contact the engine.
    DockerClient* docker(const Config& config, int* exitCode);

    // The password (empty when none is stored); nullopt with a message for a broken credentials file.
    std::optional<QString> password(int* exitCode);
    bool savePassword(const QString& password, int* exitCode);
    // Saves through the store's lock (unknown keys kept, 0600); prints the error and sets *exitCode.
    bool saveConfig(const Config& config, int* exitCode);

    // A controller for the loaded config (config + password + engine), or nullptr with *exitCode set.
    std::unique_ptr<ServiceController> controller(const Config& config, int* exitCode);

    // Prints a service error and returns the exit code for it.
    int fail(const ServiceError& error);
    int fail(const DockerError& error);

private:
    Output& m_output;
    QString m_configOverride;
    int m_verbosity;
    std::unique_ptr<ConfigStore> m_store;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<EngineConnection> m_engine;
};

} // namespace occ::cli
