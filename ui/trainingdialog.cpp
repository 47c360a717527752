#include "trainingdialog.h"

#include "classifier.h"
#include "predictallworker.h"
#include "projectstore.h"
#include "trainingchart.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ProfileLens {

namespace {

/// Steps between checkpoints: often enough that a cancel loses little, rarely enough that
/// writing the weights (a few hundred KiB) costs nothing next to the batches.
constexpr int kCheckpointInterval = 100;
/// Networks averaged by default, as in the shipped eyeglasses model.
constexpr int kDefaultNetworks = 3;
/// Validations without improvement before a network stops, as in the shipped model's recipe.
constexpr int kEarlyStoppingPatience = 12;

} // namespace

TrainingDialog::TrainingDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Train a Model"));
    buildForm();

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("TrainingWorker"));
    m_worker = new TrainingWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &TrainingDialog::runRequested, m_worker, &TrainingWorker::start,
            Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::progress, this, &TrainingDialog::onProgress,
            Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::finished, this, &TrainingDialog::onFinished,
            Qt::QueuedConnection);
    m_thread->start();

    m_predictWorker = new PredictAllWorker(this);
    connect(m_predictWorker, &PredictAllWorker::progress, this, [this](int done, int total) {
        m_phaseLabel->setText(tr("Predicting"));
        m_progressBar->setRange(0, std::max(1, total));
        m_progressBar->setValue(done);
    });
    connect(m_predictWorker, &PredictAllWorker::finished, this,
            &TrainingDialog::onPredictAllFinished);

    setProject(QString(), {}, ProjectStore::defaultAttribute());
}

TrainingDialog::~TrainingDialog()
{
    m_worker->cancel();
    m_thread->quit();
    m_thread->wait();
}

void TrainingDialog::buildForm()
{
    // Data
    auto *dataBox = new QGroupBox(tr("Data"));
    auto *dataForm = new QFormLayout(dataBox);
    m_datasetRadio = new QRadioButton(tr("&Dataset:"));
    m_datasetRadio->setChecked(true);
    m_datasetEdit = new QLineEdit;
    m_datasetEdit->setPlaceholderText(tr("CelebA folder, list_attr_celeba.txt or a labels CSV"));
    m_browseButton = new QPushButton(tr("&Browse..."));
    auto *datasetRow = new QHBoxLayout;
    datasetRow->addWidget(m_datasetEdit, 1);
    datasetRow->addWidget(m_browseButton);
    dataForm->addRow(m_datasetRadio, datasetRow);
    m_projectRadio = new QRadioButton(tr("This &project's labels"));
    dataForm->addRow(m_projectRadio);

    m_attributeCombo = new QComboBox;
    m_attributeCombo->setEditable(true);
    m_attributeCombo->setInsertPolicy(QComboBox::NoInsert);
    dataForm->addRow(tr("&Attribute:"), m_attributeCombo);

    m_selectionCombo = new QComboBox;
    m_selectionCombo->addItem(tr("Reference (all positives, then negatives)"),
                              int(SelectionPolicy::Reference));
    m_selectionCombo->addItem(tr("Balanced (equal positives and negatives)"),
                              int(SelectionPolicy::Balanced));
    m_selectionCombo->addItem(tr("All rows"), int(SelectionPolicy::All));
    m_sizeSpin = new QSpinBox;
    m_sizeSpin->setRange(2, 10000000);
    m_sizeSpin->setValue(80000);
    m_sizeSpin->setGroupSeparatorShown(true);
    m_sizeSpin->setSuffix(tr(" images"));
    m_sizeSpin->setAccessibleName(tr("Selection size"));
    auto *selectionRow = new QHBoxLayout;
    selectionRow->addWidget(m_selectionCombo, 1);
    selectionRow->addWidget(m_sizeSpin);
    // A row holding a layout gets no buddy from QFormLayout, so the label sets its own.
    auto *selectionLabel = new QLabel(tr("&Selection:"));
    selectionLabel->setBuddy(m_selectionCombo);
    dataForm->addRow(selectionLabel, selectionRow);

    m_splitCombo = new QComboBox;
    m_splitCombo->addItem(tr("Random 80/20"), int(SplitMethod::Random));
    m_splitCombo->addItem(tr("Official partition (CelebA)"), int(SplitMethod::Official));
    m_splitCombo->addItem(tr("By group (person or account)"), int(SplitMethod::Group));
    // People (or accounts) on both sides of a split inflate every metric; rows without a
    // group are split one by one, so this default suits any dataset.
    m_splitCombo->setCurrentIndex(m_splitCombo->findData(int(SplitMethod::Group)));
    dataForm->addRow(tr("S&plit:"), m_splitCombo);

    // Recipe
    auto *recipeBox = new QGroupBox(tr("Training"));
    auto *recipeForm = new QFormLayout(recipeBox);
    m_stepsSpin = new QSpinBox;
    m_stepsSpin->setRange(1, 1000000);
    m_stepsSpin->setValue(6000);
    m_stepsSpin->setGroupSeparatorShown(true);
    recipeForm->addRow(tr("S&teps:"), m_stepsSpin);
    m_batchSpin = new QSpinBox;
    m_batchSpin->setRange(1, 10000);
    m_batchSpin->setValue(100);
    recipeForm->addRow(tr("&Batch size:"), m_batchSpin);
    m_learningRateSpin = new QDoubleSpinBox;
    m_learningRateSpin->setDecimals(6);
    m_learningRateSpin->setRange(0.000001, 1.0);
    m_learningRateSpin->setSingleStep(0.0001);
    m_learningRateSpin->setValue(0.001);
    recipeForm->addRow(tr("&Learning rate:"), m_learningRateSpin);
    m_weightDecaySpin = new QDoubleSpinBox;
    m_weightDecaySpin->setDecimals(6);
    m_weightDecaySpin->setRange(0.0, 1.0);
    m_weightDecaySpin->setSingleStep(0.0001);
    m_weightDecaySpin->setValue(0.0001);
    recipeForm->addRow(tr("&Weight decay:"), m_weightDecaySpin);
    m_architectureCombo = new QComboBox;
    for (const Classifier::Architecture &architecture : Classifier::architectures())
        m_architectureCombo->addItem(architecture.name, architecture.name);
    m_architectureCombo->setCurrentIndex(m_architectureCombo->findData(QStringLiteral("compact-bn")));
    recipeForm->addRow(tr("&Network:"), m_architectureCombo);
    m_regionCombo = new QComboBox;
    m_regionCombo->addItem(tr("Whole face"), QStringLiteral("face"));
    m_regionCombo->addItem(tr("Eye band"), QStringLiteral("eyes"));
    m_regionCombo->addItem(tr("Whole face and eye band"), QStringLiteral("face+eyes"));
    m_regionCombo->setToolTip(tr("Part of the aligned face the networks read. The eye band, from "
                                 "the eyebrows to the upper cheeks, gives thin frames more "
                                 "pixels. With both, each view gets its own networks, which "
                                 "holds up best on small avatars and is the default for "
                                 "Eyeglasses; training takes twice as long."));
    recipeForm->addRow(tr("Face re&gion:"), m_regionCombo);
    m_inputWidthSpin = new QSpinBox;
    m_inputHeightSpin = new QSpinBox;
    for (QSpinBox *spin : {m_inputWidthSpin, m_inputHeightSpin}) {
        spin->setRange(8, 128);
        spin->setSuffix(tr(" px"));
    }
    m_inputWidthSpin->setAccessibleName(tr("Input width"));
    m_inputHeightSpin->setAccessibleName(tr("Input height"));
    auto *inputSizeRow = new QHBoxLayout;
    inputSizeRow->setContentsMargins(0, 0, 0, 0);
    inputSizeRow->addWidget(m_inputWidthSpin);
    inputSizeRow->addWidget(new QLabel(tr("by")));
    inputSizeRow->addWidget(m_inputHeightSpin);
    inputSizeRow->addStretch(1);
    auto *inputSizeLabel = new QLabel(tr("&Input size:"));
    inputSizeLabel->setBuddy(m_inputWidthSpin);
    inputSizeLabel->setToolTip(tr("Width and height of the grayscale model input. The reference "
                                  "pipeline uses 28 by 28 for the whole face."));
    recipeForm->addRow(inputSizeLabel, inputSizeRow);
    connect(m_regionCombo, &QComboBox::activated, this, [this] {
        m_regionChosen = true;
        applyRegionDefaults();
    });
    connect(m_attributeCombo, &QComboBox::currentTextChanged, this, [this] {
        if (!m_regionChosen)
            selectRegion(regionForAttribute(m_attributeCombo->currentText()));
    });
    selectRegion(regionForAttribute(m_attributeCombo->currentText()));
    m_seedSpin = new QSpinBox;
    m_seedSpin->setRange(0, std::numeric_limits<int>::max());
    m_seedSpin->setValue(42);
    recipeForm->addRow(tr("S&eed:"), m_seedSpin);
    m_threadsSpin = new QSpinBox;
    m_threadsSpin->setRange(1, 256);
    m_threadsSpin->setValue(std::max(1, QThread::idealThreadCount()));
    recipeForm->addRow(tr("T&hreads:"), m_threadsSpin);
    m_augmentationCheck = new QCheckBox(tr("A&ugment images (flips, shifts, rotations, "
                                           "brightness, blur, low resolution, JPEG)"));
    m_augmentationCheck->setChecked(true);
    recipeForm->addRow(m_augmentationCheck);
    m_networksSpin = new QSpinBox;
    m_networksSpin->setRange(1, Classifier::kMaximumMembers);
    m_networksSpin->setValue(kDefaultNetworks);
    m_networksSpin->setToolTip(tr("Networks trained with seeds seed, seed + 1 and so on, whose "
                                  "probabilities the model averages. Each takes as long to "
                                  "train as one, and averaging makes fewer mistakes."));
    recipeForm->addRow(tr("Networks to a&verage:"), m_networksSpin);
    m_mirrorCheck = new QCheckBox(tr("Also average over the &mirror image of each face"));
    m_mirrorCheck->setChecked(true);
    recipeForm->addRow(m_mirrorCheck);
    m_thresholdRuleCombo = new QComboBox;
    m_thresholdRuleCombo->addItem(tr("Precision equals recall"), int(ThresholdRule::Balanced));
    m_thresholdRuleCombo->addItem(tr("Highest F1 score"), int(ThresholdRule::MaxF1));
    m_thresholdRuleCombo->setToolTip(
        tr("How the model's threshold is chosen on the validation pictures. \"Precision equals "
           "recall\" flags as many pictures as are labelled yes, so neither kind of mistake is "
           "favoured, and moves less between small validation sets. The evaluation view can "
           "move the threshold later."));
    recipeForm->addRow(tr("Thresh&old rule:"), m_thresholdRuleCombo);

    auto *formRow = new QHBoxLayout;
    formRow->addWidget(dataBox, 3);
    formRow->addWidget(recipeBox, 2);

    // Progress
    m_phaseLabel = new QLabel(tr("Ready"));
    m_progressBar = new QProgressBar;
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_progressBar->setAccessibleName(tr("Training progress"));
    m_remainingLabel = new QLabel;
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_phaseLabel);
    progressRow->addWidget(m_progressBar, 1);
    progressRow->addWidget(m_remainingLabel);
    m_chart = new TrainingChart;
    m_statusLabel = new QLabel;
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Buttons
    m_startButton = new QPushButton(tr("&Start"));
    m_startButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("&Cancel Training"));
    m_resumeButton = new QPushButton(tr("&Resume"));
    m_resumeButton->setToolTip(tr("Continue the last run from its checkpoint"));
    m_predictButton = new QPushButton(tr("Predict &All"));
    m_predictButton->setToolTip(tr("Run the project's active model over every image"));
    m_closeButton = new QPushButton(tr("Close"));
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_startButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_resumeButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_predictButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_closeButton, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(formRow);
    layout->addLayout(progressRow);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);

    connect(m_browseButton, &QPushButton::clicked, this, &TrainingDialog::browseDataset);
    connect(m_datasetRadio, &QRadioButton::toggled, this, &TrainingDialog::updateSourceWidgets);
    connect(m_startButton, &QPushButton::clicked, this, &TrainingDialog::startTraining);
    connect(m_cancelButton, &QPushButton::clicked, this, &TrainingDialog::cancelTraining);
    connect(m_resumeButton, &QPushButton::clicked, this, &TrainingDialog::resumeTraining);
    connect(m_predictButton, &QPushButton::clicked, this, &TrainingDialog::predictAll);
    connect(m_closeButton, &QPushButton::clicked, this, &TrainingDialog::reject);
    resize(900, 680);
}

void TrainingDialog::setProject(const QString &folder, const QStringList &attributes,
                                const QString &currentAttribute)
{
    m_projectFolder = folder;
    const QString typed = m_attributeCombo->currentText();
    m_attributeCombo->clear();
    QStringList names = attributes;
    for (const QString &name : ProjectStore::celebaAttributeNames()) {
        if (!names.contains(name, Qt::CaseInsensitive))
            names.append(name);
    }
    m_attributeCombo->addItems(names);
    const QString chosen = currentAttribute.isEmpty() ? typed : currentAttribute;
    m_attributeCombo->setCurrentText(chosen.isEmpty() ? ProjectStore::defaultAttribute() : chosen);
    if (folder.isEmpty())
        m_datasetRadio->setChecked(true);
    updateSourceWidgets();
    updateButtons();
}

QString TrainingDialog::projectFolder() const
{
    return m_projectFolder;
}

TrainingRequest TrainingDialog::request() const
{
    TrainingRequest request;
    request.useProjectLabels = m_projectRadio->isChecked();
    request.projectFolder = m_projectFolder;
    request.data.datasetPath = request.useProjectLabels ? QString() : m_datasetEdit->text().trimmed();
    request.data.attribute = m_attributeCombo->currentText().trimmed();
    request.data.selection.attribute = request.data.attribute;
    request.data.selection.policy = SelectionPolicy(m_selectionCombo->currentData().toInt());
    request.data.selection.maxCount = m_sizeSpin->value();
    request.data.selection.seed = quint64(m_seedSpin->value());
    request.data.split.method = SplitMethod(m_splitCombo->currentData().toInt());
    request.data.split.testFraction = 0.2;
    request.data.split.seed = quint64(m_seedSpin->value());
    request.data.threads = m_threadsSpin->value();
    const QString region = m_regionCombo->currentData().toString();
    if (region == QLatin1String("face+eyes")) {
        request.data.preprocessing = PreprocessSettings::faceAndEyeBand();
    } else {
        request.data.preprocessing.region = region == QLatin1String("eyes")
            ? PreprocessSettings::eyeBand()
            : PreprocessSettings::fullFace();
        request.data.preprocessing.inputSize =
            QSize(m_inputWidthSpin->value(), m_inputHeightSpin->value());
    }

    request.options.steps = m_stepsSpin->value();
    request.options.batchSize = m_batchSpin->value();
    request.options.learningRate = m_learningRateSpin->value();
    request.options.seed = quint64(m_seedSpin->value());
    request.options.threads = m_threadsSpin->value();
    request.options.augmentation.enabled = m_augmentationCheck->isChecked();
    request.options.weightDecay = m_weightDecaySpin->value();
    request.options.architecture = m_architectureCombo->currentData().toString();
    request.options.checkpointInterval = kCheckpointInterval;
    request.options.earlyStoppingPatience = kEarlyStoppingPatience;
    request.options.members = m_networksSpin->value();
    request.options.mirrorAverage = m_mirrorCheck->isChecked();
    request.options.thresholdRule = ThresholdRule(m_thresholdRuleCombo->currentData().toInt());

    QString modelFolder = m_projectFolder;
    if (modelFolder.isEmpty())
        modelFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    request.modelPath = TrainingWorker::newModelPath(modelFolder, request.data.attribute);
    request.options.checkpointPath = TrainingWorker::checkpointPathFor(request.modelPath);
    return request;
}

void TrainingDialog::setRequest(const TrainingRequest &request)
{
    m_projectRadio->setChecked(request.useProjectLabels && !m_projectFolder.isEmpty());
    m_datasetRadio->setChecked(!m_projectRadio->isChecked());
    m_datasetEdit->setText(request.data.datasetPath);
    m_attributeCombo->setCurrentText(request.data.attribute);
    m_selectionCombo->setCurrentIndex(
        m_selectionCombo->findData(int(request.data.selection.policy)));
    m_sizeSpin->setValue(request.data.selection.maxCount);
    m_splitCombo->setCurrentIndex(m_splitCombo->findData(int(request.data.split.method)));
    m_stepsSpin->setValue(request.options.steps);
    m_batchSpin->setValue(request.options.batchSize);
    m_learningRateSpin->setValue(request.options.learningRate);
    m_seedSpin->setValue(int(request.options.seed));
    m_threadsSpin->setValue(std::max(1, request.options.threads));
    m_augmentationCheck->setChecked(request.options.augmentation.enabled);
    m_networksSpin->setValue(request.options.members);
    m_mirrorCheck->setChecked(request.options.mirrorAverage);
    m_thresholdRuleCombo->setCurrentIndex(
        m_thresholdRuleCombo->findData(int(request.options.thresholdRule)));
    m_weightDecaySpin->setValue(request.options.weightDecay);
    const int architectureIndex = m_architectureCombo->findData(request.options.architecture);
    if (architectureIndex >= 0)
        m_architectureCombo->setCurrentIndex(architectureIndex);
    const PreprocessSettings &preprocessing = request.data.preprocessing;
    const QString region = !preprocessing.views.isEmpty() ? QStringLiteral("face+eyes")
        : preprocessing.region == PreprocessSettings::eyeBand() ? QStringLiteral("eyes")
                                                                : QStringLiteral("face");
    const int regionIndex = m_regionCombo->findData(region);
    if (regionIndex >= 0) {
        m_regionCombo->setCurrentIndex(regionIndex);
        m_regionChosen = true;
    }
    if (preprocessing.views.isEmpty()) {
        m_inputWidthSpin->setValue(preprocessing.inputSize.width());
        m_inputHeightSpin->setValue(preprocessing.inputSize.height());
        m_inputWidthSpin->setEnabled(true);
        m_inputHeightSpin->setEnabled(true);
    } else {
        applyRegionDefaults();
    }
    updateSourceWidgets();
}

QString TrainingDialog::regionForAttribute(const QString &attribute)
{
    return attribute.trimmed().compare(QLatin1String("Eyeglasses"), Qt::CaseInsensitive) == 0
        ? QStringLiteral("face+eyes")
        : QStringLiteral("face");
}

void TrainingDialog::selectRegion(const QString &region)
{
    const int index = m_regionCombo->findData(region);
    if (index < 0 || index == m_regionCombo->currentIndex())
        return;
    m_regionCombo->setCurrentIndex(index);
    applyRegionDefaults();
}

void TrainingDialog::applyRegionDefaults()
{
    const QString region = m_regionCombo->currentData().toString();
    QSize size = PreprocessSettings::defaultInputSize(PreprocessSettings::fullFace());
    if (region == QLatin1String("eyes"))
        size = PreprocessSettings::defaultInputSize(PreprocessSettings::eyeBand());
    else if (region == QLatin1String("face+eyes"))
        size = PreprocessSettings::faceAndEyeBand().inputSize;
    m_inputWidthSpin->setValue(size.width());
    m_inputHeightSpin->setValue(size.height());
    // The two views have fixed sizes.
    m_inputWidthSpin->setEnabled(region != QLatin1String("face+eyes"));
    m_inputHeightSpin->setEnabled(region != QLatin1String("face+eyes"));
}

bool TrainingDialog::isRunning() const
{
    return m_running || m_predictWorker->isRunning();
}

TrainingWorker *TrainingDialog::worker() const
{
    return m_worker;
}

TrainingChart *TrainingDialog::chart() const
{
    return m_chart;
}

TrainingOutcome TrainingDialog::lastOutcome() const
{
    return m_lastOutcome;
}

void TrainingDialog::startTraining()
{
    if (isRunning())
        return;
    const TrainingRequest next = request();
    if (next.data.attribute.isEmpty()) {
        m_statusLabel->setText(tr("Choose or type the attribute to train."));
        return;
    }
    if (!next.useProjectLabels && next.data.datasetPath.isEmpty()) {
        m_statusLabel->setText(tr("Choose a dataset folder or file, or train on this project's "
                                  "labels."));
        return;
    }
    launch(next);
}

void TrainingDialog::resumeTraining()
{
    if (isRunning() || !m_hasLastRequest)
        return;
    TrainingRequest next = m_lastRequest;
    next.options.resume = true;
    // The form may ask for more steps than the interrupted run; the rest of the recipe must
    // match the checkpoint, so it is kept.
    next.options.steps = std::max(next.options.steps, m_stepsSpin->value());
    launch(next);
}

void TrainingDialog::launch(const TrainingRequest &request)
{
    m_lastRequest = request;
    m_hasLastRequest = true;
    m_running = true;
    m_firstStep = -1;
    m_chart->reset(request.options.steps * std::max(1, request.options.members));
    if (request.options.resume) {
        // Show the steps done before the resume from the run's log.
        m_chart->appendSteps(
            TrainingWorker::readHistory(TrainingWorker::historyPathFor(request.modelPath)));
    }
    m_statusLabel->setText(tr("Writing %1").arg(QDir::toNativeSeparators(request.modelPath)));
    m_remainingLabel->clear();
    m_worker->resetCancel();
    updateButtons();
    Q_EMIT runRequested(request);
}

void TrainingDialog::cancelTraining()
{
    if (m_running) {
        m_worker->cancel();
        m_phaseLabel->setText(tr("Canceling..."));
    }
    if (m_predictWorker->isRunning())
        m_predictWorker->cancel();
}

void TrainingDialog::predictAll()
{
    if (isRunning() || m_projectFolder.isEmpty())
        return;
    m_predictWorker->start(m_projectFolder, -1, m_threadsSpin->value());
    m_statusLabel->setText(tr("Predicting every project image with the active model..."));
    updateButtons();
}

void TrainingDialog::onProgress(const TrainingUpdate &update)
{
    const TrainingProgress *latest = update.steps.empty() ? nullptr : &update.steps.back();
    if (update.phase == PipelinePhase::Training && latest && latest->memberCount > 1) {
        m_phaseLabel->setText(tr("Training network %1 of %2")
                                  .arg(latest->member + 1)
                                  .arg(latest->memberCount));
    } else {
        m_phaseLabel->setText(pipelinePhaseName(update.phase));
    }
    m_progressBar->setRange(0, std::max(1, update.total));
    m_progressBar->setValue(std::min(update.done, std::max(1, update.total)));
    if (!update.steps.empty()) {
        const TrainingProgress &last = update.steps.back();
        if (m_firstStep < 0) {
            m_firstStep = update.steps.front().step;
            m_firstElapsed = update.steps.front().elapsedSeconds;
        }
        m_chart->appendSteps(update.steps);
        m_remainingLabel->setText(remainingTimeText(last));
    } else if (update.phase != PipelinePhase::Training) {
        m_remainingLabel->clear();
    }
}

QString TrainingDialog::remainingTimeText(const TrainingProgress &step) const
{
    const int stepsDone = step.step - m_firstStep;
    if (stepsDone <= 0)
        return tr("estimating time...");
    const double secondsPerStep = (step.elapsedSeconds - m_firstElapsed) / stepsDone;
    const int seconds = int(std::lround(secondsPerStep * (step.totalSteps - step.step)));
    if (seconds >= 3600)
        return tr("about %1 h %2 min left").arg(seconds / 3600).arg((seconds % 3600) / 60);
    if (seconds >= 60)
        return tr("about %1 min %2 s left").arg(seconds / 60).arg(seconds % 60);
    return tr("about %1 s left").arg(seconds);
}

void TrainingDialog::onFinished(const TrainingOutcome &outcome)
{
    m_running = false;
    m_lastOutcome = outcome;
    m_remainingLabel->clear();
    QStringList lines;
    if (!outcome.dataSummary.isEmpty())
        lines << outcome.dataSummary;
    if (outcome.canceled) {
        m_phaseLabel->setText(tr("Canceled"));
        lines << tr("Canceled at step %1. Resume continues from the last checkpoint.")
                     .arg(outcome.steps);
    } else if (!outcome.isOk()) {
        m_phaseLabel->setText(tr("Failed"));
        lines << outcome.errorString;
    } else {
        m_phaseLabel->setText(tr("Finished"));
        m_progressBar->setValue(m_progressBar->maximum());
        const QJsonObject test = outcome.metadata.metrics.value(QStringLiteral("test")).toObject();
        lines << tr("Saved %1 after %2 steps. Threshold %3, test accuracy %4, test AUC %5.")
                     .arg(QDir::toNativeSeparators(outcome.modelPath))
                     .arg(outcome.steps)
                     .arg(outcome.metadata.threshold, 0, 'f', 3)
                     .arg(test.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 3)
                     .arg(test.value(QStringLiteral("auc")).toDouble(), 0, 'f', 3);
        // The finished run's checkpoints are of no further use and would only take disk space.
        removeTrainingCheckpoints(outcome.checkpointPath, m_lastRequest.options.members);
        m_hasLastRequest = false;
    }
    for (const QString &warning : outcome.warnings.mid(0, 5))
        lines << warning;
    m_statusLabel->setText(lines.join(QLatin1Char('\n')));
    updateButtons();
    if (outcome.isOk())
        Q_EMIT modelTrained(outcome.modelId, outcome.modelPath);
}

void TrainingDialog::onPredictAllFinished(const PredictAllResult &result)
{
    if (result.canceled)
        m_statusLabel->setText(tr("Prediction canceled; nothing was stored."));
    else if (!result.isOk())
        m_statusLabel->setText(result.errorString);
    else
        m_statusLabel->setText(tr("Stored probabilities for %1 of %2 images (%3 without a "
                                  "usable face).")
                                   .arg(result.predictedCount)
                                   .arg(result.imageCount)
                                   .arg(result.failedCount));
    m_phaseLabel->setText(result.isOk() ? tr("Finished") : tr("Stopped"));
    updateButtons();
    if (result.isOk())
        Q_EMIT predictionsStored(result.modelId, result.predictedCount);
}

void TrainingDialog::updateButtons()
{
    const bool busy = isRunning();
    m_startButton->setEnabled(!busy);
    m_cancelButton->setEnabled(busy);
    m_resumeButton->setEnabled(!busy && m_hasLastRequest
                               && QFileInfo::exists(m_lastRequest.options.checkpointPath));
    m_predictButton->setEnabled(!busy && !m_projectFolder.isEmpty());
    m_projectRadio->setEnabled(!m_projectFolder.isEmpty());
}

void TrainingDialog::updateSourceWidgets()
{
    const bool fromDataset = m_datasetRadio->isChecked();
    m_datasetEdit->setEnabled(fromDataset);
    m_browseButton->setEnabled(fromDataset);
}

void TrainingDialog::browseDataset()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Dataset"), m_datasetEdit->text(),
        tr("Label files (list_attr_celeba.txt *.txt *.csv);;All files (*)"));
    if (!path.isEmpty())
        m_datasetEdit->setText(QDir::toNativeSeparators(path));
}

void TrainingDialog::closeEvent(QCloseEvent *event)
{
    if (isRunning()) {
        // Closing hides the dialog; the run goes on and can be watched again by reopening it.
        hide();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void TrainingDialog::reject()
{
    if (isRunning()) {
        hide();
        return;
    }
    QDialog::reject();
}

} // namespace ProfileLens
