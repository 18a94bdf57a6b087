#include "wizard/pages/DetectionPage.h"

#include "core/detection/Detection.h"
#include "wizard/SetupWizard.h"

#include <QClipboard>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace occ {

namespace {
QString ok(const QString& text)
{
    return QStringLiteral("<span style=\"color:#2e7d32\">&#10004;</span> ") + text;
}
QString bad(const QString& text)
{
    return QStringLiteral("<span style=\"color:#c62828\">&#10008;</span> ") + text;
}
QString info(const QString& text)
{
    return QStringLiteral("<span style=\"color:#1565c0\">&#9679;</span> ") + text;
}

QString userName()
{
    for (const char* name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty()) {
            return value;
        }
    }
    return QString();
}
} // namespace

DetectionPage::DetectionPage(QWidget* parent)
    : SetupPage(parent)
    , m_busy(new QProgressBar(this))
    , m_engine(new QLabel(this))
    , m_existing(new QLabel(this))
    , m_port(new QLabel(this))
    , m_fixes(new QWidget(this))
    , m_fixesLayout(new QVBoxLayout(m_fixes))
    , m_retry(new QPushButton(tr("&Retry"), this))
{
    setObjectName(QStringLiteral("DetectionPage"));
    setTitle(tr("Checking this computer"));
    setSubTitle(tr("opencode-cloud runs in a Docker container. Let's see what is here already."));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_retry->setObjectName(QStringLiteral("retry"));
    for (QLabel* label : {m_engine, m_existing, m_port}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_fixesLayout->setContentsMargins(0, 8, 0, 0);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_busy);
    layout->addWidget(m_engine);
    layout->addWidget(m_existing);
    layout->addWidget(m_port);
    layout->addWidget(m_fixes);
    layout->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    layout->addLayout(buttons);

    connect(m_retry, &QPushButton::clicked, this, &DetectionPage::retry);
}

void DetectionPage::initializePage()
{
    Detection* detection = setupWizard()->detection();
    if (detection && !m_connected) {
        m_connected = true;
        connect(detection, &Detection::finished, this, &DetectionPage::showResult);
    }
    retry();
}

void DetectionPage::retry()
{
    Detection* detection = setupWizard() ? setupWizard()->detection() : nullptr;
    if (!detection) {
        return;
    }
    SetupWizard* w = setupWizard();
    detection->setConfigPath(w->context().configPath);
    detection->setConfig(w->choices().applyTo(w->context().config));
    m_checking = true;
    m_busy->setVisible(true);
    m_retry->setEnabled(false);
    m_engine->setText(info(tr("Looking for the Docker engine…")));
    m_existing->clear();
    m_port->clear();
    clearFixes();
    Q_EMIT completeChanged();
    detection->run();
}

void DetectionPage::clearFixes()
{
    while (QLayoutItem* item = m_fixesLayout->takeAt(0)) {
        if (QWidget* widget = item->widget()) {
            widget->deleteLater();
        } else if (QLayout* child = item->layout()) {
            while (QLayoutItem* sub = child->takeAt(0)) {
                if (sub->widget()) {
                    sub->widget()->deleteLater();
                }
                delete sub;
            }
        }
        delete item;
    }
}

void DetectionPage::showResult(const DetectionResult& result)
{
    m_result = result;
    m_checking = false;
    m_busy->setVisible(false);
    m_retry->setEnabled(true);
    m_engine->setText(engineText(result));
    m_existing->setText(existingText(result));
    showPort(result);
    showFixes(result);
    Q_EMIT completeChanged();
}

QString DetectionPage::engineText(const DetectionResult& result)
{
    switch (result.engine) {
    case DetectionResult::Engine::Reachable:
        return ok(tr("Docker %1 is running (API %2) at %3.")
                      .arg(result.engineVersion.toHtmlEscaped(), result.apiVersion.toHtmlEscaped(),
                           result.endpoint.toHtmlEscaped()));
    case DetectionResult::Engine::NotInstalled:
        return bad(tr("Docker does not seem to be installed."));
    case DetectionResult::Engine::NotRunning:
        return bad(tr("Docker is installed but not running."));
    case DetectionResult::Engine::PermissionDenied:
        return bad(tr("You may not use Docker: permission denied on %1.").arg(result.endpoint.toHtmlEscaped()));
    case DetectionResult::Engine::TooOld:
        return bad(tr("This Docker engine is too old."));
    case DetectionResult::Engine::Other:
    case DetectionResult::Engine::Unknown:
        return bad(tr("Docker could not be reached: %1").arg(result.engineDetail.toHtmlEscaped()));
    }
    return {};
}

QString DetectionPage::existingText(const DetectionResult& result)
{
    QStringList existing;
    if (result.configExists) {
        existing << (result.configProblem.isEmpty()
                         ? tr("a config file (%1)").arg(result.configPath.toHtmlEscaped())
                         : tr("a config file with problems (%1)").arg(result.configPath.toHtmlEscaped()));
    }
    if (result.containerExists) {
        existing << (result.containerRunning ? tr("a running service container") : tr("a stopped service container"));
    }
    if (!result.volumes.isEmpty()) {
        existing << tr("%n data volume(s)", nullptr, result.volumes.size());
    }
    return existing.isEmpty() ? info(tr("No earlier setup found: this is a fresh start."))
                              : info(tr("Found %1. They are kept: setup only changes what you choose.")
                                         .arg(existing.join(QStringLiteral(", "))));
}

void DetectionPage::showPort(const DetectionResult& result)
{
    if (result.portHeldByService) {
        m_port->setText(ok(tr("Port %1 is used by your running service.").arg(result.port)));
        setupWizard()->setOwnPort(result.port);
    } else if (result.portFree) {
        m_port->setText(ok(tr("Port %1 is free.").arg(result.port)));
    } else if (result.suggestedPort > 0) {
        m_port->setText(
            bad(tr("Port %1 is taken; port %2 will be suggested instead.").arg(result.port).arg(result.suggestedPort)));
    } else {
        m_port->setText(bad(tr("Port %1 is taken.").arg(result.port)));
    }
}

void DetectionPage::showFixes(const DetectionResult& result)
{
    clearFixes();
    const auto fixes = result.fixes(userName());
    for (const DetectionResult::Fix& fix : fixes) {
        auto* label = new QLabel(fix.text, m_fixes);
        label->setWordWrap(true);
        m_fixesLayout->addWidget(label);
        if (!fix.command.isEmpty()) {
            auto* row = new QHBoxLayout;
            auto* command = new QLineEdit(fix.command, m_fixes);
            command->setObjectName(QStringLiteral("fixCommand"));
            command->setReadOnly(true);
            command->setFont(QFont(QStringLiteral("monospace")));
            auto* copy = new QPushButton(tr("Copy"), m_fixes);
            connect(copy, &QPushButton::clicked, this,
                    [text = fix.command] { QGuiApplication::clipboard()->setText(text); });
            row->addWidget(command, 1);
            row->addWidget(copy);
            m_fixesLayout->addLayout(row);
        }
    }
}

bool DetectionPage::isComplete() const
{
    return !m_checking && m_result.engineOk();
}

bool DetectionPage::validatePage()
{
    SetupChoices& choices = setupWizard()->choices();
    if (!m_result.portUsable() && m_result.suggestedPort > 0 && choices.port == m_result.port) {
        choices.port = m_result.suggestedPort;
    }
    return true;
}

int DetectionPage::nextId() const
{
    return SetupWizard::AccessId;
}

} // namespace occ
