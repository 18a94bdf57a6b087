#include "core/docker/ContainerSpec.h"

namespace occ {

namespace {

nlohmann::json toJsonArray(const QStringList& list)
{
    auto array = nlohmann::json::array();
    for (const QString& item : list) {
        array.push_back(item.toStdString());
    }
    return array;
}

nlohmann::json labelsObject(const QMap<QString, QString>& labels)
{
    auto object = nlohmann::json::object();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        object[it.key().toStdString()] = it.value().toStdString();
    }
    return object;
}

// ExposedPorts on the body and PortBindings on the host config; a bound port is exposed too.
void addPorts(const QStringList& exposedPorts, const QVector<ContainerSpec::PortBinding>& portBindings,
              nlohmann::json* body, nlohmann::json* host)
{
    using nlohmann::json;
    json exposed = json::object();
    for (const QString& port : exposedPorts) {
        exposed[port.toStdString()] = json::object();
    }
    json bindings = json::object();
    for (const ContainerSpec::PortBinding& binding : portBindings) {
        const std::string key = binding.containerPort.toStdString();
        exposed[key] = json::object();
        if (!bindings.contains(key)) {
            bindings[key] = json::array();
        }
        bindings[key].push_back(
            {{"HostIp", binding.hostIp.toStdString()}, {"HostPort", binding.hostPort.toStdString()}});
    }
    if (!exposed.empty()) {
        (*body)["ExposedPorts"] = exposed;
    }
    if (!bindings.empty()) {
        (*host)["PortBindings"] = bindings;
    }
}

nlohmann::json mountsArray(const QVector<ContainerSpec::Mount>& mounts)
{
    auto list = nlohmann::json::array();
    for (const ContainerSpec::Mount& mount : mounts) {
        list.push_back({{"Type", mount.type == ContainerSpec::Mount::Type::Volume ? "volume" : "bind"},
                        {"Source", mount.source.toStdString()},
                        {"Target", mount.target.toStdString()},
                        {"ReadOnly", mount.readOnly}});
    }
    return list;
}

nlohmann::json restartPolicyObject(const ContainerSpec::RestartPolicy& restartPolicy)
{
    nlohmann::json policy = {{"Name", restartPolicy.name.toStdString()}};
    // The engine rejects a retry count with any other policy.
    if (restartPolicy.name == QLatin1String("on-failure")) {
        policy["MaximumRetryCount"] = restartPolicy.maximumRetryCount;
    }
    return policy;
}

nlohmann::json healthcheckObject(const ContainerSpec::Healthcheck& healthcheck)
{
    auto check = nlohmann::json::object();
    if (!healthcheck.test.isEmpty()) {
        check["Test"] = toJsonArray(healthcheck.test);
    }
    check["Interval"] = healthcheck.intervalNs;
    check["Timeout"] = healthcheck.timeoutNs;
    check["Retries"] = healthcheck.retries;
    check["StartPeriod"] = healthcheck.startPeriodNs;
    return check;
}

} // namespace

nlohmann::json ContainerSpec::toCreateBody() const
{
    using nlohmann::json;
    json body = json::object();
    json host = json::object();

    body["Image"] = image.toStdString();
    body["Tty"] = tty;
    if (!cmd.isEmpty()) {
        body["Cmd"] = toJsonArray(cmd);
    }
    if (entrypoint) {
        body["Entrypoint"] = toJsonArray(*entrypoint);
    }
    if (!env.isEmpty()) {
        body["Env"] = toJsonArray(env);
    }
    if (!user.isEmpty()) {
        body["User"] = user.toStdString();
    }
    if (!workingDir.isEmpty()) {
        body["WorkingDir"] = workingDir.toStdString();
    }
    if (!labels.isEmpty()) {
        body["Labels"] = labelsObject(labels);
    }
    addPorts(exposedPorts, portBindings, &body, &host);
    if (!mounts.isEmpty()) {
        host["Mounts"] = mountsArray(mounts);
    }
    if (!restartPolicy.name.isEmpty()) {
        host["RestartPolicy"] = restartPolicyObject(restartPolicy);
    }
    if (init) {
        host["Init"] = true;
    }
    if (healthcheck) {
        body["Healthcheck"] = healthcheckObject(*healthcheck);
    }
    if (!stopSignal.isEmpty()) {
        body["StopSignal"] = stopSignal.toStdString();
    }
    if (stopTimeout) {
        body["StopTimeout"] = *stopTimeout;
    }
    if (!extraHosts.isEmpty()) {
        host["ExtraHosts"] = toJsonArray(extraHosts);
    }
    if (!networkMode.isEmpty()) {
        host["NetworkMode"] = networkMode.toStdString();
    }

    body["HostConfig"] = host;
    return body;
}

} // namespace occ
