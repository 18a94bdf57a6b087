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
        json l = json::object();
        for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
            l[it.key().toStdString()] = it.value().toStdString();
        }
        body["Labels"] = l;
    }

    json exposed = json::object();
    for (const QString& port : exposedPorts) {
        exposed[port.toStdString()] = json::object();
    }
    json bindings = json::object();
    for (const PortBinding& binding : portBindings) {
        const std::string key = binding.containerPort.toStdString();
        exposed[key] = json::object();
        if (!bindings.contains(key)) {
            bindings[key] = json::array();
        }
        bindings[key].push_back(
            {{"HostIp", binding.hostIp.toStdString()}, {"HostPort", binding.hostPort.toStdString()}});
    }
    if (!exposed.empty()) {
        body["ExposedPorts"] = exposed;
    }
    if (!bindings.empty()) {
        host["PortBindings"] = bindings;
    }

    if (!mounts.isEmpty()) {
        json list = json::array();
        for (const Mount& mount : mounts) {
            list.push_back({{"Type", mount.type == Mount::Type::Volume ? "volume" : "bind"},
                            {"Source", mount.source.toStdString()},
                            {"Target", mount.target.toStdString()},
                            {"ReadOnly", mount.readOnly}});
        }
        host["Mounts"] = list;
    }

    if (!restartPolicy.name.isEmpty()) {
        json policy = {{"Name", restartPolicy.name.toStdString()}};
        // The engine rejects a retry count with any other policy.
        if (restartPolicy.name == QLatin1String("on-failure")) {
            policy["MaximumRetryCount"] = restartPolicy.maximumRetryCount;
        }
        host["RestartPolicy"] = policy;
    }
    if (init) {
        host["Init"] = true;
    }
    if (healthcheck) {
        json check = json::object();
        if (!healthcheck->test.isEmpty()) {
            check["Test"] = toJsonArray(healthcheck->test);
        }
        check["Interval"] = healthcheck->intervalNs;
        check["Timeout"] = healthcheck->timeoutNs;
        check["Retries"] = healthcheck->retries;
        check["StartPeriod"] = healthcheck->startPeriodNs;
        body["Healthcheck"] = check;
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
