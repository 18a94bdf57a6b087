#include "cli/Context.h"

#include "cli/ExitCode.h"
#include "cli/HintText.h"
#include "cli/Output.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/config/FileCredentialStore.h"
#include "core/docker/DockerClient.h"
#include "core/logging/Logging.h"
#include "core/service/EngineConnection.h"
#include "core/service/ServiceController.h"
#include "core/transport/DockerEndpoint.h"

#include <QFileInfo>

namespace occ::cli {

Context::Context(Output& output, QString configOverride, int verbosity)
    : m_output(output)
    , m_configOverride(std::move(configOverride))
    , m_verbosity(verbosity)
{ }

Context::~Context() = default;

QString Context::configPath() const
{
    return ConfigPaths::configFile(m_configOverride);
}

QString Context::credentialsPath() const
{
    return ConfigPaths::credentialsFile(configPath());
}

bool Context::configExists() const
{
    return QFileInfo::exists(configPath());
}

ConfigStore& Context::configStore()
{
    if (!m_store) {
        m_store = std::make_unique<ConfigStore>(configPath());
    }
    return *m_store;
}

CredentialStore& Context::credentials()
{
    if (!m_credentials) {
        m_credentials = std::make_unique<FileCredentialStore>(credentialsPath());
    }
    return *m_credentials;
}

std::optional<Config> Context::loadConfig(int* exitCode, bool requireSetUp)
{
    if (requireSetUp && !configExists()) {
        m_output.error(QStringLiteral("opencode-cloud is not set up yet (no %1). Run `occ setup`.").arg(configPath()));
        *exitCode = NotSetUp;
        return std::nullopt;
    }
    auto loaded = configStore().load();
    if (!loaded) {
        m_output.error(toString(loaded.error()));
        m_output.error(
            QStringLiteral("Fix the file by hand (it is left untouched), or check it with `occ config validate`."));
        *exitCode = ConfigInvalid;
        return std::nullopt;
    }
    return loaded.value();
}

bool Context::saveConfig(const Config& config, int* exitCode)
{
    auto saved = configStore().update([&config](Config& c) { c = config; });
    if (!saved) {
        m_output.error(toString(saved.error()));
        *exitCode = ConfigInvalid;
        return false;
    }
    return true;
}

DockerClient* Context::docker(const Config& config, int* exitCode)
{
    if (m_engine) {
        return m_engine->client();
    }
    auto engine = std::make_unique<EngineConnection>(config);
    if (!engine->isValid()) {
        m_output.error(engine->error());
        *exitCode = EngineUnreachable;
        return nullptr;
    }
    m_engine = std::move(engine);
    m_output.detail(QStringLiteral("Docker engine: %1 (from %2)")
                        .arg(m_engine->endpoint().toUrlString(), m_engine->endpoint().source));
    return m_engine->client();
}

QString Context::endpointText() const
{
    return m_engine ? m_engine->endpoint().toUrlString() : QString();
}

std::optional<QString> Context::password(int* exitCode)
{
    auto pw = credentials().password();
    if (!pw) {
        m_output.error(pw.error().toString());
        *exitCode = ConfigInvalid;
        return std::nullopt;
    }
    Logging::addSecret(pw.value());
    return pw.value();
}

bool Context::savePassword(const QString& password, int* exitCode)
{
    auto saved = credentials().setPassword(password);
    if (!saved) {
        m_output.error(saved.error().toString());
        *exitCode = Failure;
        return false;
    }
    Logging::addSecret(password);
    return true;
}

std::unique_ptr<ServiceController> Context::controller(const Config& config, int* exitCode)
{
    auto pw = password(exitCode);
    if (!pw) {
        return nullptr;
    }
    DockerClient* client = docker(config, exitCode);
    if (!client) {
        return nullptr;
    }
    return std::make_unique<ServiceController>(config, *pw, client);
}

int Context::fail(const ServiceError& error)
{
    m_output.error(Logging::redact(HintText::describe(error)));
    return exitCodeFor(error);
}

int Context::fail(const DockerError& error)
{
    return fail(ServiceError::fromDocker(error));
}

} // namespace occ::cli
