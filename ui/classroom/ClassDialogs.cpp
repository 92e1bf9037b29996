// ClassDialogs.cpp — see ClassDialogs.h.
#include "classroom/ClassDialogs.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "Protocol.h"
#include "classroom/ClassMode.h"

namespace bps {

using namespace bp::classroom;

QString goalText(const Goal& goal) {
    const QString acc = QString::number(100.0 * goal.minAccuracy, 'g', 4);
    return goal.maxHidden > 0
               ? ClassMode::tr("≥ %1 % on the test set with at most %2 hidden neurons")
                     .arg(acc)
                     .arg(goal.maxHidden)
               : ClassMode::tr("≥ %1 % on the test set").arg(acc);
}

// ---- Host a class -----------------------------------------------------------------------------

HostClassDialog::HostClassDialog(QWidget* parent) : QDialog(parent) {
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_port = new QSpinBox(this);
    m_port->setRange(1024, 65535);
    m_port->setValue(
        QSettings().value(QStringLiteral("class/hostPort"), ClassMode::kDefaultPort).toInt());
    m_code = new QLineEdit(makeJoinCode(), this);
    m_code->setMaxLength(Limits::kMaxCodeChars);
    m_portLabel = new QLabel(this);
    m_codeLabel = new QLabel(this);
    m_portLabel->setBuddy(m_port);
    m_codeLabel->setBuddy(m_code);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings().setValue(QStringLiteral("class/hostPort"), m_port->value());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_code, &QLineEdit::textChanged, this, &HostClassDialog::validate);
    auto* form = new QFormLayout;
    form->addRow(m_portLabel, m_port);
    form->addRow(m_codeLabel, m_code);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    retranslateUi();
    validate();
}

void HostClassDialog::retranslateUi() {
    setWindowTitle(tr("Host a class"));
    m_intro->setText(
        tr("The studio listens on the room's network until you stop hosting. "
           "Students join with this computer's address and the code."));
    m_portLabel->setText(tr("&Port:"));
    m_codeLabel->setText(tr("Join &code:"));
    m_code->setToolTip(tr("%1 to %2 letters or digits; not case-sensitive")
                           .arg(Limits::kMinCodeChars)
                           .arg(Limits::kMaxCodeChars));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Host"));
}

void HostClassDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

void HostClassDialog::validate() {
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValidCode(code()));
}

quint16 HostClassDialog::port() const {
    return static_cast<quint16>(m_port->value());
}
QString HostClassDialog::code() const {
    return m_code->text().trimmed().toUpper();
}

// ---- Join a class -----------------------------------------------------------------------------

namespace {
// "host:port" (or "[v6]:port") → host, port; port 0 when there is none.
std::pair<QString, quint16> splitAddress(const QString& text) {
    const QString t = text.trimmed();
    const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) return {t, 0};
    QString host = t.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = t.mid(colon + 1).toUInt(&ok);
    return {host, ok && port > 0 && port < 65536 ? static_cast<quint16>(port) : quint16(0)};
}
}  // namespace

JoinClassDialog::JoinClassDialog(QWidget* parent) : QDialog(parent) {
    QSettings settings;
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_address = new QLineEdit(settings.value(QStringLiteral("class/joinAddress")).toString(), this);
    m_code = new QLineEdit(this);
    m_code->setMaxLength(Limits::kMaxCodeChars);
    m_name = new QLineEdit(settings.value(QStringLiteral("class/joinName")).toString(), this);
    m_name->setMaxLength(Limits::kMaxNameChars);
    m_addressLabel = new QLabel(this);
    m_codeLabel = new QLabel(this);
    m_nameLabel = new QLabel(this);
    m_addressLabel->setBuddy(m_address);
    m_codeLabel->setBuddy(m_code);
    m_nameLabel->setBuddy(m_name);
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &JoinClassDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* e : {m_address, m_code, m_name})
        connect(e, &QLineEdit::textChanged, this, &JoinClassDialog::validate);
    auto* form = new QFormLayout;
    form->addRow(m_addressLabel, m_address);
    form->addRow(m_codeLabel, m_code);
    form->addRow(m_nameLabel, m_name);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    retranslateUi();
    if (!m_address->text().isEmpty()) m_code->setFocus();
}

void JoinClassDialog::retranslateUi() {
    setWindowTitle(tr("Join a class"));
    m_intro->setText(
        tr("Your studio sends your run (network, learning rate, error curve, test "
           "accuracy) to the teacher's screen. You keep working if the teacher's "
           "studio goes away."));
    m_addressLabel->setText(tr("Teacher's &address:"));
    m_address->setPlaceholderText(tr("as on the teacher's screen, e.g. 192.168.1.20:5710"));
    m_codeLabel->setText(tr("Join &code:"));
    m_nameLabel->setText(tr("Your &name:"));
    m_name->setPlaceholderText(tr("as the class will see it"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Join"));
    validate();
}

void JoinClassDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

void JoinClassDialog::validate() {
    QString problem;
    const auto [host, port] = splitAddress(m_address->text());
    if (host.isEmpty() || port == 0)
        problem = tr("The address is the teacher's computer and port, e.g. 192.168.1.20:5710.");
    else if (!isValidCode(m_code->text().trimmed()))
        problem = tr("The join code is %1 to %2 letters or digits.")
                      .arg(Limits::kMinCodeChars)
                      .arg(Limits::kMaxCodeChars);
    else if (normalizedName(m_name->text()).isEmpty())
        problem =
            tr("A name is 1 to %1 letters, digits, spaces or - _ . '").arg(Limits::kMaxNameChars);
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

ClassClient::Options JoinClassDialog::options() const {
    ClassClient::Options o;
    std::tie(o.host, o.port) = splitAddress(m_address->text());
    o.code = m_code->text().trimmed();
    o.name = normalizedName(m_name->text());
    // The same key on every join from this computer: rejoining is the same student.
    QSettings settings;
    QString key = settings.value(QStringLiteral("class/studentKey")).toString();
    if (key.size() < 8) {
        key = makeStudentKey();
        settings.setValue(QStringLiteral("class/studentKey"), key);
    }
    o.key = key;
    return o;
}

void JoinClassDialog::accept() {
    QSettings settings;
    settings.setValue(QStringLiteral("class/joinAddress"), m_address->text().trimmed());
    settings.setValue(QStringLiteral("class/joinName"), normalizedName(m_name->text()));
    QDialog::accept();
}

// ---- Class sweep ------------------------------------------------------------------------------

QVector<double> SweepDialog::logSpaced(double from, double to, int n) {
    QVector<double> out;
    for (int i = 0; i < n; ++i)
        out.append(n == 1 ? from : from * std::pow(to / from, static_cast<double>(i) / (n - 1)));
    return out;
}

SweepDialog::SweepDialog(const QVector<StudentSummary>& students, QWidget* parent)
    : QDialog(parent) {
    QVector<StudentSummary> sorted = students;
    std::sort(sorted.begin(), sorted.end(), [](const StudentSummary& a, const StudentSummary& b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_from = new QDoubleSpinBox(this);
    m_to = new QDoubleSpinBox(this);
    for (QDoubleSpinBox* s : {m_from, m_to}) {
        s->setDecimals(4);
        s->setRange(0.0001, 10.0);
        s->setSingleStep(0.01);
    }
    m_from->setValue(0.01);
    m_to->setValue(1.0);
    m_fromLabel = new QLabel(this);
    m_toLabel = new QLabel(this);
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    m_table = new QTableWidget(static_cast<int>(sorted.size()), 2, this);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int i = 0; i < sorted.size(); ++i) {
        auto* name = new QTableWidgetItem(sorted[i].name);
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(i, 0, name);
        m_table->setItem(i, 1, new QTableWidgetItem);
        m_ids.append(sorted[i].id);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!sorted.isEmpty());
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_from, &QDoubleSpinBox::valueChanged, this, &SweepDialog::spread);
    connect(m_to, &QDoubleSpinBox::valueChanged, this, &SweepDialog::spread);
    auto* form = new QFormLayout;
    form->addRow(m_fromLabel, m_from);
    form->addRow(m_toLabel, m_to);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_buttons);
    retranslateUi();
    spread();
}

void SweepDialog::retranslateUi() {
    setWindowTitle(tr("Class sweep"));
    m_intro->setText(
        tr("Every student starts from your network, seed and data with a learning "
           "rate of their own: log-spaced from the first to the last, or typed per "
           "student. The class's answer to \"which learning rate works\" appears as "
           "accuracy against α."));
    m_fromLabel->setText(tr("α &from:"));
    m_toLabel->setText(tr("α &to:"));
    m_table->setHorizontalHeaderLabels({tr("Student"), tr("α")});
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Send to the class"));
}

void SweepDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

void SweepDialog::spread() {
    const QVector<double> lr = logSpaced(m_from->value(), m_to->value(), m_table->rowCount());
    for (int i = 0; i < m_table->rowCount(); ++i)
        m_table->item(i, 1)->setText(QString::number(lr[i], 'g', 3));
}

QVector<QPair<int, double>> SweepDialog::rates() const {
    QVector<QPair<int, double>> out;
    for (int i = 0; i < m_table->rowCount(); ++i) {
        bool ok = false;
        const double lr = m_table->item(i, 1)->text().trimmed().toDouble(&ok);
        if (ok && lr > 0 && lr <= Limits::kMaxLearningRate) out.append({m_ids[i], lr});
    }
    return out;
}

// ---- Challenge --------------------------------------------------------------------------------

ChallengeDialog::ChallengeDialog(const Goal& current, QWidget* parent) : QDialog(parent) {
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_accuracy = new QDoubleSpinBox(this);
    m_accuracy->setRange(1, 100);
    m_accuracy->setDecimals(1);
    m_accuracy->setSuffix(QStringLiteral(" %"));
    m_accuracy->setValue(100.0 * current.minAccuracy);
    m_hidden = new QSpinBox(this);
    m_hidden->setRange(0, Limits::kMaxNeurons);
    m_hidden->setValue(current.active ? current.maxHidden : 50);
    m_session = new QCheckBox(this);
    m_session->setChecked(true);
    m_accuracyLabel = new QLabel(this);
    m_hiddenLabel = new QLabel(this);
    m_accuracyLabel->setBuddy(m_accuracy);
    m_hiddenLabel->setBuddy(m_hidden);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout;
    form->addRow(m_accuracyLabel, m_accuracy);
    form->addRow(m_hiddenLabel, m_hidden);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_session);
    layout->addWidget(m_buttons);
    retranslateUi();
}

void ChallengeDialog::retranslateUi() {
    setWindowTitle(tr("Challenge"));
    m_intro->setText(
        tr("Each student's studio shows the goal and whether their run meets it; "
           "the class table marks who did."));
    m_accuracyLabel->setText(tr("Test accuracy &at least:"));
    m_hiddenLabel->setText(tr("&Hidden neurons at most:"));
    m_hidden->setSpecialValueText(tr("any number"));
    m_session->setText(tr("&Start everyone from this studio's network, settings and data"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Send to the class"));
}

void ChallengeDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

Goal ChallengeDialog::goal() const {
    return Goal{true, m_accuracy->value() / 100.0, m_hidden->value()};
}

bool ChallengeDialog::sendStartingSession() const {
    return m_session->isChecked();
}

}  // namespace bps
