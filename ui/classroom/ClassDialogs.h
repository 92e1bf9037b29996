// ClassDialogs.h — the four small dialogs of class mode: Host a class (port, code), Join a class
// (address, code, name; remembered), Class sweep (learning rates over the class, log-spaced or
// per student) and Challenge (a goal and a starting session). Each checks its input with the
// protocol's own rules (Protocol.h) before OK is enabled, and retranslates on LanguageChange.
#pragma once

#include <QDialog>
#include <QVector>

#include "ClassClient.h"
#include "ClassHost.h"

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace bps {

class HostClassDialog : public QDialog {
    Q_OBJECT
  public:
    explicit HostClassDialog(QWidget* parent = nullptr);
    quint16 port() const;
    QString code() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslateUi();
    void validate();
    QLabel* m_intro = nullptr;
    QLabel* m_portLabel = nullptr;
    QLabel* m_codeLabel = nullptr;
    QSpinBox* m_port = nullptr;   // TCP port
    QLineEdit* m_code = nullptr;  // join code (a fresh one offered)
    QDialogButtonBox* m_buttons = nullptr;
};

class JoinClassDialog : public QDialog {
    Q_OBJECT
  public:
    explicit JoinClassDialog(QWidget* parent = nullptr);
    // The options to join with (address split into host and port); remembers them on accept.
    bp::classroom::ClassClient::Options options() const;
    void accept() override;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslateUi();
    void validate();
    QLabel* m_intro = nullptr;
    QLabel* m_addressLabel = nullptr;
    QLabel* m_codeLabel = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_problem = nullptr;     // what is wrong with the input
    QLineEdit* m_address = nullptr;  // "192.168.1.20:5710"
    QLineEdit* m_code = nullptr;
    QLineEdit* m_name = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

class SweepDialog : public QDialog {
    Q_OBJECT
  public:
    // The connected students, in the order the rates are spread (by name).
    SweepDialog(const QVector<bp::classroom::StudentSummary>& students, QWidget* parent = nullptr);
    // (student id, α) for every student in the table.
    QVector<QPair<int, double>> rates() const;
    // α_i = from · (to/from)^(i/(n−1)): n rates log-spaced from `from` to `to` (from for n = 1).
    static QVector<double> logSpaced(double from, double to, int n);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslateUi();
    void spread();  // fills the table's α column from the range
    QLabel* m_intro = nullptr;
    QLabel* m_fromLabel = nullptr;
    QLabel* m_toLabel = nullptr;
    QDoubleSpinBox* m_from = nullptr;
    QDoubleSpinBox* m_to = nullptr;
    QTableWidget* m_table = nullptr;  // name | α (editable: per student)
    QDialogButtonBox* m_buttons = nullptr;
    QVector<int> m_ids;  // student id per table row
};

class ChallengeDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ChallengeDialog(const bp::classroom::Goal& current, QWidget* parent = nullptr);
    bp::classroom::Goal goal() const;
    bool sendStartingSession() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslateUi();
    QLabel* m_intro = nullptr;
    QLabel* m_accuracyLabel = nullptr;
    QLabel* m_hiddenLabel = nullptr;
    QDoubleSpinBox* m_accuracy = nullptr;  // %
    QSpinBox* m_hidden = nullptr;          // 0 = any
    QCheckBox* m_session = nullptr;        // send this studio's network and settings too
    QDialogButtonBox* m_buttons = nullptr;
};

// The goal in words, for the teacher's banner and the student's status ("≥ 95 % on the test set
// with at most 50 hidden neurons").
QString goalText(const bp::classroom::Goal& goal);

}  // namespace bps
