// LayoutAudit.h — what a person checks when a window is put on a screen, as functions over every
// widget there is (not a list of known ones, so widgets added later are checked too):
//   - the window lies inside the screen's available geometry, no widget sticks out of its parent
//     (outside scroll areas, whose content scrolls on purpose);
//   - no text is cut: a label's text is not wider (or taller) than its box — plain text measured
//     with QFontMetricsF of the label's font against its contents rect, rich and word-wrapped text
//     laid out by QTextDocument with breaks at word boundaries only, so a word wider than the box
//     (which QLabel would cut or break) is found; push buttons, check boxes, radio buttons,
//     group box titles, combo boxes and spin boxes the same way;
//   - no chart text elided: Qt Charts shortens axis titles, tick labels and legend entries that
//     do not fit by ending them with "...", so no text item of a visible graphics scene may;
//   - a widget is shown whole: nothing of it scrolled away or covered by its ancestors.
// Each check returns one line per problem ("QLabel 'Learning rate:' 88 px of text in 60 px"),
// empty when all is well, so a test prints exactly what a person would see.
#pragma once

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QStringList>
#include <QStyle>
#include <QStyleOption>
#include <QTextDocument>
#include <QTextOption>
#include <QToolButton>
#include <QWidget>
#include <cmath>
#include <vector>

namespace audit {

// How a widget is named in a message: class, object name, and a little of its text.
inline QString describe(const QWidget* w) {
    QString s = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty()) s += QLatin1Char('#') + w->objectName();
    QString text;
    if (auto* l = qobject_cast<const QLabel*>(w))
        text = l->text();
    else if (auto* b = qobject_cast<const QAbstractButton*>(w))
        text = b->text();
    else if (auto* g = qobject_cast<const QGroupBox*>(w))
        text = g->title();
    if (!text.isEmpty()) {
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        if (text.size() > 60) text = text.left(57) + QStringLiteral("…");
        s += QStringLiteral(" '%1'").arg(text);
    }
    return s;
}

// Shown, on screen, and not on a hidden page (isVisible covers the ancestors).
inline bool shown(const QWidget* w) {
    return w->isVisible() && w->width() > 0 && w->height() > 0;
}

// Inside the content of a scroll area (whose parts may be scrolled out of view on purpose).
inline bool inScrolledContent(const QWidget* w) {
    for (const QWidget* a = w->parentWidget(); a; a = a->parentWidget()) {
        auto* area = qobject_cast<const QAbstractScrollArea*>(a->parentWidget());
        if (area && area->viewport() == a) return true;  // a is the viewport, w under it
    }
    return false;
}

// Text as drawn: "&Play" is drawn "Play" ("&&" is one "&").
inline QString withoutMnemonic(QString t) {
    t.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    t.remove(QLatin1Char('&'));
    t.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return t;
}

// 1 px of rounding is allowed everywhere (font metrics are fractional, boxes are whole pixels).
constexpr double kSlack = 1.0;

// ---- window and widgets inside the screen ----------------------------------------------------

inline QStringList outsideScreen(const QWidget* window) {
    QStringList out;
    const QScreen* screen = window->screen();
    if (!screen) return {QStringLiteral("%1 has no screen").arg(describe(window))};
    const QRect avail = screen->availableGeometry();
    const QRect frame = window->frameGeometry();
    if (!avail.contains(frame))
        out << QStringLiteral("%1: frame %2,%3 %4×%5 is not inside the screen's %6,%7 %8×%9")
                   .arg(describe(window))
                   .arg(frame.x())
                   .arg(frame.y())
                   .arg(frame.width())
                   .arg(frame.height())
                   .arg(avail.x())
                   .arg(avail.y())
                   .arg(avail.width())
                   .arg(avail.height());
    for (const QWidget* w : window->findChildren<QWidget*>()) {
        if (!shown(w) || w->isWindow() || inScrolledContent(w)) continue;
        const QWidget* p = w->parentWidget();
        if (!p || qobject_cast<const QAbstractScrollArea*>(p)) continue;
        if (!p->rect().adjusted(-1, -1, 1, 1).contains(w->geometry()))
            out << QStringLiteral("%1 sticks out of %2 (%3×%4 at %5,%6 in %7×%8)")
                       .arg(describe(w), describe(p))
                       .arg(w->width())
                       .arg(w->height())
                       .arg(w->x())
                       .arg(w->y())
                       .arg(p->width())
                       .arg(p->height());
    }
    return out;
}

// ---- cut texts -------------------------------------------------------------------------------

// The box a QLabel draws its text in (contents rect less margin and indent).
inline QRectF labelTextBox(const QLabel* l) {
    QRectF r =
        QRectF(l->contentsRect()).adjusted(l->margin(), l->margin(), -l->margin(), -l->margin());
    const int indent = l->indent();
    if (indent > 0) {
        if (l->alignment() & Qt::AlignLeft) r.adjust(indent, 0, 0, 0);
        if (l->alignment() & Qt::AlignRight) r.adjust(0, 0, -indent, 0);
    }
    return r;
}

// Width a rich or wrapped text needs when it may break between words only, and the height it
// then takes at `width` (QTextDocument, the same layout QLabel uses, margin 0 as in QLabel).
struct TextNeed {
    double widestWord = 0;  // idealWidth at the box width: > width means a word does not fit
    double height = 0;      // height of the laid out text at the box width
    double oneLine = 0;     // width of the text on one line (no wrapping)
};
inline TextNeed measure(const QString& text, bool rich, const QFont& font, double width) {
    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setDefaultFont(font);
    QTextOption opt = doc.defaultTextOption();
    opt.setWrapMode(QTextOption::WordWrap);  // breaks between words only, never inside one
    doc.setDefaultTextOption(opt);
    if (rich)
        doc.setHtml(text);
    else
        doc.setPlainText(text);
    TextNeed n;
    doc.setTextWidth(-1);
    n.oneLine = doc.idealWidth();
    doc.setTextWidth(width);
    n.widestWord = doc.idealWidth();
    n.height = doc.size().height();
    return n;
}

inline QStringList cutLabel(const QLabel* l) {
    if (l->text().isEmpty() || !l->pixmap().isNull()) return {};
    const QRectF box = labelTextBox(l);
    const bool rich = l->textFormat() == Qt::RichText ||
                      (l->textFormat() == Qt::AutoText && Qt::mightBeRichText(l->text()));
    if (!rich && !l->wordWrap()) {
        // Plain text on its own lines: QFontMetricsF of the label's font against the box. A
        // label with a buddy draws "Ti&meline" as "Timeline" (its mnemonic underlined); one
        // without draws the '&'.
        const QFontMetricsF fm(l->font());
        double wide = 0;
        const QString drawn = l->buddy() ? withoutMnemonic(l->text()) : l->text();
        const QStringList lines = drawn.split(QLatin1Char('\n'));
        for (const QString& line : lines) wide = std::max(wide, fm.horizontalAdvance(line));
        const double tall = lines.size() * fm.height();
        QStringList out;
        if (wide > box.width() + kSlack)
            out << QStringLiteral("%1: %2 px of text in a %3 px box")
                       .arg(describe(l))
                       .arg(std::ceil(wide))
                       .arg(box.width());
        if (tall > box.height() + kSlack + fm.leading())
            out << QStringLiteral("%1: %2 px tall text in a %3 px box")
                       .arg(describe(l))
                       .arg(std::ceil(tall))
                       .arg(box.height());
        return out;
    }
    const TextNeed n = measure(l->text(), rich, l->font(), box.width());
    QStringList out;
    if (!l->wordWrap()) {
        if (n.oneLine > box.width() + kSlack)
            out << QStringLiteral("%1: %2 px of text in a %3 px box")
                       .arg(describe(l))
                       .arg(std::ceil(n.oneLine))
                       .arg(box.width());
    } else {
        if (n.widestWord > box.width() + kSlack)
            out << QStringLiteral("%1: a word %2 px wide in a %3 px box (broken or cut)")
                       .arg(describe(l))
                       .arg(std::ceil(n.widestWord))
                       .arg(box.width());
        if (n.height > box.height() + kSlack + 2)
            out << QStringLiteral("%1: %2 px of wrapped text in a %3 px tall box")
                       .arg(describe(l))
                       .arg(std::ceil(n.height))
                       .arg(box.height());
    }
    return out;
}

inline QStringList cutButton(const QAbstractButton* b) {
    const QString text = withoutMnemonic(b->text());
    if (text.isEmpty()) return {};
    if (auto* tb = qobject_cast<const QToolButton*>(b))
        if (tb->toolButtonStyle() == Qt::ToolButtonIconOnly) return {};
    const QFontMetricsF fm(b->font());
    double wide = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        wide = std::max(wide, fm.horizontalAdvance(line));
    const QStyle* st = b->style();
    double room = b->width();
    if (qobject_cast<const QCheckBox*>(b)) {
        room -= st->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, b) +
                st->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, b);
    } else if (qobject_cast<const QRadioButton*>(b)) {
        room -= st->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, b) +
                st->pixelMetric(QStyle::PM_RadioButtonLabelSpacing, nullptr, b);
    } else {
        // Push and tool buttons: the frame and the style's margin on both sides.
        room -= 2 * (st->pixelMetric(QStyle::PM_ButtonMargin, nullptr, b) / 2 +
                     st->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, b));
    }
    if (!b->icon().isNull()) room -= b->iconSize().width() + 4;
    if (auto* pb = qobject_cast<const QPushButton*>(b); pb && pb->menu())
        room -= st->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, b);
    if (wide > room + kSlack)
        return {QStringLiteral("%1: %2 px of text, %3 px of room")
                    .arg(describe(b))
                    .arg(std::ceil(wide))
                    .arg(room)};
    return {};
}

inline QStringList cutOthers(const QWidget* w) {
    if (auto* g = qobject_cast<const QGroupBox*>(w)) {
        const QString t = withoutMnemonic(g->title());
        if (t.isEmpty()) return {};
        QStyleOptionGroupBox opt;
        opt.initFrom(g);
        opt.text = g->title();
        opt.subControls = QStyle::SC_GroupBoxLabel | QStyle::SC_GroupBoxFrame;
        if (g->isCheckable()) opt.subControls |= QStyle::SC_GroupBoxCheckBox;
        const QRect label =
            g->style()->subControlRect(QStyle::CC_GroupBox, &opt, QStyle::SC_GroupBoxLabel, g);
        const double wide = QFontMetricsF(g->font()).horizontalAdvance(t);
        if (wide > g->width() - 8 + kSlack || label.right() > g->width())
            return {QStringLiteral("%1: title %2 px wide in a %3 px box")
                        .arg(describe(g))
                        .arg(std::ceil(wide))
                        .arg(g->width())};
        return {};
    }
    if (auto* c = qobject_cast<const QComboBox*>(w)) {
        if (c->isEditable() || c->currentText().isEmpty()) return {};
        QStyleOptionComboBox opt;
        opt.initFrom(c);
        opt.editable = false;
        opt.currentText = c->currentText();
        const QRect field =
            c->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, c);
        const double wide = QFontMetricsF(c->font()).horizontalAdvance(c->currentText());
        if (wide > field.width() + kSlack)
            return {QStringLiteral("QComboBox '%1': %2 px of text in a %3 px field")
                        .arg(c->currentText())
                        .arg(std::ceil(wide))
                        .arg(field.width())};
        return {};
    }
    if (auto* s = qobject_cast<const QAbstractSpinBox*>(w)) {
        const QLineEdit* edit = s->findChild<QLineEdit*>();
        if (!edit) return {};
        const double wide = QFontMetricsF(edit->font()).horizontalAdvance(edit->text());
        const double room = edit->width() - 4;  // QLineEdit's horizontal margin, 2 px a side
        if (wide > room + kSlack)
            return {QStringLiteral("%1 '%2': %3 px of text in %4 px")
                        .arg(QString::fromLatin1(s->metaObject()->className()), edit->text())
                        .arg(std::ceil(wide))
                        .arg(room)};
    }
    return {};
}

// Every cut text under root (root included).
inline QStringList cutTexts(const QWidget* root) {
    QStringList out;
    QList<const QWidget*> all{root};
    for (const QWidget* w : root->findChildren<QWidget*>()) all << w;
    for (const QWidget* w : all) {
        if (!shown(w)) continue;
        if (auto* l = qobject_cast<const QLabel*>(w))
            out << cutLabel(l);
        else if (auto* b = qobject_cast<const QAbstractButton*>(w))
            out << cutButton(b);
        else
            out << cutOthers(w);
    }
    return out;
}

// ---- chart texts -----------------------------------------------------------------------------

// Text items of every visible graphics view's scene (Qt Charts: axis titles, tick labels,
// legend entries, the title) that were shortened to end in "...".
inline QStringList elidedChartTexts(const QWidget* root) {
    QStringList out;
    for (const QGraphicsView* v : root->findChildren<QGraphicsView*>()) {
        if (!shown(v) || !v->scene()) continue;
        for (const QGraphicsItem* item : v->scene()->items()) {
            if (!item->isVisible()) continue;
            QString text;
            if (auto* t = dynamic_cast<const QGraphicsTextItem*>(item))
                text = t->toPlainText();
            else if (auto* st = dynamic_cast<const QGraphicsSimpleTextItem*>(item))
                text = st->text();
            if (text.endsWith(QStringLiteral("...")) || text.endsWith(QChar(0x2026)))
                out << QStringLiteral("chart text elided to '%1' in %2").arg(text, describe(v));
        }
    }
    return out;
}

// ---- shown whole -----------------------------------------------------------------------------

// The widget is shown and no part of it is scrolled away or covered by an ancestor's edge.
inline QString notWhollyShown(const QWidget* w) {
    if (!w) return QStringLiteral("(missing widget)");
    if (!shown(w)) return QStringLiteral("%1 is not shown").arg(describe(w));
    QRect visible(w->mapToGlobal(QPoint(0, 0)), w->size());
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        visible &= QRect(p->mapToGlobal(QPoint(0, 0)), p->size());
    if (visible.size() != w->size())
        return QStringLiteral("%1: only %2×%3 of its %4×%5 are in view")
            .arg(describe(w))
            .arg(visible.width())
            .arg(visible.height())
            .arg(w->width())
            .arg(w->height());
    return {};
}

// ---- painted texts (custom-painted views and lesson canvases) ---------------------------------

// A paint device that draws nothing and writes down every text drawn on it: where (device
// coordinates, from the painter's transform), in which font, and the clip it was drawn under.
struct PaintedText {
    QString text;  // as drawn (one line, one QTextItem)
    QRectF box;    // advance × (ascent + descent), in device coordinates
    QRectF clip;   // the painter's clip in device coordinates (null: none)
};

class TextRecorder : public QPaintDevice {
  public:
    explicit TextRecorder(QSize size) : m_size(size), m_engine(this) {}
    QPaintEngine* paintEngine() const override { return &m_engine; }
    const std::vector<PaintedText>& texts() const { return m_texts; }

  protected:
    int metric(PaintDeviceMetric m) const override {
        switch (m) {
            case PdmWidth:
                return m_size.width();
            case PdmHeight:
                return m_size.height();
            case PdmWidthMM:
                return m_size.width() * 254 / 960;
            case PdmHeightMM:
                return m_size.height() * 254 / 960;
            case PdmNumColors:
                return 1 << 24;
            case PdmDepth:
                return 32;
            case PdmDpiX:
            case PdmDpiY:
            case PdmPhysicalDpiX:
            case PdmPhysicalDpiY:
                return 96;
            case PdmDevicePixelRatio:
                return 1;
            case PdmDevicePixelRatioScaled:
                return static_cast<int>(devicePixelRatioFScale());
        }
        return 0;
    }

  private:
    class Engine : public QPaintEngine {
      public:
        explicit Engine(TextRecorder* owner) : QPaintEngine(AllFeatures), m_owner(owner) {}
        bool begin(QPaintDevice*) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState&) override {}
        void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
        void drawPolygon(const QPointF*, int, PolygonDrawMode) override {}
        void drawPath(const QPainterPath&) override {}
        void drawImage(const QRectF&, const QImage&, const QRectF&,
                       Qt::ImageConversionFlags) override {}
        void drawLines(const QLineF*, int) override {}
        void drawRects(const QRectF*, int) override {}
        void drawEllipse(const QRectF&) override {}
        void drawPoints(const QPointF*, int) override {}
        void drawTiledPixmap(const QRectF&, const QPixmap&, const QPointF&) override {}
        void drawTextItem(const QPointF& p, const QTextItem& item) override {
            const QString t = item.text();
            if (t.trimmed().isEmpty()) return;
            QPainter* painter = this->painter();
            const QTransform tr = painter->combinedTransform();
            const QRectF local(p.x(), p.y() - item.ascent(), item.width(),
                               item.ascent() + item.descent());
            PaintedText rec{t, tr.mapRect(local), QRectF()};
            if (painter->hasClipping()) rec.clip = tr.mapRect(painter->clipBoundingRect());
            m_owner->m_texts.push_back(rec);
        }
        Type type() const override { return User; }

      private:
        TextRecorder* m_owner;
    };
    friend class Engine;
    QSize m_size;
    mutable Engine m_engine;
    std::vector<PaintedText> m_texts;
};

// Every text w paints itself (its children left out): drawn at w's size into a TextRecorder.
inline std::vector<PaintedText> paintedTexts(QWidget* w) {
    TextRecorder rec(w->size());
    w->render(&rec, QPoint(), QRegion(), QWidget::DrawWindowBackground);
    return rec.texts();
}

// A text box is cut when part of it lies outside the widget or outside the clip it was drawn
// under; two texts overprint when their boxes share more than a sliver (2 px each way).
inline QStringList paintedTextProblems(const QString& name, const std::vector<PaintedText>& texts,
                                       QSizeF size) {
    QStringList out;
    const QRectF area = QRectF(QPointF(0, 0), size).adjusted(-kSlack, -kSlack, kSlack, kSlack);
    for (const PaintedText& t : texts) {
        // glyph boxes carry the font's full descent: 1 px of it outside is no cut letter
        const QRectF ink = t.box.adjusted(0.5, 1.0, -0.5, -1.0);
        if (!area.contains(ink))
            out << QStringLiteral("%1: '%2' drawn across the edge (%3,%4 %5×%6 in %7×%8)")
                       .arg(name, t.text)
                       .arg(t.box.x(), 0, 'f', 0)
                       .arg(t.box.y(), 0, 'f', 0)
                       .arg(t.box.width(), 0, 'f', 0)
                       .arg(t.box.height(), 0, 'f', 0)
                       .arg(size.width())
                       .arg(size.height());
        else if (!t.clip.isNull() &&
                 !t.clip.adjusted(-kSlack, -kSlack, kSlack, kSlack).contains(ink))
            out << QStringLiteral("%1: '%2' cut by its box (%3 px of text in %4 px)")
                       .arg(name, t.text)
                       .arg(t.box.width(), 0, 'f', 0)
                       .arg(t.clip.intersected(t.box).width(), 0, 'f', 0);
    }
    for (std::size_t a = 0; a < texts.size(); ++a)
        for (std::size_t b = a + 1; b < texts.size(); ++b) {
            const QRectF shared = texts[a].box.intersected(texts[b].box);
            if (shared.width() <= 2 || shared.height() <= 2) continue;
            if (texts[a].text == texts[b].text && texts[a].box == texts[b].box) continue;
            out << QStringLiteral("%1: '%2' and '%3' drawn on top of each other")
                       .arg(name, texts[a].text, texts[b].text);
        }
    return out;
}

// The painted texts of every custom-painted widget under root (the project's own classes,
// "bps::…", which paint themselves), each checked on its own.
inline QStringList paintedTextProblems(QWidget* root) {
    QStringList out;
    QList<QWidget*> all{root};
    for (QWidget* w : root->findChildren<QWidget*>()) all << w;
    for (QWidget* w : all) {
        if (!shown(w) || !QByteArray(w->metaObject()->className()).startsWith("bps::")) continue;
        out << paintedTextProblems(describe(w), paintedTexts(w), QSizeF(w->size()));
    }
    return out;
}

}  // namespace audit
