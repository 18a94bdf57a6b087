#include "wizard/pages/FinishPage.h"

#include "wizard/SetupWizard.h"
#include "wizard/pages/ApplyPage.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace occ {

FinishPage::FinishPage(QWidget* parent)
    : SetupPage(parent)
    , m_text(new QLabel(this))
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_open(new QPushButton(tr("&Open in browser"), this))
    , m_copyPassword(new QPushButton(tr("&Copy password"), this))
{
    setObjectName(QStringLiteral("FinishPage"));
    setTitle(tr("All set"));
    m_text->setWordWrap(true);
    m_url->setObjectName(QStringLiteral("finishUrl"));
    m_open->setObjectName(QStringLiteral("openInBrowser"));
    m_copyPassword->setObjectName(QStringLiteral("copyPassword"));
    for (QLineEdit* edit : {m_url, m_user, m_password}) {
        edit->setReadOnly(true);
    }
    m_password->setEchoMode(QLineEdit::Password);

    auto* form = new QFormLayout;
    form->addRow(tr("Address:"), m_url);
    form->addRow(tr("User name:"), m_user);
    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_copyPassword);
    form->addRow(tr("Password:"), passwordRow);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    layout->addLayout(buttons);
    auto* tray = new QLabel(tr("opencode-cloud keeps running in the system tray: its icon shows the service's "
                               "health, and its menu starts, stops and opens it."),
                            this);
    tray->setWordWrap(true);
    layout->addWidget(tray);
    layout->addStretch(1);

    connect(m_open, &QPushButton::clicked, this, [this] { setupWizard()->openUrl(QUrl(setupWizard()->appliedUrl())); });
    connect(m_copyPassword, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(setupWizard()->appliedPassword());
        m_copyPassword->setText(tr("Copied"));
    });
}

void FinishPage::initializePage()
{
    const SetupWizard* w = setupWizard();
    const auto* apply = qobject_cast<ApplyPage*>(w->page(SetupWizard::ApplyId));
    const bool running = apply && apply->succeeded() && w->choices().startNow;
    if (running) {
        m_text->setText(tr("opencode is running. Open it in your browser and sign in with the password below."));
    } else if (apply && !apply->errorText().isEmpty()) {
        m_text->setText(tr("Your choices are saved, but the service is not running yet. Start it from the tray "
                           "menu once the problem is fixed."));
    } else {
        m_text->setText(tr("Your choices are saved. Start the service from the tray menu."));
    }
    m_url->setText(w->appliedUrl());
    m_user->setText(w->appliedConfig().username);
    m_password->setText(w->appliedPassword());
    m_open->setEnabled(running);
}

} // namespace occ
