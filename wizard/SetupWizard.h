#pragma once

#include "core/config/Config.h"
#include "wizard/SetupChoices.h"

#include <QUrl>
#include <QWizard>

#include <functional>

namespace occ {

class ApplyPage;
class Detection;
class SetupBackend;

// What the wizard starts from: the existing setup, if any. Re-running setup edits it.
struct SetupContext
{
    QString configPath;
    Config config; // defaults when there is no file
    bool configExists = false;
    bool hasPassword = false;
    bool startAtLogin = false;
};

// One QWizard, one small class per page (KeePassXC's and Syncthing Tray's wizards). Pages read and write
// choices(), a value; only the apply page has side effects, through the backend.
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        WelcomeId,
        DetectionId,
        AccessId,
        ProxyId,
        CredentialsId,
        PersistenceId,
        RestartId,
        ApplyId,
        FinishId,
    };
    Q_ENUM(PageId)

    // detection and backend are not owned.
    SetupWizard(const SetupContext& context, Detection* detection, SetupBackend* backend, QWidget* parent = nullptr);

    const SetupContext& context() const { return m_context; }
    SetupChoices& choices() { return m_choices; }
    const SetupChoices& choices() const { return m_choices; }
    Detection* detection() const { return m_detection; }
    SetupBackend* backend() const { return m_backend; }

    // Set by the apply page.
    void setApplied(const Config& config, const QString& password, const QString& url);
    bool applied() const { return m_applied; }
    const Config& appliedConfig() const { return m_appliedConfig; }
    QString appliedPassword() const { return m_appliedPassword; }
    QString appliedUrl() const { return m_appliedUrl; }

    // Test seams: what "Open in browser" and "Copy" do.
    void setUrlOpener(std::function<void(const QUrl&)> opener) { m_urlOpener = std::move(opener); }
    void openUrl(const QUrl& url);

    // A port our own running service already holds (re-running setup); not reported as taken.
    void setOwnPort(int port) { m_ownPort = port; }
    int ownPort() const { return m_ownPort; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    // The config and password were saved (whether or not the service started): the app reloads them.
    void setupApplied(const occ::Config& config);

private:
    SetupContext m_context;
    SetupChoices m_choices;
    Detection* m_detection;
    SetupBackend* m_backend;
    ApplyPage* m_applyPage = nullptr;
    bool m_applied = false;
    Config m_appliedConfig;
    QString m_appliedPassword;
    QString m_appliedUrl;
    int m_ownPort = 0;
    std::function<void(const QUrl&)> m_urlOpener;
};

} // namespace occ
