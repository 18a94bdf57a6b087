// Compiled on Windows only (see CMakeLists.txt). CI compiles it for Windows with MinGW-w64 (syntax only,
// tests/harness/windows-syntax.sh) but never links or runs it: review changes against the winsvc.h
// documentation.
#include "core/osservice/WindowsServiceManager.h"

#include "core/osservice/RetryPolicy.h"
#include "core/osservice/WindowsService.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <windows.h>

namespace occ {

namespace {

struct ScHandle
{
    SC_HANDLE handle = nullptr;
    explicit ScHandle(SC_HANDLE h)
        : handle(h)
    { }
    ~ScHandle()
    {
        if (handle) {
            CloseServiceHandle(handle);
        }
    }
    ScHandle(const ScHandle&) = delete;
    ScHandle& operator=(const ScHandle&) = delete;
    explicit operator bool() const { return handle != nullptr; }
};

std::wstring wide(const QString& s)
{
    return s.toStdWString();
}

OsServiceError lastError(const QString& what)
{
    const DWORD code = GetLastError();
    wchar_t* buffer = nullptr;
    FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                   code, 0, reinterpret_cast<LPWSTR>(&buffer), 0, nullptr);
    const QString text = buffer ? QString::fromWCharArray(buffer).trimmed() : QString();
    if (buffer) {
        LocalFree(buffer);
    }
    return {what, QStringLiteral("error %1: %2").arg(code).arg(text)};
}

bool waitForState(SC_HANDLE service, DWORD wanted, int timeoutSeconds)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    SERVICE_STATUS_PROCESS status{};
    DWORD needed = 0;
    while (QueryServiceStatusEx(service, SC_STATUS_PROCESS_INFO, reinterpret_cast<LPBYTE>(&status), sizeof(status),
                                &needed)) {
        if (status.dwCurrentState == wanted) {
            return true;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        Sleep(250);
    }
    return false;
}

// --- dispatcher state: one service per process, so file-level state is fine -------------------
SERVICE_STATUS_HANDLE g_statusHandle = nullptr;
std::function<void()> g_onStop;
std::mutex g_mutex;
std::condition_variable g_stopped;
bool g_done = false;
bool g_running = false;
DWORD g_exitCode = 0;
std::thread g_dispatcher;
std::mutex g_startMutex;
std::condition_variable g_started;
bool g_startFinished = false;
bool g_startOk = false;

void setStatus(DWORD state, DWORD exitCode = NO_ERROR, DWORD waitHintMs = 0)
{
    static DWORD checkPoint = 1;
    SERVICE_STATUS status{};
    status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    status.dwCurrentState = state;
    status.dwControlsAccepted = state == SERVICE_RUNNING ? (SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN) : 0;
    // A non-zero exit code is what makes SCM run the failure actions after a clean stop report
    // (with the non-crash failure flag set at install).
    status.dwWin32ExitCode = exitCode == 0 ? NO_ERROR : ERROR_SERVICE_SPECIFIC_ERROR;
    status.dwServiceSpecificExitCode = exitCode;
    status.dwWaitHint = waitHintMs;
    status.dwCheckPoint = (state == SERVICE_RUNNING || state == SERVICE_STOPPED) ? 0 : checkPoint++;
    SetServiceStatus(g_statusHandle, &status);
}

DWORD WINAPI controlHandler(DWORD control, DWORD, LPVOID, LPVOID)
{
    switch (control) {
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_SHUTDOWN:
        setStatus(SERVICE_STOP_PENDING, NO_ERROR, 30000);
        if (g_onStop) {
            g_onStop();
        }
        return NO_ERROR;
    case SERVICE_CONTROL_INTERROGATE:
        return NO_ERROR;
    default:
        return ERROR_CALL_NOT_IMPLEMENTED;
    }
}

void WINAPI serviceMain(DWORD, LPWSTR*)
{
    static std::wstring name = wide(WindowsService::serviceName());
    g_statusHandle = RegisterServiceCtrlHandlerExW(name.c_str(), controlHandler, nullptr);
    {
        std::lock_guard<std::mutex> lock(g_startMutex);
        g_startFinished = true;
        g_startOk = g_statusHandle != nullptr;
    }
    g_started.notify_all();
    if (!g_statusHandle) {
        return;
    }
    setStatus(SERVICE_RUNNING);
    // ServiceMain must not return before SERVICE_STOPPED is reported; the caller's event loop runs
    // on the main thread meanwhile.
    std::unique_lock<std::mutex> lock(g_mutex);
    g_stopped.wait(lock, [] { return g_done; });
    setStatus(SERVICE_STOPPED, g_exitCode);
}

} // namespace

Result<Unit, OsServiceError> WindowsServiceManager::install(const ServiceDefinition& d)
{
    const QStringList problems = WindowsService::problems(d);
    if (!problems.isEmpty()) {
        return OsServiceError{problems.first(), problems.join(QLatin1Char('\n'))};
    }
    ScHandle scm(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT | SC_MANAGER_CREATE_SERVICE));
    if (!scm) {
        return lastError(QStringLiteral("Cannot open the Service Control Manager (run as administrator)."));
    }
    const std::wstring name = wide(WindowsService::serviceName());
    const std::wstring display = wide(WindowsService::displayName());
    const std::wstring binaryPath = wide(WindowsService::binaryPathName(d));
    const DWORD access = SERVICE_CHANGE_CONFIG | SERVICE_START | SERVICE_QUERY_STATUS;

    ScHandle service(OpenServiceW(scm.handle, name.c_str(), access));
    if (service) {
        if (!ChangeServiceConfigW(service.handle, SERVICE_NO_CHANGE, SERVICE_AUTO_START, SERVICE_NO_CHANGE,
                                  binaryPath.c_str(), nullptr, nullptr, nullptr, nullptr, nullptr, display.c_str())) {
            return lastError(QStringLiteral("Cannot update the service configuration."));
        }
    } else {
        if (GetLastError() != ERROR_SERVICE_DOES_NOT_EXIST) {
            return lastError(QStringLiteral("Cannot open the service."));
        }
        service.handle = CreateServiceW(scm.handle, name.c_str(), display.c_str(), access, SERVICE_WIN32_OWN_PROCESS,
                                        SERVICE_AUTO_START, SERVICE_ERROR_NORMAL, binaryPath.c_str(), nullptr, nullptr,
                                        nullptr, nullptr /* LocalSystem */, nullptr);
        if (!service) {
            return lastError(QStringLiteral("Cannot create the service."));
        }
    }

    std::wstring description = wide(WindowsService::description());
    SERVICE_DESCRIPTIONW desc{description.data()};
    ChangeServiceConfig2W(service.handle, SERVICE_CONFIG_DESCRIPTION, &desc);

    // Same reason as sc's delayed-auto: the engine and the network come up late.
    SERVICE_DELAYED_AUTO_START_INFO delayed{TRUE};
    ChangeServiceConfig2W(service.handle, SERVICE_CONFIG_DELAYED_AUTO_START_INFO, &delayed);

    const WindowsRecovery recovery = RetryPolicy(d.restart).windows();
    std::vector<SC_ACTION> actions;
    for (int ms : recovery.restartDelaysMs) {
        actions.push_back({SC_ACTION_RESTART, DWORD(ms)});
    }
    if (recovery.stopAfterLastRestart) {
        actions.push_back({SC_ACTION_NONE, 0});
    }
    SERVICE_FAILURE_ACTIONSW failure{};
    failure.dwResetPeriod = DWORD(recovery.resetPeriodSeconds);
    failure.lpRebootMsg = nullptr; // unchanged
    failure.lpCommand = nullptr; // unchanged
    failure.cActions = DWORD(actions.size());
    // cActions 0 with a non-null array deletes earlier actions (policy "no").
    static SC_ACTION none{SC_ACTION_NONE, 0};
    failure.lpsaActions = actions.empty() ? &none : actions.data();
    if (!ChangeServiceConfig2W(service.handle, SERVICE_CONFIG_FAILURE_ACTIONS, &failure)) {
        return lastError(QStringLiteral("Cannot set the service's recovery actions."));
    }
    SERVICE_FAILURE_ACTIONS_FLAG flag{recovery.actOnNonCrashFailures ? TRUE : FALSE};
    if (!ChangeServiceConfig2W(service.handle, SERVICE_CONFIG_FAILURE_ACTIONS_FLAG, &flag)) {
        return lastError(QStringLiteral("Cannot set the service's failure flag."));
    }

    if (!StartServiceW(service.handle, 0, nullptr) && GetLastError() != ERROR_SERVICE_ALREADY_RUNNING) {
        return lastError(QStringLiteral("Cannot start the service."));
    }
    return Unit{};
}

Result<Unit, OsServiceError> WindowsServiceManager::uninstall(const ServiceDefinition& d)
{
    ScHandle scm(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT));
    if (!scm) {
        return lastError(QStringLiteral("Cannot open the Service Control Manager (run as administrator)."));
    }
    const std::wstring name = wide(WindowsService::serviceName());
    ScHandle service(OpenServiceW(scm.handle, name.c_str(), SERVICE_STOP | SERVICE_QUERY_STATUS | DELETE));
    if (!service) {
        if (GetLastError() == ERROR_SERVICE_DOES_NOT_EXIST) {
            return Unit{};
        }
        return lastError(QStringLiteral("Cannot open the service."));
    }
    SERVICE_STATUS status{};
    if (ControlService(service.handle, SERVICE_CONTROL_STOP, &status)) {
        waitForState(service.handle, SERVICE_STOPPED, d.stopTimeoutSeconds + 5);
    }
    if (!DeleteService(service.handle) && GetLastError() != ERROR_SERVICE_MARKED_FOR_DELETE) {
        return lastError(QStringLiteral("Cannot delete the service."));
    }
    return Unit{};
}

Result<Unit, OsServiceError> WindowsServiceManager::startDispatcher(std::function<void()> onStop)
{
    g_onStop = std::move(onStop);
    g_dispatcher = std::thread([] {
        static std::wstring name = wide(WindowsService::serviceName());
        SERVICE_TABLE_ENTRYW table[] = {{name.data(), serviceMain}, {nullptr, nullptr}};
        // Blocks until ServiceMain returns; fails at once when not started by the SCM (1063).
        if (!StartServiceCtrlDispatcherW(table)) {
            std::lock_guard<std::mutex> lock(g_startMutex);
            g_startFinished = true;
            g_startOk = false;
            g_started.notify_all();
        }
    });
    std::unique_lock<std::mutex> lock(g_startMutex);
    g_started.wait(lock, [] { return g_startFinished; });
    if (!g_startOk) {
        lock.unlock();
        g_dispatcher.join();
        return OsServiceError{QStringLiteral("Not started by the Service Control Manager."), {}};
    }
    g_running = true;
    return Unit{};
}

void WindowsServiceManager::reportStopped(int exitCode)
{
    if (!g_running) {
        return;
    }
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        g_exitCode = DWORD(exitCode);
        g_done = true;
    }
    g_stopped.notify_all();
    g_dispatcher.join();
    g_running = false;
}

} // namespace occ
