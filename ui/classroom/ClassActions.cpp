// ClassActions.cpp — see ClassActions.h.
#include "classroom/ClassActions.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <algorithm>

#include "classroom/ClassDialogs.h"
#include "classroom/ClassMode.h"
#include "classroom/ClassPanel.h"
#include "document/SessionManager.h"
#include "training/TrainingController.h"
#include "views/ErrorPlot.h"

namespace bps {

using namespace bp::classroom;

ClassActions::ClassActions(const Parts& parts, QObject* parent)
    : QObject(parent), m_parts(parts), m_mode(ClassMode::of(parts.controller)) {
    m_panel = new ClassPanel(m_mode);
    m_dock = new QDockWidget(parts.window);
    m_dock->setObjectName(QStringLiteral("ClassDock"));
    m_dock->setWidget(m_panel);
    m_dock->hide();
    m_status = new QLabel(parts.window);
    m_status->setTextFormat(Qt::PlainText);  // the teacher's name for us is plain text
    m_status->hide();
    m_overlayTimer.setSingleShot(true);
    m_overlayTimer.setInterval(ClassMode::kSnapshotMs);
    connect(&m_overlayTimer, &QTimer::timeout, this, [this] {
        QVector<ErrorPlot::Overlay> overlays;
        if (m_mode->role() == ClassMode::Role::Teacher)
            for (const StudentSummary& s : m_mode->students())
                if (!s.error.isEmpty()) overlays.append({s.name, s.error});
        if (m_parts.plot) m_parts.plot->setOverlays(overlays);
    });
    connect(m_mode, &ClassMode::roleChanged, this, &ClassActions::onRoleChanged);
    connect(m_mode, &ClassMode::classChanged, this, &ClassActions::onClassChanged);
    connect(m_mode, &ClassMode::studentStateChanged, this, &ClassActions::updateStudentStatus);
    connect(m_mode, &ClassMode::sessionArrived, this,
            [this](const bp::Session& session, SessionPurpose purpose) {
                if (m_parts.sessions) m_parts.sessions->apply(session);
                m_notice = purpose == SessionPurpose::Sweep
                               ? tr("The teacher's sweep: your α is %1. Press Play.")
                                     .arg(session.training.learningRate, 0, 'g', 3)
                           : purpose == SessionPurpose::Challenge
                               ? tr("The teacher's challenge: the starting session is loaded.")
                               : tr("The teacher's session is loaded.");
                updateStudentStatus();
            });
    connect(m_mode, &ClassMode::sessionRefused, this, [this](const QString& why) {
        m_notice = tr("A session from the teacher was not opened: %1").arg(why);
        updateStudentStatus();
    });
    connect(m_panel, &ClassPanel::sweepRequested, this, &ClassActions::askSweep);
    connect(m_panel, &ClassPanel::challengeRequested, this, &ClassActions::askChallenge);
    connect(m_panel, &ClassPanel::stopRequested, m_mode, &ClassMode::stopHosting);
    if (parts.window) {
        parts.window->statusBar()->addPermanentWidget(m_status);
        parts.window->installEventFilter(this);
    }
    retranslateUi();
    onRoleChanged();
}

bool ClassActions::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_parts.window && event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::eventFilter(watched, event);
}

void ClassActions::fillMenu(QMenu* menu) {
    m_menu = menu;
    m_hostAction = menu->addAction(QString(), this, &ClassActions::askHost);
    m_joinAction = menu->addAction(QString(), this, &ClassActions::askJoin);
    menu->addSeparator();
    m_sweepAction = menu->addAction(QString(), this, &ClassActions::askSweep);
    m_challengeAction = menu->addAction(QString(), this, &ClassActions::askChallenge);
    menu->addSeparator();
    m_stopAction = menu->addAction(QString(), m_mode, &ClassMode::stopHosting);
    m_leaveAction = menu->addAction(QString(), m_mode, &ClassMode::leave);
    retranslateUi();
    onRoleChanged();
}

void ClassActions::retranslateUi() {
    m_dock->setWindowTitle(tr("Class"));
    if (m_menu) {
        m_menu->setTitle(tr("&Class"));
        m_hostAction->setText(tr("&Host a class…"));
        m_hostAction->setStatusTip(tr("Listen on the room's network; students join with the code"));
        m_joinAction->setText(tr("&Join a class…"));
        m_joinAction->setStatusTip(tr("Send your run to the teacher's screen"));
        m_sweepAction->setText(tr("Class s&weep…"));
        m_challengeAction->setText(tr("Challen&ge…"));
        m_stopAction->setText(tr("&Stop hosting"));
        m_leaveAction->setText(tr("&Leave the class"));
    }
    updateStudentStatus();
}

QString ClassActions::host(quint16 port, const QString& code) {
    const QString why = m_mode->host(port, code);
    if (m_mode->role() == ClassMode::Role::Teacher) showDock();
    return why;
}

void ClassActions::askHost() {
    HostClassDialog dialog(m_parts.window);
    if (dialog.exec() != QDialog::Accepted) return;
    if (const QString why = host(dialog.port(), dialog.code()); !why.isEmpty())
        QMessageBox::warning(
            m_parts.window, tr("Host a class"),
            tr("The class could not be hosted on port %1: %2").arg(dialog.port()).arg(why));
}

void ClassActions::askJoin() {
    JoinClassDialog dialog(m_parts.window);
    if (dialog.exec() != QDialog::Accepted) return;
    if (const QString why = m_mode->join(dialog.options()); !why.isEmpty())
        QMessageBox::warning(m_parts.window, tr("Join a class"), why);
}

void ClassActions::askSweep() {
    QVector<StudentSummary> connected;
    for (const StudentSummary& s : m_mode->students())
        if (s.connected) connected.append(s);
    if (connected.isEmpty()) {
        QMessageBox::information(m_parts.window, tr("Class sweep"),
                                 tr("No student has joined yet."));
        return;
    }
    SweepDialog dialog(connected, m_parts.window);
    if (dialog.exec() != QDialog::Accepted || !m_parts.sessions) return;
    if (const QString why = m_mode->sendSweep(dialog.rates(), m_parts.sessions->gather());
        !why.isEmpty())
        QMessageBox::warning(m_parts.window, tr("Class sweep"), why);
}

void ClassActions::askChallenge() {
    ChallengeDialog dialog(m_mode->goal(), m_parts.window);
    if (dialog.exec() != QDialog::Accepted || !m_parts.sessions) return;
    const bp::Session start = m_parts.sessions->gather();
    if (const QString why =
            m_mode->sendChallenge(dialog.goal(), dialog.sendStartingSession() ? &start : nullptr);
        !why.isEmpty())
        QMessageBox::warning(m_parts.window, tr("Challenge"), why);
}

void ClassActions::onRoleChanged() {
    const ClassMode::Role role = m_mode->role();
    const bool teacher = role == ClassMode::Role::Teacher;
    if (m_menu) {
        m_stopAction->setEnabled(teacher);
        m_leaveAction->setEnabled(role == ClassMode::Role::Student);
        m_sweepAction->setEnabled(teacher);
        m_challengeAction->setEnabled(teacher);
    }
    if (teacher) {
        showDock();
    } else {
        m_dock->hide();
        if (m_parts.plot) m_parts.plot->setOverlays({});
    }
    if (role != ClassMode::Role::Student) m_notice.clear();
    updateStudentStatus();
}

void ClassActions::showDock() {
    m_dock->show();
    m_dock->raise();
    // Wide enough for the whole class table, up to two fifths of the window (the chart with
    // every student's curve keeps the rest); never narrower than the teacher made it.
    QMainWindow* w = m_parts.window;
    if (!w || w->dockWidgetArea(m_dock) == Qt::NoDockWidgetArea || m_dock->isFloating()) return;
    const int wanted = std::min(m_panel->preferredWidth(), w->width() * 2 / 5);
    if (m_dock->width() < wanted) w->resizeDocks({m_dock}, {wanted}, Qt::Horizontal);
}

void ClassActions::onClassChanged() {
    m_panel->refresh();
    if (!m_overlayTimer.isActive()) m_overlayTimer.start();
}

void ClassActions::updateStudentStatus() {
    if (m_mode->role() != ClassMode::Role::Student) {
        m_status->hide();
        return;
    }
    QString text;
    switch (m_mode->studentState()) {
        case ClassClient::State::Joined:
            text = tr("Class: joined as %1").arg(m_mode->joinedName());
            break;
        case ClassClient::State::Connecting:
            text = tr("Class: connecting…");
            break;
        case ClassClient::State::Waiting:
            text = tr("Class: the teacher's studio is away; trying again");
            break;
        case ClassClient::State::Refused:
            switch (m_mode->lastRefusal()) {
                case RefuseReason::Code:
                    text = tr("Class: wrong join code");
                    break;
                case RefuseReason::NameTaken:
                    text = tr("Class: that name is taken; join with another");
                    break;
                case RefuseReason::Name:
                    text = tr("Class: that name is not allowed");
                    break;
                case RefuseReason::Removed:
                    text = tr("Class: the teacher removed you from the class");
                    break;
                case RefuseReason::Protocol:
                    text = tr("Class: the teacher's studio is another version");
                    break;
                default:
                    text = tr("Class: refused");
                    break;
            }
            break;
        case ClassClient::State::Idle:
            text = tr("Class: not connected");
            break;
    }
    if (const auto goal = m_mode->studentGoal())
        text += QStringLiteral(" · ") +
                tr("Goal: %1 — %2")
                    .arg(goalText(*goal), m_mode->goalMet() ? tr("met ✓") : tr("not yet"));
    m_status->setText(text);
    m_status->setToolTip(m_notice);
    if (!m_notice.isEmpty() && m_parts.window)
        m_parts.window->statusBar()->showMessage(m_notice, 15000);
    m_status->show();
}

}  // namespace bps
