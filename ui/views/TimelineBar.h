// TimelineBar.h — the run's timeline under the error chart, and "why did it break?".
//
// A slider over the run's checkpoints (RunTimeline.h): its rightmost position is the live
// network, every other one a checkpoint (a tenth of an epoch apart, thinned as the run grows).
// Dragging back asks the controller to show the network as it was then (viewRequested): the
// network view, the maths panel and the sample browser draw that checkpoint, the bar turns amber
// and says "not the live network", and a banner says so over the network view. Live goes back.
//
// From a viewed checkpoint: Resume (training continues from it, with its learning rate), Branch
// (a new run from its weights at the α in the box) and Replay (a new run from the same initial
// weights and order at that α).
//
// When the run's watcher found trouble (bp::Diagnosis: diverges, stalls, oscillates) the bar
// says which with its numbers, marks the moment on the slider (red) and the last good
// checkpoint (green), and offers to rewind there (view it: then Resume or Branch).
//
// Keyboard: the slider takes Left/Right (one checkpoint), Page Up/Down, Home (the start) and End
// (live); every button has a mnemonic. Live, the bar is one row; while a checkpoint is viewed a
// second row holds Resume, Branch, α and Replay; a diagnosis adds a row (its headline, the whole
// paragraph in its tooltip). Texts are elided to the width, so it fits the chart's part of a
// 1024- or 1280-pixel window and presentation mode.
#pragma once

#include <QLabel>
#include <QPointer>
#include <QWidget>
#include <cstdint>

#include "backprop/Diagnosis.h"
#include "training/RunTimeline.h"
#include "training/Snapshot.h"

class QDoubleSpinBox;
class QPushButton;
class QSlider;
class QTimer;

namespace bps {

class ElidedLabel;
class TimelineSlider;

class TimelineBar : public QWidget {
    Q_OBJECT
  public:
    explicit TimelineBar(QWidget* parent = nullptr);
    ~TimelineBar() override;

    // The diagnosis in words with its numbers (empty for Trouble::None): the bar's one-line
    // headline, and the whole paragraph (its tooltip, rich text).
    static QString headline(const bp::Diagnosis& d);
    static QString describe(const bp::Diagnosis& d);

    // A banner over `view` (the network view) that says "not the live network" while a
    // checkpoint is shown.
    void attachBanner(QWidget* view);

    // --- state, for tests ---
    bool isViewing() const { return m_viewing; }
    std::uint64_t viewedSample() const { return m_viewedSample; }
    int checkpointCount() const;
    // The slider's positions: 0 … checkpointCount() − 1 the checkpoints, checkpointCount() live.
    QSlider* slider() const;
    QLabel* stateLabel() const;      // its tooltip holds the whole text
    QLabel* diagnosisLabel() const;  // the headline; its tooltip describe()
    QLabel* banner() const { return m_banner; }
    QPushButton* liveButton() const { return m_live; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* branchButton() const { return m_branch; }
    QPushButton* replayButton() const { return m_replay; }
    QPushButton* rewindButton() const { return m_rewind; }
    QDoubleSpinBox* rateBox() const { return m_rate; }
    // The slider positions marked: the trouble's moment and the last good checkpoint (−1 none).
    int troubleIndex() const;
    int lastGoodIndex() const;

  public slots:
    void setTimeline(bps::RunTimelinePtr timeline);
    void setSnapshot(bps::SnapshotPtr snapshot);  // viewing or live, and the live rate
    void setLearningRate(double lr);              // the α box's value

  signals:
    void viewRequested(std::uint64_t sample);  // show the checkpoint at sample
    void liveRequested();
    void resumeRequested(std::uint64_t sample);
    void branchRequested(std::uint64_t sample, double lr);
    void replayRequested(double lr);

  protected:
    void changeEvent(QEvent* event) override;                    // LanguageChange: retranslateUi()
    bool eventFilter(QObject* watched, QEvent* event) override;  // the banner's view resizes

  private:
    void retranslateUi();
    void updateState();
    void placeBanner();
    void sendView();  // the slider's position to the controller (coalesced)
    int indexOf(std::uint64_t sample) const;

    RunTimelinePtr m_timeline;           // last timeline from the controller
    SnapshotPtr m_snapshot;              // last snapshot (viewing or live)
    bool m_viewing = false;              // the views show a checkpoint
    std::uint64_t m_viewedSample = 0;    // its sample
    bool m_settingSlider = false;        // the slider is moved by code, not by a person
    TimelineSlider* m_slider = nullptr;  // checkpoints, then live
    QLabel* m_title = nullptr;           // "Timeline"
    ElidedLabel* m_state = nullptr;      // live / viewed checkpoint (elided; whole: tooltip)
    QPushButton* m_live = nullptr;       // back to the live network
    QPushButton* m_resume = nullptr;     // continue from the viewed checkpoint
    QPushButton* m_branch = nullptr;     // a new run from it at m_rate
    QPushButton* m_replay = nullptr;     // a new run from the start at m_rate
    QLabel* m_rateLabel = nullptr;       // "α"
    QDoubleSpinBox* m_rate = nullptr;    // the rate of a branch or replay
    QWidget* m_actionsRow = nullptr;     // Resume, Branch, α, Replay (while viewing)
    QWidget* m_troubleRow = nullptr;     // the diagnosis and Rewind (hidden when healthy)
    ElidedLabel* m_diagnosis = nullptr;  // the headline; describe() is its tooltip
    QPushButton* m_rewind = nullptr;     // view the last good checkpoint
    QPointer<QLabel> m_banner;           // over the network view while viewing (dies with it)
    QTimer* m_viewTimer = nullptr;       // coalesces a drag's positions (single shot)
};

}  // namespace bps
