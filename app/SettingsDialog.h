#pragma once

#include "core/config/Config.h"
#include "wizard/SetupChoices.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace occ {

class AccessWidget;
class Autostart;
class CredentialsWidget;
class PersistenceWidget;
class PublicUrlWidget;
class RestartPolicyWidget;

// The same widgets as the wizard's pages, on tabs, reading and writing the real config file: load() from
// ConfigStore and the credentials store, save() through ConfigStore::update (unknown keys and concurrent
// changes survive). Autostart is injectable for tests.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QString configPath, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void setAutostart(std::unique_ptr<Autostart> autostart);

    // Returns an empty string, or the problem (a file that does not parse is shown, never overwritten).
    QString load();
    QString save();

    SetupChoices choices() const;
    const Config& savedConfig() const { return m_saved; }

    AccessWidget* accessWidget() const { return m_access; }
    PublicUrlWidget* publicUrlWidget() const { return m_publicUrl; }
    CredentialsWidget* credentialsWidget() const { return m_credentials; }
    PersistenceWidget* persistenceWidget() const { return m_persistence; }
    RestartPolicyWidget* restartWidget() const { return m_restart; }
    // A setting without effect (TLS while the front door is off) and the button that fixes it.
    QLabel* warningLabel() const { return m_warning; }
    QPushButton* enableFrontDoorButton() const { return m_enableFrontDoor; }

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    // Saved: the app reloads; changed says whether the container must be recreated to use it.
    void settingsSaved(const occ::Config& config, bool changed);

private:
    void updateState();
    void updateWarnings();
    Config withDialogChanges(Config config) const;

    QString m_configPath;
    std::unique_ptr<Autostart> m_autostart;
    Config m_loaded;
    Config m_saved;
    bool m_hasPassword = false;
    bool m_turnOnFrontDoor = false; // the warning's button was pressed: saved with the rest
    AccessWidget* m_access;
    PublicUrlWidget* m_publicUrl;
    CredentialsWidget* m_credentials;
    PersistenceWidget* m_persistence;
    RestartPolicyWidget* m_restart;
    QLabel* m_warning;
    QPushButton* m_enableFrontDoor;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace occ
