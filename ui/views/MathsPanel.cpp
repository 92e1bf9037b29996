#include "views/MathsPanel.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "views/ControlPanel.h"

namespace bps {
namespace {

constexpr int kDecimals = 4;    // values: x, o, e, w
constexpr int kDwDecimals = 5;  // ΔW and the weights it changed (the book's 2.0 → 2.00265)
constexpr int kTopTerms = 8;    // contributions listed for a large row

QString fmt(double v, int decimals) {
    if (!std::isfinite(v)) return QStringLiteral("nan");
    QString s = QString::number(v, 'f', decimals);
    if (s.startsWith(QLatin1Char('-')) && s.toDouble() == 0.0) s.remove(0, 1);  // no "-0.0000"
    return s;
}

// "(-0.12)" for a negative factor inside a product.
QString paren(const QString& s) {
    return s.startsWith(QLatin1Char('-')) ? QStringLiteral("(%1)").arg(s) : s;
}

QString sub(const QString& base, int k) {
    return base + QStringLiteral("<sub>%1</sub>").arg(k);
}

bool sizeOk(const bp::Vector& v, int n) {
    return v.size() == n;
}

}  // namespace

MathsPanel::MathsPanel(QWidget* parent) : QWidget(parent), m_browser(new QTextBrowser(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    m_browser->setOpenLinks(false);
    m_browser->document()->setDefaultFont(baseFont());
    m_browser->document()->setDefaultStyleSheet(QStringLiteral(
        "h3 { margin: 2px 0 4px 0; } .formula { font-size: large; font-weight: bold; }"
        " .note { color: #55585e; } .shape { color: #55585e; font-style: italic; }"
        " td.num { text-align: right; padding: 1px 4px; white-space: pre; }"
        " td.item { white-space: pre; } td.br { color: #444; font-size: large; }"));
    // Text breaks between words only: a number, a matrix cell or a formula item never wraps
    // inside itself; what is too wide for the panel scrolls sideways.
    m_browser->setWordWrapMode(QTextOption::WordWrap);
    m_liveTimer.setSingleShot(true);
    connect(&m_liveTimer, &QTimer::timeout, this, &MathsPanel::showPending);
    rebuild();
}

void MathsPanel::follow(SnapshotPtr s) {
    m_pending = std::move(s);
    if (!isVisible()) return;  // showEvent shows it
    if (m_live && m_shownClock.isValid() && m_shownClock.elapsed() < kLiveIntervalMs) {
        if (!m_liveTimer.isActive())
            m_liveTimer.start(kLiveIntervalMs - static_cast<int>(m_shownClock.elapsed()));
        return;
    }
    showPending();
}

void MathsPanel::setLive(bool live) {
    m_live = live;
    if (!live && isVisible()) showPending();
}

void MathsPanel::showPending() {
    m_liveTimer.stop();
    if (!m_pending) return;
    m_shownClock.start();
    setSnapshot(std::move(m_pending));
    m_pending.reset();
}

void MathsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    showPending();
    fitKeyLine();  // the viewport has its size now
}

void MathsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // a new language: the document is written again; a new font (presentation mode): the text
    // is sized from it again
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) rebuild();
}

void MathsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitKeyLine();
}

QFont MathsPanel::baseFont() const {
    QFont f = font();
    f.setPointSizeF(std::max(13.0, f.pointSizeF() * 1.25));  // readable on a projector
    return f;
}

// The key line in view: from the base size down (to 8 pt at the least), the text is made as
// much smaller as the key line needs to fit the viewport's width and height without scrolling.
void MathsPanel::fitKeyLine(bool keepFit) {
    const QFont base = baseFont();
    QTextDocument* doc = m_browser->document();
    QFont f = keepFit ? doc->defaultFont() : base;
    if (doc->defaultFont() != f) doc->setDefaultFont(f);
    const QSize room = m_browser->viewport()->size();
    if (!isVisible() || room.width() < 50 || room.height() < 50) return;
    m_fitRoom = room;
    m_fitBase = base.pointSizeF();
    constexpr double kMinPoints = 8.0;
    for (int i = 0; i < 8; ++i) {
        const QRectF key = keyLineRect().translated(m_browser->horizontalScrollBar()->value(),
                                                    m_browser->verticalScrollBar()->value());
        // (keyLineRect is in the viewport; the fit is made for the document scrolled to the top)
        if (key.isNull()) return;
        const double scale = std::min(room.width() / std::max(1.0, key.right() + 2),
                                      room.height() / std::max(1.0, key.bottom() + 2));
        if (scale >= 1.0) return;
        const double pt = std::max(kMinPoints, f.pointSizeF() * std::max(0.75, scale * 0.97));
        if (pt >= f.pointSizeF() - 0.05) return;
        f.setPointSizeF(pt);
        doc->setDefaultFont(f);
    }
}

void MathsPanel::setSnapshot(SnapshotPtr s) {
    m_snapshot = std::move(s);
    rebuild();
}

void MathsPanel::setSelectedNeuron(int layer, int index) {
    m_selLayer = layer;
    m_selIndex = index;
    rebuild();
}

QString MathsPanel::plainText() const {
    return m_browser->toPlainText();
}
QString MathsPanel::html() const {
    return m_browser->toHtml();
}

QStringList MathsPanel::shownCells(const QString& name) const {
    auto it = m_cells.find(name);
    return it == m_cells.end() ? QStringList{} : it->second;
}

QRectF MathsPanel::keyLineRect() const {
    const QTextDocument* doc = m_browser->document();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (!it.fragment().charFormat().anchorNames().contains(QStringLiteral("key"))) continue;
            // the whole line: the outermost table around the anchor, else its paragraph
            int first = b.position(), last = b.position() + b.length() - 1;
            for (QTextFrame* f = QTextCursor(b).currentFrame(); f && f != doc->rootFrame();
                 f = f->parentFrame())
                if (qobject_cast<QTextTable*>(f)) {
                    first = f->firstPosition();
                    last = f->lastPosition();
                }
            // the union of where every line of text in it starts and ends (viewport coordinates)
            QRectF r;
            for (QTextBlock q = doc->findBlock(first); q.isValid() && q.position() <= last;
                 q = q.next()) {
                const QTextLayout* lay = q.layout();
                for (int i = 0; lay && i < lay->lineCount(); ++i) {
                    const QTextLine ln = lay->lineAt(i);
                    QTextCursor c(q);
                    c.setPosition(q.position() + ln.textStart());
                    const QRect at = m_browser->cursorRect(c);
                    r |= QRectF(at.left(), at.top(), std::max(1.0, ln.naturalTextWidth()),
                                std::max<double>(at.height(), ln.height()));
                }
            }
            return r;
        }
    }
    return {};
}

QSize MathsPanel::viewportSize() const {
    return m_browser->viewport()->size();
}

int MathsPanel::brokenCells() const {
    return brokenCellsIn(*m_browser->document());
}

int MathsPanel::brokenCellsIn(const QTextDocument& doc) {
    int n = 0;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        if (QTextCursor(b).currentTable() && b.layout() && b.layout()->lineCount() > 1) ++n;
    return n;
}

QStringList MathsPanel::shownNames() const {
    QStringList names;
    for (const auto& [k, v] : m_cells) names << k;
    return names;
}

// A matrix (or vector) in brackets, recording its cells under `name`.
QString MathsPanel::matrix(const QString& name, int rows, int cols,
                           const std::function<double(int, int)>& at, int decimals) {
    QStringList& cells = m_cells[name];
    cells.clear();
    QString h = QStringLiteral("<table cellspacing='0' cellpadding='0'>");
    for (int r = 0; r < rows; ++r) {
        QString left, right;
        if (rows == 1) {
            left = QStringLiteral("[");
            right = QStringLiteral("]");
        } else if (r == 0) {
            left = QStringLiteral("⎡");
            right = QStringLiteral("⎤");
        } else if (r == rows - 1) {
            left = QStringLiteral("⎣");
            right = QStringLiteral("⎦");
        } else {
            left = QStringLiteral("⎢");
            right = QStringLiteral("⎥");
        }
        h += QStringLiteral("<tr><td class='br'>%1</td>").arg(left);
        for (int c = 0; c < cols; ++c) {
            const QString cell = fmt(at(r, c), decimals);
            cells << cell;
            h += QStringLiteral("<td class='num'>%1</td>").arg(cell);
        }
        h += QStringLiteral("<td class='br'>%1</td></tr>").arg(right);
    }
    h += QStringLiteral("</table>");
    return h;
}

QString MathsPanel::vec(const QString& name, const bp::Vector& v, int decimals) {
    return matrix(
        name, static_cast<int>(v.size()), 1, [&v](int r, int) { return v(r); }, decimals);
}

QString MathsPanel::rowVec(const QString& name, const bp::Vector& v, int decimals) {
    return matrix(
        name, 1, static_cast<int>(v.size()), [&v](int, int c) { return v(c); }, decimals);
}

// One line of a formula: items side by side, vertically centred, none ever broken onto two
// lines (td.item is white-space: pre; a line wider than the panel scrolls sideways). The first
// key line of the document carries the anchor "key" (keyLineRect()).
QString MathsPanel::line(const QStringList& items, bool key) {
    QString h = QStringLiteral("<table cellspacing='4' cellpadding='0'><tr>");
    for (int i = 0; i < items.size(); ++i) {
        QString it = items[i];
        if (key && i == 0 && !m_keyPlaced) {
            it = QStringLiteral("<a name='key'>%1</a>").arg(it);
            m_keyPlaced = true;
        }
        h += QStringLiteral("<td class='item' valign='middle'>%1</td>").arg(it);
    }
    return h + QStringLiteral("</tr></table>");
}

// The spaces of `html` outside its tags as non-breaking ones: "o₀ = f(1.2048) = 0.7694" stays
// on one line.
static QString unbroken(const QString& html) {
    QString out;
    bool inTag = false;
    for (const QChar c : html) {
        if (c == u'<') inTag = true;
        if (c == u'>') inTag = false;
        out += (c == u' ' && !inTag) ? QStringLiteral("&nbsp;") : QString(c);
    }
    return out;
}

// A formula paragraph; as the key line of the document it carries the anchor "key". Its
// equations (separated by "&nbsp;&nbsp;") each stay on one line; a narrow panel breaks the
// paragraph between them only.
QString MathsPanel::formula(const QString& inner, bool key) {
    QStringList parts = inner.split(QStringLiteral("&nbsp;&nbsp;"));
    for (QString& p : parts) p = unbroken(p.trimmed());
    const QString text = parts.join(QStringLiteral("&nbsp;&nbsp; "));
    if (key && !m_keyPlaced) {
        m_keyPlaced = true;
        return QStringLiteral("<p class='formula'><a name='key'>%1</a></p>").arg(text);
    }
    return QStringLiteral("<p class='formula'>%1</p>").arg(text);
}

static QString op(const QString& s) {
    return QStringLiteral("<span style='font-size:large'>&nbsp;%1&nbsp;</span>").arg(s);
}

QString MathsPanel::layerWord(int layer) const {
    const int L = m_snapshot->spec.weightLayers();
    if (layer == 0) return tr("input");
    if (layer == L) return tr("output");
    if (L == 2) return tr("hidden");
    return tr("hidden %1").arg(layer);
}

QString MathsPanel::activationFormula(int layer) const {
    const bp::Activation a = layer == m_snapshot->spec.weightLayers() ? m_snapshot->spec.output
                                                                      : m_snapshot->spec.hidden;
    switch (a) {
        case bp::Activation::Sigmoid:
            return QStringLiteral("σ(x) = 1 / (1 + e<sup>−x</sup>)");
        case bp::Activation::Tanh:
            return QStringLiteral("f(x) = tanh(x)");
        case bp::Activation::ReLU:
            return QStringLiteral("f(x) = max(0, x)");
    }
    return {};
}

int MathsPanel::focusNeuron(int layer, const bp::Vector& byDefault) const {
    const int n = m_snapshot->spec.layers[layer];
    if (m_selLayer == layer && m_selIndex >= 0 && m_selIndex < n) return m_selIndex;
    if (byDefault.size() != n || n == 0) return 0;
    int best = 0;
    for (int i = 1; i < n; ++i)
        if (std::abs(byDefault(i)) > std::abs(byDefault(best))) best = i;
    return best;
}

// A row of a large product, y_j = Σ_i a_i·b_i, with its largest terms listed.
QString MathsPanel::rowSum(const QString& name, const QString& termA, const QString& termB,
                           const std::vector<double>& a, const std::vector<double>& b,
                           const std::vector<int>& index, double total, int decimals) {
    const std::size_t n = a.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    const std::size_t top = std::min<std::size_t>(n, kTopTerms);
    std::partial_sort(order.begin(), order.begin() + top, order.end(), [&](auto x, auto y) {
        return std::abs(a[x] * b[x]) > std::abs(a[y] * b[y]);
    });
    QStringList& cells = m_cells[name];
    cells.clear();
    QString h = QStringLiteral(
                    "<table cellspacing='0' cellpadding='2' border='0'><tr>"
                    "<th>i</th><th>%1</th><th>%2</th><th>%1·%2</th></tr>")
                    .arg(termA, termB);
    double shown = 0;
    for (std::size_t q = 0; q < top; ++q) {
        const std::size_t i = order[q];
        const double prod = a[i] * b[i];
        shown += prod;
        const QString ca = fmt(a[i], decimals), cb = fmt(b[i], decimals), cp = fmt(prod, decimals);
        cells << QString::number(index[i]) << ca << cb << cp;
        h += QStringLiteral(
                 "<tr><td class='num'>%1</td><td class='num'>%2</td><td class='num'>%3</td>"
                 "<td class='num'>%4</td></tr>")
                 .arg(index[i])
                 .arg(ca, cb, cp);
    }
    if (n > top) {
        h += QStringLiteral("<tr><td colspan='3' class='note'>%1</td><td class='num'>%2</td></tr>")
                 .arg(tr("the other %1 terms").arg(n - top), fmt(total - shown, decimals));
    }
    h += QStringLiteral("<tr><td colspan='3'><b>%1</b></td><td class='num'><b>%2</b></td></tr>")
             .arg(tr("sum"), fmt(total, decimals));
    m_cells[name + QStringLiteral("_sum")] = QStringList{fmt(total, decimals)};
    return h + QStringLiteral("</table>");
}

void MathsPanel::rebuild() {
    m_cells.clear();
    m_keyPlaced = false;
    const std::size_t n = m_snapshot ? m_snapshot->spec.layers.size() : 0;
    if (!m_snapshot || n < 2 ||
        static_cast<int>(m_snapshot->weights.size()) != m_snapshot->spec.weightLayers() ||
        m_snapshot->values.o.size() != n || m_snapshot->values.x.size() != n ||
        m_snapshot->values.e.size() != n || m_snapshot->values.delta.size() != n) {
        m_browser->setHtml(QStringLiteral("<p class='note'>%1</p>")
                               .arg(tr("The formulas of the current step appear here.")));
        fitKeyLine();
        return;
    }
    const Snapshot& s = *m_snapshot;
    const int L = s.spec.weightLayers();
    QString h;
    // What to show: the phase just run; at full speed, the whole forward pass and the error.
    if (!s.lastPhase && s.nextPhase) {
        h += QStringLiteral("<h3>%1</h3>").arg(tr("A new sample"));
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("The input I = O<sub>0</sub> is set. Next: the signal moves forward."));
        if (s.spec.layers[0] <= kSmallLayer && sizeOk(s.values.o[0], s.spec.layers[0]))
            h += line({QStringLiteral("I = O<sub>0</sub> ="),
                       vec(QStringLiteral("O0"), s.values.o[0], kDecimals)},
                      true);
        else
            h += formula(QStringLiteral("I: %1×1").arg(s.spec.layers[0]), true);
    } else if (!s.lastPhase) {
        // The whole pass of one sample through the weights of the snapshot, as Play goes or
        // before it (the sample the next step trains).
        const QString number = QString::number(s.sample);
        QString title;
        if (s.playing && s.pace > 0) {
            title = tr("Training at %1 — sample %2 through the weights of this moment")
                        .arg(ControlPanel::paceText(s.pace), number);
        } else if (s.playing) {
            title = tr("Training at full speed — sample %1 through the weights of this moment")
                        .arg(number);
        } else if (!s.live) {  // the timeline was dragged back to a checkpoint
            title = tr("Sample %1 through the weights as they were at sample %2 (the timeline)")
                        .arg(number, QLocale().toString(s.samplesSeen));
        } else {
            title =
                tr("Sample %1, the next to be trained, through the current weights").arg(number);
        }
        h += QStringLiteral("<h3>%1</h3>").arg(title);
        for (int k = 0; k < L; ++k) h += forwardHtml(k);
        h += outputErrorHtml();
    } else {
        const bp::Phase& ph = *s.lastPhase;
        switch (ph.kind) {
            case bp::PhaseKind::Forward:
                h += forwardHtml(ph.layer);
                break;
            case bp::PhaseKind::OutputError:
                h += outputErrorHtml();
                break;
            case bp::PhaseKind::BackError:
                h += backErrorHtml(ph.layer);
                break;
            case bp::PhaseKind::Update:
                h += updateHtml(ph.layer);
                break;
        }
    }
    // The same document but for its numbers and signs, in the same room: the text size fitted last
    // time holds (numbers of one shape differ little in width); else fit from the base size.
    std::size_t shape = 0;
    for (const QChar c : std::as_const(h))
        if (!c.isDigit() && c != u'-' && c != QChar(0x2212)) shape = shape * 131 + c.unicode();
    const bool sameShape = shape == m_fitShape && m_fitRoom == m_browser->viewport()->size() &&
                           m_fitBase == baseFont().pointSizeF();
    m_fitShape = shape;
    // Written into a document of its own and then shown: laid out once, at the panel's width
    // (setHtml on the shown document lays it out as it empties and fills, and again each time
    // its scroll bars come and go).
    QTextDocument* old = m_browser->document();
    auto* doc = new QTextDocument(m_browser);
    doc->setDefaultStyleSheet(old->defaultStyleSheet());
    doc->setDefaultTextOption(old->defaultTextOption());
    doc->setDocumentMargin(old->documentMargin());
    doc->setDefaultFont(sameShape ? old->defaultFont() : baseFont());
    doc->setHtml(h);
    // a student reading further down keeps the place while Play writes the next sample
    const int across = m_browser->horizontalScrollBar()->value();
    const int down = m_browser->verticalScrollBar()->value();
    // The old one goes: one of ours is deleted here, the browser's first one by setDocument.
    const bool ours = old->parent() == m_browser;
    m_browser->setDocument(doc);
    if (ours) delete old;
    fitKeyLine(sameShape);
    if (sameShape) {
        m_browser->horizontalScrollBar()->setValue(across);
        m_browser->verticalScrollBar()->setValue(down);
    }
}

// x_{k+1} = W_k·o_k, o_{k+1} = f(x_{k+1})
QString MathsPanel::forwardHtml(int k) {
    const Snapshot& s = *m_snapshot;
    const int nIn = s.spec.layers[k], nOut = s.spec.layers[k + 1];
    const bp::Matrix& W = s.weights[k];
    const bp::Vector& o = s.values.o[k];
    const bp::Vector& x1 = s.values.x[k + 1];
    const bp::Vector& o1 = s.values.o[k + 1];
    const bool bias = W.cols() == nIn + 1;
    QString h = QStringLiteral("<h3>%1</h3>")
                    .arg(tr("Forward: the signal reaches the %1 layer").arg(layerWord(k + 1)));
    h += formula(QStringLiteral("%1 = %2 · %3 &nbsp;&nbsp; %4 = f(%1)")
                     .arg(sub(QStringLiteral("X"), k + 1), sub(QStringLiteral("W"), k),
                          sub(QStringLiteral("O"), k), sub(QStringLiteral("O"), k + 1)));
    // The activation and the shapes come after the numbers: the key line first.
    QString notes = QStringLiteral("<p class='note'>%1</p>").arg(activationFormula(k + 1));
    if (!sizeOk(o, nIn) || !sizeOk(x1, nOut) || !sizeOk(o1, nOut)) return h + notes;
    const QString Wn = QStringLiteral("W%1").arg(k), On = QStringLiteral("O%1").arg(k);
    const QString Xn = QStringLiteral("X%1").arg(k + 1), O1n = QStringLiteral("O%1").arg(k + 1);
    notes += QStringLiteral("<p class='shape'>%1: %2×%3, %4: %5×1, %6: %2×1%7</p>")
                 .arg(sub(QStringLiteral("W"), k))
                 .arg(nOut)
                 .arg(W.cols())
                 .arg(sub(QStringLiteral("O"), k))
                 .arg(W.cols())
                 .arg(sub(QStringLiteral("X"), k + 1))
                 .arg(bias ? tr(" (the last input is the constant 1 of the bias)") : QString());
    if (nIn <= kSmallLayer && nOut <= kSmallLayer) {
        bp::Vector oin(W.cols());
        oin.head(nIn) = o;
        if (bias) oin(nIn) = 1.0;
        h += line({sub(QStringLiteral("X"), k + 1) + QStringLiteral(" ="),
                   matrix(
                       Wn, nOut, static_cast<int>(W.cols()), [&W](int r, int c) { return W(r, c); },
                       kDecimals),
                   op(QStringLiteral("·")), vec(On, oin, kDecimals), op(QStringLiteral("=")),
                   vec(Xn, x1, kDecimals)},
                  true);
        h += line({sub(QStringLiteral("O"), k + 1) + QStringLiteral(" = f("),
                   vec(Xn + QStringLiteral("_arg"), x1, kDecimals), op(QStringLiteral(") =")),
                   vec(O1n, o1, kDecimals)});
        return h + notes;
    }
    // Large: one neuron's row.
    const int j = focusNeuron(k + 1, o1);
    std::vector<double> a, b;
    std::vector<int> idx;
    for (int i = 0; i < W.cols(); ++i) {
        a.push_back(W(j, i));
        b.push_back(i < nIn ? o(i) : 1.0);
        idx.push_back(i);
    }
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Neuron j = %1 of the %2 layer (click a neuron to choose another):")
                      .arg(j)
                      .arg(layerWord(k + 1)));
    h += formula(QStringLiteral("x<sub>%1</sub> = Σ<sub>i</sub> w<sub>%1,i</sub>·o<sub>i</sub> "
                                "= %2 &nbsp;&nbsp; o<sub>%1</sub> = f(%2) = %3")
                     .arg(j)
                     .arg(fmt(x1(j), kDecimals), fmt(o1(j), kDecimals)),
                 true);
    m_cells[QStringLiteral("x_j")] = QStringList{fmt(x1(j), kDecimals)};
    m_cells[QStringLiteral("o_j")] = QStringList{fmt(o1(j), kDecimals)};
    m_cells[QStringLiteral("j")] = QStringList{QString::number(j)};
    h += QStringLiteral("<p class='note'>%1</p>")
             .arg(tr("The largest of its %1 terms w·o:").arg(W.cols()));
    h += rowSum(QStringLiteral("terms"), QStringLiteral("w<sub>%1,i</sub>").arg(j),
                QStringLiteral("o<sub>i</sub>"), a, b, idx, x1(j), kDecimals);
    if (nOut <= kSmallLayer) {
        h +=
            line({sub(QStringLiteral("X"), k + 1) + QStringLiteral(" ="), vec(Xn, x1, kDecimals),
                  op(QStringLiteral("&nbsp;")),
                  sub(QStringLiteral("O"), k + 1) + QStringLiteral(" ="), vec(O1n, o1, kDecimals)});
    }
    return h + notes;
}

// e_L = T − o_L
QString MathsPanel::outputErrorHtml() {
    const Snapshot& s = *m_snapshot;
    const int L = s.spec.weightLayers();
    const int n = s.spec.layers[L];
    QString h = QStringLiteral("<h3>%1</h3>").arg(tr("Output error"));
    h += formula(QStringLiteral("E = T − O"));
    const bp::Vector& t = s.values.target;
    const bp::Vector& o = s.values.o[L];
    const bp::Vector& e = s.values.e[L];
    if (!sizeOk(t, n) || !sizeOk(o, n) || !sizeOk(e, n)) return h;
    if (n <= kSmallLayer) {
        h += line({QStringLiteral("E ="), vec(QStringLiteral("T"), t, kDecimals),
                   op(QStringLiteral("−")), vec(QStringLiteral("O%1").arg(L), o, kDecimals),
                   op(QStringLiteral("=")), vec(QStringLiteral("E%1").arg(L), e, kDecimals)},
                  true);
    } else {
        const int j = focusNeuron(L, e);
        h += formula(QStringLiteral("e<sub>%1</sub> = t<sub>%1</sub> − o<sub>%1</sub> = %2 − %3 = "
                                    "%4")
                         .arg(j)
                         .arg(fmt(t(j), kDecimals), fmt(o(j), kDecimals), fmt(e(j), kDecimals)),
                     true);
        m_cells[QStringLiteral("e_j")] = QStringList{fmt(e(j), kDecimals)};
    }
    h += QStringLiteral("<p class='note'>%1 = %2</p>")
             .arg(tr("Σ (T − O)² of this sample"), fmt(s.values.error, kDecimals));
    return h;
}

// e_k = W_kᵀ·e_{k+1}  (book rule)   or   W_kᵀ·(e_{k+1}∘f'(o_{k+1}))  (gradient rule)
QString MathsPanel::backErrorHtml(int k) {
    const Snapshot& s = *m_snapshot;
    const int nIn = s.spec.layers[k], nOut = s.spec.layers[k + 1];
    const bp::Matrix& W = s.weights[k];
    const bool book = s.spec.rule == bp::ErrorRule::Book;
    const bp::Vector& eOut = book ? s.values.e[k + 1] : s.values.delta[k + 1];
    const bp::Vector& e = s.values.e[k];
    QString h = QStringLiteral("<h3>%1</h3>")
                    .arg(tr("Back-propagation: the errors reach the %1 layer").arg(layerWord(k)));
    h += formula(QStringLiteral("%1 = %2<sup>T</sup> · %3")
                     .arg(sub(QStringLiteral("E"), k), sub(QStringLiteral("W"), k),
                          book ? sub(QStringLiteral("E"), k + 1)
                               : QStringLiteral("(%1 ∘ f′(%2))")
                                     .arg(sub(QStringLiteral("E"), k + 1),
                                          sub(QStringLiteral("O"), k + 1))));
    const QString note =
        QStringLiteral("<p class='note'>%1</p>")
            .arg(book ? tr("The book's rule: each error is split back along the weights (Wᵀ, the "
                           "weights before this step's update).")
                      : tr("Exact gradient: the error is scaled by the slope f′ before it is "
                           "split back."));
    if (!sizeOk(eOut, nOut) || !sizeOk(e, nIn)) return h + note;
    const QString Wt = QStringLiteral("W%1T").arg(k);
    const QString En = QStringLiteral("E%1").arg(k + 1), Ek = QStringLiteral("E%1").arg(k);
    if (nIn <= kSmallLayer && nOut <= kSmallLayer) {
        h += line({sub(QStringLiteral("E"), k) + QStringLiteral(" ="),
                   matrix(
                       Wt, nIn, nOut, [&W](int r, int c) { return W(c, r); }, kDecimals),
                   op(QStringLiteral("·")), vec(En, eOut, kDecimals), op(QStringLiteral("=")),
                   vec(Ek, e, kDecimals)},
                  true);
        return h + note;
    }
    const int j = focusNeuron(k, e);
    std::vector<double> a, b;
    std::vector<int> idx;
    for (int m = 0; m < nOut; ++m) {
        a.push_back(W(m, j));
        b.push_back(eOut(m));
        idx.push_back(m);
    }
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Neuron j = %1 of the %2 layer:").arg(j).arg(layerWord(k)));
    h +=
        formula(QStringLiteral("e<sub>%1</sub> = Σ<sub>m</sub> w<sub>m,%1</sub>·e<sub>m</sub> = %2")
                    .arg(j)
                    .arg(fmt(e(j), kDecimals)),
                true);
    m_cells[QStringLiteral("e_j")] = QStringList{fmt(e(j), kDecimals)};
    m_cells[QStringLiteral("j")] = QStringList{QString::number(j)};
    h += rowSum(QStringLiteral("terms"), QStringLiteral("w<sub>m,%1</sub>").arg(j),
                QStringLiteral("e<sub>m</sub>"), a, b, idx, e(j), kDecimals);
    h += QStringLiteral("<p class='shape'>%1</p>")
             .arg(tr("shapes: W%1ᵀ %2×%3 · E%4 %3×1 = E%1 %2×1")
                      .arg(k)
                      .arg(nIn)
                      .arg(nOut)
                      .arg(k + 1));
    return h + note;
}

// ΔW_k = α·(e_{k+1}∘f'(o_{k+1}))·o_kᵀ, W_k ← W_k + ΔW_k
QString MathsPanel::updateHtml(int k) {
    const Snapshot& s = *m_snapshot;
    const int nIn = s.spec.layers[k], nOut = s.spec.layers[k + 1];
    const bp::Matrix& Wnew = s.weights[k];
    const bp::Vector& d = s.values.delta[k + 1];
    const bp::Vector& e = s.values.e[k + 1];
    const bp::Vector& o1 = s.values.o[k + 1];
    const bp::Vector& o = s.values.o[k];
    const bool bias = Wnew.cols() == nIn + 1;
    const bool sigmoid =
        (k + 1 == s.spec.weightLayers() ? s.spec.output : s.spec.hidden) == bp::Activation::Sigmoid;
    QString h = QStringLiteral("<h3>%1</h3>")
                    .arg(tr("Update: the weights %1 change").arg(sub(QStringLiteral("W"), k)));
    h += formula(QStringLiteral("Δ%1 = α · (%2 ∘ %3) · %4<sup>T</sup> &nbsp;&nbsp; %1 ← %1 + Δ%1")
                     .arg(sub(QStringLiteral("W"), k), sub(QStringLiteral("E"), k + 1),
                          sigmoid
                              ? QStringLiteral("%1 ∘ (1 − %1)").arg(sub(QStringLiteral("O"), k + 1))
                              : QStringLiteral("f′(%1)").arg(sub(QStringLiteral("O"), k + 1)),
                          sub(QStringLiteral("O"), k)));
    if (s.batch > 1)  // stepping is per sample even when Play uses mini-batches
        h += QStringLiteral("<p class='note'>%1</p>")
                 .arg(tr("Mini-batches of %1: Play adds the mean ΔW of %1 samples at once "
                         "(ΔW = α/%1 · Σ …). Stepping shows and applies one sample's ΔW, as "
                         "the book does.")
                          .arg(s.batch));
    if (!sizeOk(d, nOut) || !sizeOk(o, nIn) || !sizeOk(o1, nOut) || !sizeOk(e, nOut)) return h;
    // ΔW as the stepper applied it (kept in the snapshot), else recomputed from the same values.
    bp::Matrix dW;
    if (k < static_cast<int>(s.values.dW.size()) && s.values.dW[k].rows() == Wnew.rows() &&
        s.values.dW[k].cols() == Wnew.cols()) {
        dW = s.values.dW[k];
    } else {
        bp::Vector oin(Wnew.cols());
        oin.head(nIn) = o;
        if (bias) oin(nIn) = 1.0;
        dW.noalias() = s.learningRate * d * oin.transpose();  // n_{k+1} × (n_k + bias)
    }
    const bp::Matrix Wold = Wnew - dW;
    bp::Vector oin(Wnew.cols());
    oin.head(nIn) = o;
    if (bias) oin(nIn) = 1.0;
    h += QStringLiteral("<p>α = %1</p>").arg(QString::number(s.learningRate, 'g', 6));
    m_cells[QStringLiteral("alpha")] = QStringList{QString::number(s.learningRate, 'g', 6)};
    if (nIn <= kSmallLayer && nOut <= kSmallLayer) {
        h += line({QStringLiteral("Δ") + sub(QStringLiteral("W"), k) + QStringLiteral(" ="),
                   matrix(
                       QStringLiteral("dW%1").arg(k), nOut, static_cast<int>(dW.cols()),
                       [&dW](int r, int c) { return dW(r, c); }, kDwDecimals)},
                  true);
        h += line(
            {QStringLiteral("%1 ∘ %2 =")
                 .arg(sub(QStringLiteral("E"), k + 1),
                      sigmoid ? QStringLiteral("%1(1−%1)").arg(sub(QStringLiteral("O"), k + 1))
                              : QStringLiteral("f′(%1)").arg(sub(QStringLiteral("O"), k + 1))),
             vec(QStringLiteral("delta%1").arg(k + 1), d, kDecimals), op(QStringLiteral("&nbsp;")),
             sub(QStringLiteral("O"), k) + QStringLiteral("<sup>T</sup> ="),
             rowVec(QStringLiteral("O%1T").arg(k), oin, kDecimals)});
        h += line({sub(QStringLiteral("W"), k) + QStringLiteral(" ←"),
                   matrix(
                       QStringLiteral("W%1old").arg(k), nOut, static_cast<int>(Wold.cols()),
                       [&Wold](int r, int c) { return Wold(r, c); }, kDwDecimals),
                   op(QStringLiteral("+ Δ") + sub(QStringLiteral("W"), k) + QStringLiteral(" =")),
                   matrix(
                       QStringLiteral("W%1new").arg(k), nOut, static_cast<int>(Wnew.cols()),
                       [&Wnew](int r, int c) { return Wnew(r, c); }, kDwDecimals)});
        // One weight spelled out, as the book does for w₁₁.
        h += QStringLiteral("<p>%1: w<sub>1,1</sub> = %2 + %3 · %4 · %5 = %6</p>")
                 .arg(tr("For example"), fmt(Wold(0, 0), kDwDecimals),
                      QString::number(s.learningRate, 'g', 6), paren(fmt(d(0), kDwDecimals)),
                      paren(fmt(oin(0), kDwDecimals)), fmt(Wnew(0, 0), kDwDecimals));
        m_cells[QStringLiteral("w11")] =
            QStringList{fmt(Wold(0, 0), kDwDecimals), fmt(Wnew(0, 0), kDwDecimals)};
        return h;
    }
    const int j = focusNeuron(k + 1, d);
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Neuron j = %1 of the %2 layer (click a neuron to choose another):")
                      .arg(j)
                      .arg(layerWord(k + 1)));
    h += formula(QStringLiteral("δ<sub>%1</sub> = e<sub>%1</sub>·%2 = %3 &nbsp;&nbsp; "
                                "Δw<sub>%1,i</sub> = α·δ<sub>%1</sub>·o<sub>i</sub>")
                     .arg(j)
                     .arg(sigmoid ? QStringLiteral("o<sub>%1</sub>(1−o<sub>%1</sub>)").arg(j)
                                  : QStringLiteral("f′(o<sub>%1</sub>)").arg(j),
                          fmt(d(j), kDwDecimals)),
                 true);
    m_cells[QStringLiteral("delta_j")] = QStringList{fmt(d(j), kDwDecimals)};
    m_cells[QStringLiteral("j")] = QStringList{QString::number(j)};
    // The largest changes of row j.
    std::vector<int> order(static_cast<std::size_t>(dW.cols()));
    std::iota(order.begin(), order.end(), 0);
    const int top = std::min<int>(kTopTerms, static_cast<int>(order.size()));
    std::partial_sort(order.begin(), order.begin() + top, order.end(),
                      [&](int a, int b) { return std::abs(dW(j, a)) > std::abs(dW(j, b)); });
    QStringList& cells = m_cells[QStringLiteral("changes")];
    cells.clear();
    h += QStringLiteral("<p class='note'>%1</p>").arg(tr("Its largest changes:"));
    h += QStringLiteral(
             "<table cellspacing='0' cellpadding='2'><tr><th>i</th><th>o<sub>i</sub></th>"
             "<th>w<sub>%1,i</sub></th><th>Δw<sub>%1,i</sub></th><th>%2</th></tr>")
             .arg(j)
             .arg(tr("new w"));
    for (int q = 0; q < top; ++q) {
        const int i = order[q];
        const QStringList row{QString::number(i), fmt(oin(i), kDecimals),
                              fmt(Wold(j, i), kDwDecimals), fmt(dW(j, i), kDwDecimals),
                              fmt(Wnew(j, i), kDwDecimals)};
        cells << row;
        h += QStringLiteral(
                 "<tr><td class='num'>%1</td><td class='num'>%2</td><td class='num'>%3</td>"
                 "<td class='num'>%4</td><td class='num'>%5</td></tr>")
                 .arg(row[0], row[1], row[2], row[3], row[4]);
    }
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p class='shape'>%1</p>")
             .arg(tr("shapes: ΔW%1 %2×%3 = (%2×1) · (1×%3)").arg(k).arg(nOut).arg(dW.cols()));
    return h;
}

}  // namespace bps
