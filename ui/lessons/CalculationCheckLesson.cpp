#include "lessons/CalculationCheckLesson.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "backprop/Stepper.h"
#include "lessons/WhyNetworks.h"
#include "views/CalculationCheckForm.h"
#include "views/NumberText.h"

namespace bps {
namespace {

QString vec(const bp::Vector& v) {
    QStringList parts;
    for (Eigen::Index i = 0; i < v.size(); ++i) parts << n4(v(i));
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

QString mat(const bp::Matrix& m) {
    QStringList rows;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        QStringList cells;
        for (Eigen::Index c = 0; c < m.cols(); ++c) cells << n4(m(r, c));
        rows << cells.join(QStringLiteral(" "));
    }
    return QStringLiteral("[%1]").arg(rows.join(QStringLiteral("; ")));
}

}  // namespace

CalculationCheckLesson::CalculationCheckLesson(QWidget* parent) : Lesson(parent) {
    // One training step of the book's three layers of three on its sample: every value a hand
    // calculation needs, and the ΔW the network applied.
    why::NetAndSample book = why::bookNetwork();
    bp::Network stepped = book.net;
    bp::Stepper st(stepped);
    st.setSample(book.input, book.target);
    st.finish(kLearningRate);
    m_values = st.values();

    m_given = new QLabel(this);
    m_given->setObjectName(QStringLiteral("checkGiven"));
    m_given->setWordWrap(true);
    m_given->setTextFormat(Qt::RichText);
    m_given->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_givenBox = new QGroupBox(this);
    (new QVBoxLayout(m_givenBox))->addWidget(m_given);

    m_form = new CalculationCheckForm(this);
    m_form->setStackedPicker(true);
    m_form->setFirstIndex(1);  // the book counts nodes from 1
    m_form->setStep(m_values, book.net.spec().layers, book.net.spec().bias, kLearningRate);
    m_askBox = new QGroupBox(this);
    (new QVBoxLayout(m_askBox))->addWidget(m_form);

    auto* right = new QVBoxLayout;
    right->addWidget(m_askBox, 1);
    auto* left = new QVBoxLayout;
    left->addWidget(m_givenBox);
    left->addWidget(explanationPanel(), 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    ask(bp::CheckQuantity::DeltaW, 1, 0, 0);
    retranslateUi();
}

CalculationCheckLesson::~CalculationCheckLesson() = default;

void CalculationCheckLesson::ask(bp::CheckQuantity q, int layer, int row, int col) {
    m_form->ask(q, layer, row, col);
}

bp::CheckQuantity CalculationCheckLesson::quantity() const {
    return m_form->quantity();
}

bool CalculationCheckLesson::check(const QString& answer) {
    return m_form->check(answer);
}

const bp::CheckResult& CalculationCheckLesson::result() const {
    return m_form->result();
}

bool CalculationCheckLesson::checked() const {
    return m_form->checked();
}

QString CalculationCheckLesson::resultText() const {
    return m_form->resultText();
}

void CalculationCheckLesson::setHints(bool on) {
    m_form->setHints(on);
}

bool CalculationCheckLesson::hints() const {
    return m_form->hints();
}

double CalculationCheckLesson::value() const {
    return m_form->value();
}

QString CalculationCheckLesson::givenText() const {
    const bp::PassValues& v = m_values;
    const why::NetAndSample book = why::bookNetwork();
    return tr("<b>The book's three layers of three, one training step, α = %1.</b><br>"
              "input I = %2, target T = %3<br>"
              "W0 (input → hidden) = %4<br>W1 (hidden → output) = %5<br>"
              "hidden: X1 = %6, O1 = %7<br>output: X2 = %8, O2 = %9<br>"
              "errors: E2 = T − O2 = %10, E1 = W1ᵀ·E2 = %11<br>"
              "W(r, c) is the weight from node c to node r; nodes count from 1.")
        .arg(n4(kLearningRate), vec(v.o[0]), vec(v.target), mat(book.net.weights(0)),
             mat(book.net.weights(1)), vec(v.x[1]), vec(v.o[1]), vec(v.x[2]), vec(v.o[2]))
        .arg(vec(v.e[2]), vec(v.e[1]));
}

void CalculationCheckLesson::retranslateUi() {
    m_givenBox->setTitle(tr("The values"));
    m_askBox->setTitle(tr("Your calculation"));
    m_given->setText(givenText());
    setExplanation(
        tr("<b>Calculate, then check.</b> Pick a quantity, work it out on paper from the values, "
           "and type it in. An answer within 1 % counts as right. When it is not, the lesson "
           "tries the usual slips one at a time and names the factor that differs.<br>"
           "<b>Try:</b> ΔW of W1 from node 1 to node 1: α · e · o(1 − o) · o_j with the output "
           "node's e and o and the hidden node's o_j. <b>Notice:</b> leave a factor out on "
           "purpose and see it named."));
}

}  // namespace bps
