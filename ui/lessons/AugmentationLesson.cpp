// AugmentationLesson.cpp — preview of ±θ copies and a with/without comparison on two cores.
#include "lessons/AugmentationLesson.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaMethod>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <thread>

#include "backprop/Augment.h"
#include "lessons/LessonImages.h"
#include "training/DatasetLoader.h"

namespace bps {
namespace {

constexpr const char* kPreviewSet = ":/data/mnist_train_100.csv";
constexpr const char* kEmbeddedTrain = ":/data/mnist_train_5000.csv.gz";
constexpr const char* kEmbeddedTest = ":/data/mnist_test_1000.csv.gz";

}  // namespace

AugmentationLesson::AugmentationLesson(QWidget* parent) : Lesson(parent) {
    auto* tiles = new QHBoxLayout;
    for (int k = 0; k < 3; ++k) {
        auto* tile = new lessons::ImageTile(this);
        tile->setMinimumSide(168);
        m_tiles[static_cast<std::size_t>(k)] = tile;
        tiles->addWidget(tile, 1);
    }
    m_indexBox = new QSpinBox(this);
    m_indexBox->setRange(0, 0);
    m_angleBox = new QDoubleSpinBox(this);
    m_angleBox->setRange(0.0, 90.0);
    m_angleBox->setDecimals(1);
    m_angleBox->setSingleStep(1.0);
    m_angleBox->setValue(10.0);
    m_previewInfo = new QLabel(this);
    auto* pick = new QHBoxLayout;
    m_pictureLabel = new QLabel(this);
    pick->addWidget(m_pictureLabel);
    pick->addWidget(m_indexBox);
    pick->addSpacing(12);
    m_angleLabel = new QLabel(this);
    pick->addWidget(m_angleLabel);
    pick->addWidget(m_angleBox);
    pick->addSpacing(12);
    pick->addWidget(m_previewInfo, 1);
    auto* previewBox = new QGroupBox(this);
    m_previewBox = previewBox;
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addLayout(pick);
    previewLayout->addLayout(tiles, 1);

    m_compareButton = new QPushButton(this);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setEnabled(false);
    m_useButton = new QPushButton(this);
    m_useButton->setObjectName(QStringLiteral("useAugmentedSet"));
    m_useButton->setVisible(false);  // shown by activated() when the studio listens
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_compareButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    buttons->addWidget(m_useButton);
    auto* compareBox = new QGroupBox(this);
    m_compareBox = compareBox;
    auto* compareLayout = new QVBoxLayout(compareBox);
    compareLayout->addLayout(buttons);
    compareLayout->addWidget(m_progress);
    compareLayout->addWidget(m_result);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(previewBox, 3);
    layout->addWidget(compareBox);
    layout->addWidget(explanationPanel(), 1);

    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &AugmentationLesson::updateProgress);
    connect(&m_watcher, &QFutureWatcher<Comparison>::finished, this,
            &AugmentationLesson::comparisonDone);
    connect(&m_augmentWatcher, &QFutureWatcher<DatasetPtr>::finished, this, [this] {
        m_useButton->setEnabled(true);
        const DatasetPtr d = m_augmentWatcher.result();
        if (d) emit augmentedTrainingSetReady(d);
    });
    connect(m_indexBox, &QSpinBox::valueChanged, this, &AugmentationLesson::showPreview);
    connect(m_angleBox, &QDoubleSpinBox::valueChanged, this, &AugmentationLesson::showPreview);
    connect(m_compareButton, &QPushButton::clicked, this, &AugmentationLesson::startComparison);
    connect(m_cancelButton, &QPushButton::clicked, this, &AugmentationLesson::cancelComparison);
    connect(m_useButton, &QPushButton::clicked, this, &AugmentationLesson::makeAugmentedSet);
    setResult([hidden = m_hidden, rate = m_rate, epochs = m_epochs] {
        return tr("Network 784-%1-10, learning rate %2, %3 epoch(s), the same seed for "
                  "both runs.")
            .arg(hidden)
            .arg(rate)
            .arg(epochs);
    });
    retranslateUi();
}

void AugmentationLesson::retranslateUi() {
    setExplanation(
        tr("<h3>More data for free: rotated copies</h3>"
           "<p>More examples usually mean better learning, but collecting them is work. The book's "
           "trick: turn each training picture a little, by +10° and −10°, and train on all three. "
           "A 4 tilted by 10° is still a 4, and people do write slanted digits. The turn is done "
           "by <b>bilinear interpolation</b>: each new pixel mixes the four old pixels around the "
           "point it comes from.</p>"
           "<p><b>Try:</b> step through pictures and angles. Then press Compare: the same network, "
           "from the same seed, learns once from the pictures and once from the pictures plus "
           "their copies.</p>"
           "<p><b>Notice:</b> the copies mostly help when data is scarce; too large an angle "
           "turns a 6 into something else. Training takes three times as long.</p>"));

    m_tiles[0]->setCaption(tr("original"));
    m_tiles[1]->setCaption(tr("turned +θ"));
    m_tiles[2]->setCaption(tr("turned −θ"));
    m_indexBox->setToolTip(tr("Which training picture to turn"));
    m_angleBox->setSuffix(tr("°"));
    m_angleBox->setToolTip(tr("How far the copies are turned each way (the book: 10°)"));
    m_pictureLabel->setText(tr("Picture:"));
    m_angleLabel->setText(tr("Angle θ:"));
    m_previewBox->setTitle(tr("Preview"));
    m_compareButton->setText(tr("Compare: without and with the copies"));
    m_cancelButton->setText(tr("Cancel"));
    m_compareButton->setToolTip(
        tr("Train the same network twice at once: on the pictures, and "
           "on the pictures with their turned copies"));
    m_cancelButton->setToolTip(tr("Stop both runs"));
    m_useButton->setText(tr("Train the studio on the rotated set"));
    m_useButton->setToolTip(
        tr("Makes the training set three times as large (original, +θ, −θ) "
           "and hands it to the studio"));
    m_compareBox->setTitle(tr("Does it help?"));
    m_result->setText(m_resultText());
    if (m_previewSet) showPreview();  // the captions with the angle, the picture's line
}

void AugmentationLesson::setResult(std::function<QString()> text) {
    m_resultText = std::move(text);
    m_result->setText(m_resultText());
}

AugmentationLesson::~AugmentationLesson() {
    if (m_cancel) *m_cancel = true;
    m_watcher.disconnect(this);
    m_augmentWatcher.disconnect(this);
    m_watcher.waitForFinished();
    m_augmentWatcher.waitForFinished();
}

void AugmentationLesson::setDatasets(DatasetPtr train, DatasetPtr test) {
    m_studioTrain = std::move(train);
    m_studioTest = std::move(test);
    if (m_studioTrain && m_studioTrain->isImage()) {
        m_previewSet = m_studioTrain;
        showPreview();
    }
}

bool AugmentationLesson::connectToStudio(const StudioHooks& studio, QObject* context) {
    if (!studio.useTrainingSet) return false;
    connect(
        this, &AugmentationLesson::augmentedTrainingSetReady, context,
        [use = studio.useTrainingSet](std::shared_ptr<const bp::Dataset> d) { use(std::move(d)); });
    return true;
}

void AugmentationLesson::activated() {
    showPreview();
    // the hand-over button only makes sense when the studio listens
    static const QMetaMethod signal =
        QMetaMethod::fromSignal(&AugmentationLesson::augmentedTrainingSetReady);
    m_useButton->setVisible(isSignalConnected(signal));
}

void AugmentationLesson::setAngle(double degrees) {
    m_angleBox->setValue(degrees);
    showPreview();
}

double AugmentationLesson::angle() const {
    return m_angleBox->value();
}

void AugmentationLesson::setSampleIndex(int i) {
    showPreview();  // makes sure the preview set is there, so the range is right
    m_indexBox->setValue(i);
    showPreview();
}

void AugmentationLesson::showPreview() {
    if (!m_previewSet) {  // 100 embedded pictures (a few kB): read at once
        const DatasetLoader::Result r = DatasetLoader::loadNow(QString::fromLatin1(kPreviewSet));
        if (!r.data) {
            m_previewInfo->setText(r.error);
            return;
        }
        m_previewSet = r.data;
    }
    const bp::Dataset& d = *m_previewSet;
    if (!d.isImage() || d.empty()) return;
    {
        const QSignalBlocker block(m_indexBox);
        m_indexBox->setRange(0, static_cast<int>(d.rows()) - 1);
    }
    const std::size_t i = static_cast<std::size_t>(m_indexBox->value());
    const double theta = m_angleBox->value();
    m_preview[0].assign(d.row(i), d.row(i) + d.inputs);
    m_preview[1] = bp::rotateImage(d.row(i), d.width, d.height, theta);
    m_preview[2] = bp::rotateImage(d.row(i), d.width, d.height, -theta);
    for (std::size_t k = 0; k < 3; ++k)
        m_tiles[k]->setImage(lessons::inkImage(m_preview[k], d.width, d.height));
    m_tiles[1]->setCaption(tr("turned +%1° (anticlockwise)").arg(theta, 0, 'f', 1));
    m_tiles[2]->setCaption(tr("turned −%1° (clockwise)").arg(theta, 0, 'f', 1));
    m_previewInfo->setText(tr("label %1 — picture %2 of %3 in %4")
                               .arg(d.label(i))
                               .arg(i)
                               .arg(d.rows())
                               .arg(QString::fromStdString(d.source)));
}

void AugmentationLesson::setExperiment(int hiddenNodes, double learningRate, int epochs) {
    m_hidden = hiddenNodes;
    m_rate = learningRate;
    m_epochs = epochs;
}

void AugmentationLesson::setComparisonData(DatasetPtr train, DatasetPtr test) {
    m_forcedTrain = std::move(train);
    m_forcedTest = std::move(test);
}

bp::NetworkSpec AugmentationLesson::specFor(int inputs) const {
    bp::NetworkSpec spec;  // sigmoid, no bias, the book's rule, seed 1
    spec.layers = {inputs, m_hidden, 10};
    return spec;
}

bp::TrainOptions AugmentationLesson::options() const {
    bp::TrainOptions o;
    o.learningRate = m_rate;
    o.epochs = m_epochs;
    return o;
}

void AugmentationLesson::startComparison() {
    if (isComparing()) return;
    DatasetPtr train = m_forcedTrain ? m_forcedTrain : m_studioTrain;
    DatasetPtr test = m_forcedTrain ? m_forcedTest : m_studioTest;
    if (!train || !test || !train->isImage()) train = test = nullptr;  // embedded instead
    const double theta = m_angleBox->value();
    const bp::NetworkSpec specTemplate = specFor(0);
    const bp::TrainOptions opts = options();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<std::uint64_t>>(0);
    m_total = std::make_shared<std::atomic<std::uint64_t>>(0);
    auto cancel = m_cancel;
    auto done = m_done;
    auto total = m_total;
    m_compareButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setValue(0);
    setResult(
        [theta] { return tr("Training two networks at once (±%1°)…").arg(theta, 0, 'f', 1); });
    m_watcher.setFuture(
        QtConcurrent::run([train, test, theta, specTemplate, opts, cancel, done, total]() mutable {
            Comparison c;
            if (!train) {
                const DatasetLoader::Result a =
                    DatasetLoader::loadNow(QString::fromLatin1(kEmbeddedTrain));
                const DatasetLoader::Result b =
                    DatasetLoader::loadNow(QString::fromLatin1(kEmbeddedTest));
                if (!a.data || !b.data) {
                    c.error = !a.data ? a.error : b.error;
                    return c;
                }
                train = a.data;
                test = b.data;
            }
            const bp::Dataset rotated = bp::withRotations(*train, theta);  // 3× the samples
            *total = static_cast<std::uint64_t>(train->rows() + rotated.rows()) *
                     static_cast<std::uint64_t>(opts.epochs);
            lessons::RunSettings s;
            s.spec = specTemplate;
            s.spec.layers.front() = train->inputs;
            s.options = opts;
            // the two runs at once, one per core
            std::thread withCopies([&] {
                c.rotated = lessons::trainRun(s, rotated, *test, cancel.get(), done.get());
            });
            c.plain = lessons::trainRun(s, *train, *test, cancel.get(), done.get());
            withCopies.join();
            return c;
        }));
    m_progressTimer.start();
}

void AugmentationLesson::cancelComparison() {
    if (m_cancel) *m_cancel = true;
}

void AugmentationLesson::updateProgress() {
    if (!m_total || !m_done) return;
    const std::uint64_t total = m_total->load(), done = m_done->load();
    m_progress->setValue(
        total ? static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total))
              : 0);
}

void AugmentationLesson::comparisonDone() {
    m_progressTimer.stop();
    updateProgress();
    m_compareButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_comparison = m_watcher.result();
    const Comparison& c = m_comparison;
    if (!c.error.isEmpty()) {
        setResult([error = c.error] { return tr("Could not load the data: %1").arg(error); });
    } else if (c.plain.cancelled || c.rotated.cancelled) {
        setResult([] { return tr("Cancelled."); });
    } else {
        setResult([plain = c.plain.accuracy, rotated = c.rotated.accuracy,
                   theta = m_angleBox->value(), hidden = m_hidden, rate = m_rate,
                   epochs = m_epochs] {
            auto pct = [](double a) { return QString::number(100.0 * a, 'f', 2); };
            return tr("<p>Test accuracy <b>without</b> the copies: <b>%1 %</b> &nbsp;&nbsp; "
                      "<b>with</b> the ±%2° copies: <b>%3 %</b> (%4 points).</p>"
                      "<p>Network %5, learning rate %6, %7 epoch(s), the same seed for both.</p>")
                .arg(pct(plain))
                .arg(theta, 0, 'f', 1)
                .arg(pct(rotated))
                .arg((rotated - plain) * 100.0, 0, 'f', 2)
                .arg(QStringLiteral("784-%1-10").arg(hidden))
                .arg(rate)
                .arg(epochs);
        });
    }
    emit comparisonFinished();
}

void AugmentationLesson::makeAugmentedSet() {
    if (m_augmentWatcher.isRunning()) return;
    DatasetPtr train = m_studioTrain;
    if (!train || !train->isImage()) {
        setResult([] { return tr("The studio has no image training set loaded."); });
        return;
    }
    m_useButton->setEnabled(false);
    const double theta = m_angleBox->value();
    m_augmentWatcher.setFuture(QtConcurrent::run([train, theta]() -> DatasetPtr {
        auto d = std::make_shared<bp::Dataset>(bp::withRotations(*train, theta));
        d->source = train->source + " ±" + std::to_string(static_cast<int>(theta)) + "°";
        return d;
    }));
}

}  // namespace bps
