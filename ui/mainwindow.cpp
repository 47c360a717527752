#include "mainwindow.h"

#include "downloaddialog.h"
#include "evaluationdashboard.h"
#include "gallerydelegate.h"
#include "gallerymodel.h"
#include "galleryview.h"
#include "imageloader.h"
#include "labelcommands.h"
#include "modelfile.h"
#include "predictallworker.h"
#include "shortcutsdialog.h"
#include "stageviewer.h"
#include "trainingdialog.h"
#include "trainingpipeline.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QInputDialog>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QWindow>

Q_LOGGING_CATEGORY(lcUi, "profilelens.ui")

namespace ProfileLens {

namespace {

// QSettings keys.
const char kGeometryKey[] = "mainWindow/geometry";
const char kStateKey[] = "mainWindow/state";
const char kAutoAdvanceKey[] = "labeling/autoAdvance";
const char kThumbnailSideKey[] = "gallery/thumbnailSide";
const char kRecentProjectsKey[] = "projects/recent";
const char kLastProjectKey[] = "projects/last";
// Key of the project setting that stores the attribute labeled last.
const char kAttributeSettingKey[] = "ui/attribute";

// Thumbnail sides offered by View > Larger/Smaller, in device-independent pixels.
constexpr int kThumbnailSides[] = {96, 128, 160, 192, 256};
// Share of the window width given to the stages panel on first start.
constexpr double kStageDockShare = 0.38;
// Space between gallery cells, in device-independent pixels.
constexpr int kGridSpacing = 8;
// How long transient status-bar messages stay, in milliseconds.
constexpr int kStatusMessageMs = 8000;

// Demo pictures and their true Eyeglasses labels, so the Evaluation page can compare the
// model's output with the truth.
struct DemoPicture
{
    const char *fileName;
    LabelValue eyeglasses;
};
constexpr DemoPicture kDemoPictures[] = {
    {"astronaut.png", LabelValue::No},
    {"grace_hopper.jpg", LabelValue::Yes},
};

QIcon resourceIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

/// Returns \a description followed by the first shortcut of \a action, as the tooltip of a
/// toolbar button that shows only its icon.
QString toolTipWithShortcut(const QAction *action, const QString &description)
{
    const QKeySequence shortcut = action->shortcut();
    if (shortcut.isEmpty())
        return description;
    //: Toolbar tooltip: what the button does, then its keyboard shortcut.
    return MainWindow::tr("%1 (%2)").arg(description,
                                         shortcut.toString(QKeySequence::NativeText));
}

/// Shows the button of \a action in \a toolBar as an icon without text. The button keeps
/// the action's text as its accessible name.
void showIconOnly(QToolBar *toolBar, QAction *action)
{
    if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action)))
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new GalleryModel(this))
    , m_filterModel(new GalleryFilterModel(this))
    , m_view(new GalleryView(this))
    , m_delegate(new GalleryDelegate(this))
    , m_undoStack(new QUndoStack(this))
    , m_importer(new Importer(this))
    , m_predictWorker(new PredictAllWorker(this))
{
    setWindowIcon(resourceIcon("profilelens"));
    setAcceptDrops(true);

    m_filterModel->setSourceModel(m_model);
    m_view->setModel(m_filterModel);
    m_view->setItemDelegate(m_delegate);
    m_view->setAccessibleName(tr("Gallery"));

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    createDocks();
    createEvaluationPage();

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_model, &GalleryModel::labelsChanged, this, &MainWindow::updateCounts);
    connect(m_model, &GalleryModel::storeError, this, [this](const QString &message) {
        showError(tr("Label not saved"), message);
    });
    connect(m_filterModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyText);
    connect(m_filterModel, &QAbstractItemModel::layoutChanged, this,
            &MainWindow::updateEmptyText);
    connect(m_filterModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyText);
    connect(m_filterModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyText);

    connect(m_importer, &Importer::started, this, &MainWindow::onImportStarted);
    connect(m_importer, &Importer::progress, this, &MainWindow::onImportProgress);
    connect(m_importer, &Importer::imagesImported, this, &MainWindow::onImagesImported);
    connect(m_importer, &Importer::finished, this, &MainWindow::onImportFinished);

    connect(m_predictWorker, &PredictAllWorker::progress, this,
            &MainWindow::onPredictAllProgress);
    connect(m_predictWorker, &PredictAllWorker::finished, this,
            &MainWindow::onPredictAllFinished);

    readSettings();
    updateEmptyText();
    updateActions();
    updateCounts();
}

MainWindow::~MainWindow()
{
    // The importer's worker uses its own store; stop it before the views go away.
    m_importer->cancel();
    m_importer->waitForFinished();
    m_predictWorker->cancel();
    m_predictWorker->waitForFinished();
}

// ---------------------------------------------------------------------------------------
// Construction

void MainWindow::createActions()
{
    m_newProjectAction = new QAction(tr("&New Project..."), this);
    m_newProjectAction->setShortcut(QKeySequence::New);
    connect(m_newProjectAction, &QAction::triggered, this, &MainWindow::newProject);

    m_openProjectAction = new QAction(tr("&Open Project..."), this);
    m_openProjectAction->setShortcut(QKeySequence::Open);
    connect(m_openProjectAction, &QAction::triggered, this, &MainWindow::openProjectDialog);

    m_importFilesAction = new QAction(resourceIcon("import-files"), tr("&Import Files..."), this);
    m_importFilesAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_importFilesAction->setToolTip(
        toolTipWithShortcut(m_importFilesAction, tr("Import picture files into the project")));
    connect(m_importFilesAction, &QAction::triggered, this, &MainWindow::importFilesDialog);

    m_importFolderAction =
        new QAction(resourceIcon("import-folder"), tr("Import &Folder..."), this);
    m_importFolderAction->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    m_importFolderAction->setToolTip(toolTipWithShortcut(
        m_importFolderAction, tr("Import every picture in a folder and its subfolders")));
    connect(m_importFolderAction, &QAction::triggered, this, &MainWindow::importFolderDialog);

    m_downloadAction =
        new QAction(resourceIcon("download"), tr("&Download by URL or Handle..."), this);
    m_downloadAction->setShortcut(QKeySequence(tr("Ctrl+D")));
    connect(m_downloadAction, &QAction::triggered, this, &MainWindow::openDownloadDialog);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setIcon(resourceIcon("undo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(resourceIcon("redo"));
    // Some platform themes bind Redo to Ctrl+Y only, so Ctrl+Shift+Z is added.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence ctrlShiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!redoKeys.contains(ctrlShiftZ))
        redoKeys.prepend(ctrlShiftZ);
    m_redoAction->setShortcuts(redoKeys);
    // The toolbar shows Undo and Redo as icons, so their tooltips carry the text that names
    // the command, updated whenever the stack changes.
    auto updateUndoToolTips = [this]() {
        m_undoAction->setToolTip(toolTipWithShortcut(m_undoAction, m_undoAction->iconText()));
        m_redoAction->setToolTip(toolTipWithShortcut(m_redoAction, m_redoAction->iconText()));
    };
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, updateUndoToolTips);
    connect(m_undoStack, &QUndoStack::redoTextChanged, this, updateUndoToolTips);
    updateUndoToolTips();

    m_selectAllAction = new QAction(tr("Select &All"), this);
    m_selectAllAction->setShortcut(QKeySequence::SelectAll);
    connect(m_selectAllAction, &QAction::triggered, m_view, &QAbstractItemView::selectAll);

    m_yesAction = new QAction(resourceIcon("label-yes"), tr("&Yes"), this);
    m_yesAction->setShortcuts({QKeySequence(Qt::Key_Y), QKeySequence(Qt::Key_1)});
    m_yesAction->setToolTip(tr("Label the selected images Yes (Y)"));
    connect(m_yesAction, &QAction::triggered, this, [this]() { labelSelection(LabelValue::Yes); });

    m_noAction = new QAction(resourceIcon("label-no"), tr("&No"), this);
    m_noAction->setShortcuts({QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_2)});
    m_noAction->setToolTip(tr("Label the selected images No (N)"));
    connect(m_noAction, &QAction::triggered, this, [this]() { labelSelection(LabelValue::No); });

    m_unsureAction = new QAction(resourceIcon("label-unsure"), tr("&Unsure"), this);
    m_unsureAction->setShortcuts({QKeySequence(Qt::Key_U), QKeySequence(Qt::Key_3)});
    m_unsureAction->setToolTip(tr("Label the selected images Unsure (U)"));
    connect(m_unsureAction, &QAction::triggered, this,
            [this]() { labelSelection(LabelValue::Unsure); });

    m_clearAction = new QAction(resourceIcon("label-clear"), tr("&Clear Label"), this);
    m_clearAction->setShortcuts({QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)});
    m_clearAction->setToolTip(tr("Remove the label of the selected images (Delete)"));
    connect(m_clearAction, &QAction::triggered, this,
            [this]() { labelSelection(std::nullopt); });

    m_addAttributeAction =
        new QAction(resourceIcon("add-attribute"), tr("Add &Attribute..."), this);
    m_addAttributeAction->setToolTip(tr("Label another attribute, such as Smiling"));
    connect(m_addAttributeAction, &QAction::triggered, this, &MainWindow::addAttributeDialog);

    m_autoAdvanceAction = new QAction(tr("&Advance After Labeling"), this);
    m_autoAdvanceAction->setCheckable(true);
    m_autoAdvanceAction->setChecked(true);
    m_autoAdvanceAction->setToolTip(tr("Move to the next image after each label"));
    connect(m_autoAdvanceAction, &QAction::toggled, this, [](bool enabled) {
        QSettings().setValue(QLatin1String(kAutoAdvanceKey), enabled);
    });

    m_largerAction = new QAction(tr("&Larger Thumbnails"), this);
    m_largerAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_largerAction, &QAction::triggered, this, [this]() {
        for (const int side : kThumbnailSides) {
            if (side > m_thumbnailSide) {
                setThumbnailSide(side);
                return;
            }
        }
    });
    m_smallerAction = new QAction(tr("&Smaller Thumbnails"), this);
    m_smallerAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_smallerAction, &QAction::triggered, this, [this]() {
        for (auto it = std::rbegin(kThumbnailSides); it != std::rend(kThumbnailSides); ++it) {
            if (*it < m_thumbnailSide) {
                setThumbnailSide(*it);
                return;
            }
        }
    });

    m_trainAction = new QAction(tr("&Train Model..."), this);
    m_trainAction->setToolTip(tr("Train a model on a dataset or on the project's labels"));
    connect(m_trainAction, &QAction::triggered, this, &MainWindow::openTrainingDialog);

    m_predictAllAction = new QAction(tr("&Predict All Images"), this);
    m_predictAllAction->setShortcut(QKeySequence(tr("Ctrl+P")));
    m_predictAllAction->setToolTip(tr("Score every project image with the active model"));
    connect(m_predictAllAction, &QAction::triggered, this, &MainWindow::predictAll);

    m_evaluateAction = new QAction(tr("&Evaluate Models"), this);
    m_evaluateAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_evaluateAction->setToolTip(tr("Show the confusion matrix, report and curves of a model"));
    connect(m_evaluateAction, &QAction::triggered, this,
            [this]() { setCurrentPage(Page::Evaluation); });

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(tr("Ctrl+/"))});
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_aboutAction = new QAction(tr("&About ProfileLens"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newProjectAction);
    file->addAction(m_openProjectAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::populateRecentMenu);
    file->addSeparator();
    file->addAction(m_importFilesAction);
    file->addAction(m_importFolderAction);
    file->addAction(m_downloadAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_selectAllAction);

    QMenu *label = menuBar()->addMenu(tr("&Label"));
    label->addAction(m_yesAction);
    label->addAction(m_noAction);
    label->addAction(m_unsureAction);
    label->addAction(m_clearAction);
    label->addSeparator();
    label->addAction(m_addAttributeAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_autoAdvanceAction);
    view->addSeparator();
    view->addAction(m_largerAction);
    view->addAction(m_smallerAction);
    view->addSeparator();

    m_modelsMenu = menuBar()->addMenu(tr("&Models"));
    m_modelsMenu->addAction(m_trainAction);
    m_modelsMenu->addAction(m_predictAllAction);
    m_activeModelMenu = m_modelsMenu->addMenu(tr("Set &Active Model"));
    m_activeModelMenu->setObjectName(QStringLiteral("activeModelMenu"));
    connect(m_activeModelMenu, &QMenu::aboutToShow, this, &MainWindow::populateActiveModelMenu);
    m_modelsMenu->addSeparator();
    m_modelsMenu->addAction(m_evaluateAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Labeling"));
    toolBar->setObjectName(QStringLiteral("labelingToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);

    toolBar->addAction(m_importFilesAction);
    toolBar->addAction(m_importFolderAction);
    toolBar->addSeparator();

    auto *attributeLabel = new QLabel(tr("A&ttribute:"), toolBar);
    m_attributeCombo = new QComboBox(toolBar);
    m_attributeCombo->setObjectName(QStringLiteral("attributeCombo"));
    m_attributeCombo->setAccessibleName(tr("Attribute"));
    m_attributeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_attributeCombo->setFocusPolicy(Qt::ClickFocus);
    attributeLabel->setBuddy(m_attributeCombo);
    attributeLabel->setContentsMargins(6, 0, 4, 0);
    toolBar->addWidget(attributeLabel);
    toolBar->addWidget(m_attributeCombo);
    connect(m_attributeCombo, &QComboBox::activated, this, [this](int index) {
        setCurrentAttribute(m_attributeCombo->itemText(index));
        m_view->setFocus();
    });
    auto *addButton = new QToolButton(toolBar);
    addButton->setDefaultAction(m_addAttributeAction);
    addButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    addButton->setAccessibleName(tr("Add attribute"));
    toolBar->addWidget(addButton);

    auto *filterLabel = new QLabel(tr("&Show:"), toolBar);
    m_filterCombo = new QComboBox(toolBar);
    m_filterCombo->setObjectName(QStringLiteral("filterCombo"));
    m_filterCombo->setAccessibleName(tr("Filter"));
    m_filterCombo->setFocusPolicy(Qt::ClickFocus);
    const QList<QPair<QString, GalleryFilterModel::Filter>> filters = {
        {tr("All"), GalleryFilterModel::Filter::All},
        {tr("Unlabelled"), GalleryFilterModel::Filter::Unlabeled},
        {tr("Yes"), GalleryFilterModel::Filter::Yes},
        {tr("No"), GalleryFilterModel::Filter::No},
        {tr("Unsure"), GalleryFilterModel::Filter::Unsure},
        {tr("Predicted yes"), GalleryFilterModel::Filter::PredictedYes},
        {tr("Predicted no"), GalleryFilterModel::Filter::PredictedNo},
        {tr("Selected on Evaluation page"), GalleryFilterModel::Filter::ImageIds},
    };
    for (const auto &filter : filters)
        m_filterCombo->addItem(filter.first, QVariant::fromValue(filter.second));
    filterLabel->setBuddy(m_filterCombo);
    filterLabel->setContentsMargins(12, 0, 4, 0);
    toolBar->addWidget(filterLabel);
    toolBar->addWidget(m_filterCombo);
    connect(m_filterCombo, &QComboBox::activated, this, [this](int index) {
        setFilter(m_filterCombo->itemData(index).value<GalleryFilterModel::Filter>());
        m_view->setFocus();
    });
    toolBar->addSeparator();

    toolBar->addAction(m_yesAction);
    toolBar->addAction(m_noAction);
    toolBar->addAction(m_unsureAction);
    toolBar->addAction(m_clearAction);
    toolBar->addSeparator();
    toolBar->addAction(m_undoAction);
    toolBar->addAction(m_redoAction);

    // Only the label buttons keep their text: with every text shown, the German toolbar
    // is wider than a 1280-pixel window and hides Undo and Redo behind its extension menu.
    for (QAction *action : {m_importFilesAction, m_importFolderAction, m_clearAction,
                            m_undoAction, m_redoAction})
        showIconOnly(toolBar, action);
}

void MainWindow::createStatusBar()
{
    m_progressLabel = new QLabel(this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setMaximumWidth(200);
    m_progressBar->setAccessibleName(tr("Import progress"));
    m_cancelImportButton = new QToolButton(this);
    m_cancelImportButton->setIcon(resourceIcon("cancel"));
    m_cancelImportButton->setAutoRaise(true);
    m_cancelImportButton->setToolTip(tr("Cancel the import"));
    m_cancelImportButton->setAccessibleName(tr("Cancel import"));
    connect(m_cancelImportButton, &QToolButton::clicked, m_importer, &Importer::cancel);
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));

    m_predictLabel = new QLabel(this);
    m_predictBar = new QProgressBar(this);
    m_predictBar->setMaximumWidth(200);
    m_predictBar->setAccessibleName(tr("Prediction progress"));
    m_cancelPredictButton = new QToolButton(this);
    m_cancelPredictButton->setIcon(resourceIcon("cancel"));
    m_cancelPredictButton->setAutoRaise(true);
    m_cancelPredictButton->setToolTip(tr("Cancel the prediction"));
    m_cancelPredictButton->setAccessibleName(tr("Cancel prediction"));
    connect(m_cancelPredictButton, &QToolButton::clicked, m_predictWorker,
            &PredictAllWorker::cancel);
    m_modelLabel = new QLabel(this);
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));

    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelImportButton);
    statusBar()->addPermanentWidget(m_predictLabel);
    statusBar()->addPermanentWidget(m_predictBar);
    statusBar()->addPermanentWidget(m_cancelPredictButton);
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_countsLabel);
    for (QWidget *widget : std::initializer_list<QWidget *>{
             m_progressLabel, m_progressBar, m_cancelImportButton, m_predictLabel, m_predictBar,
             m_cancelPredictButton})
        widget->hide();
}

void MainWindow::createDocks()
{
    m_stageViewer = new StageViewer(this);
    m_stageDock = new QDockWidget(tr("Stages"), this);
    m_stageDock->setObjectName(QStringLiteral("stageDock"));
    m_stageDock->setWidget(m_stageViewer);
    m_stageDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_stageDock);
    connect(m_stageViewer, &StageViewer::manualEyesChanged, this, [this](qint64 imageId) {
        const ImageRecord image = m_model->imageAt(m_model->rowOfImage(imageId));
        statusBar()->showMessage(tr("Eye positions saved for %1.")
                                     .arg(QFileInfo(image.source.location).fileName()),
                                 kStatusMessageMs);
    });

    if (QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        QAction *toggle = m_stageDock->toggleViewAction();
        toggle->setText(tr("S&tages Panel"));
        toggle->setShortcut(QKeySequence(tr("Ctrl+T")));
        view->addAction(toggle);
    }
}

void MainWindow::createEvaluationPage()
{
    m_dashboard = new EvaluationDashboard(this);
    m_dashboard->setObjectName(QStringLiteral("evaluationDashboard"));

    // The scroll area keeps the dashboard's minimum width out of the window's, so the
    // gallery and the stages panel still fit a 1280 pixel wide screen.
    auto *dashboardScroll = new QScrollArea(this);
    dashboardScroll->setWidget(m_dashboard);
    dashboardScroll->setWidgetResizable(true);
    dashboardScroll->setFrameShape(QFrame::NoFrame);

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_view, tr("&Pictures"));
    m_pages->addTab(dashboardScroll, tr("E&valuation"));
    setCentralWidget(m_pages);

    // The charts and tables need the whole width, so the stages panel steps aside on the
    // Evaluation page and comes back with the gallery.
    connect(m_pages, &QTabWidget::currentChanged, this, [this, dashboardScroll](int index) {
        const bool evaluation = m_pages->widget(index) == dashboardScroll;
        if (evaluation) {
            m_stageDockHiddenForEvaluation = m_stageDock->isVisible();
            m_stageDock->hide();
        } else if (std::exchange(m_stageDockHiddenForEvaluation, false)) {
            m_stageDock->show();
        }
    });

    // The gallery's badges and prediction filters follow the slider only while the dashboard
    // shows the active model, because another model's threshold does not fit its scores.
    connect(m_dashboard, &EvaluationDashboard::thresholdChanged, this, [this](double threshold) {
        if (m_activeModelId >= 0 && m_dashboard->modelId() == m_activeModelId)
            setPredictionThreshold(threshold);
    });
    connect(m_dashboard, &EvaluationDashboard::thresholdSaved, this,
            [this](qint64 modelId, double threshold) {
                if (modelId == m_activeModelId)
                    setPredictionThreshold(threshold);
            });
    connect(m_dashboard, &EvaluationDashboard::imageIdsSelected, this,
            &MainWindow::onEvaluationImagesSelected);
    connect(m_dashboard, &EvaluationDashboard::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });
}

void MainWindow::readSettings()
{
    QSettings settings;
    m_autoAdvanceAction->setChecked(settings.value(QLatin1String(kAutoAdvanceKey), true).toBool());
    setThumbnailSide(settings.value(QLatin1String(kThumbnailSideKey), 128).toInt());
    if (!restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray()))
        resize(1280, 800);
    m_stateRestored = restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
    settings.setValue(QLatin1String(kThumbnailSideKey), m_thumbnailSide);
}

// ---------------------------------------------------------------------------------------
// Projects

bool MainWindow::openProject(const QString &folder)
{
    auto store = std::make_unique<ProjectStore>();
    const StoreStatus status = store->open(folder);
    if (!status.isOk()) {
        qCWarning(lcUi).noquote() << "Opening project failed:" << status.errorString;
        showError(tr("Cannot Open Project"), status.errorString);
        return false;
    }
    setStore(std::move(store));
    return true;
}

bool MainWindow::createProject(const QString &folder)
{
    auto store = std::make_unique<ProjectStore>();
    const StoreStatus status = store->create(folder);
    if (!status.isOk()) {
        qCWarning(lcUi).noquote() << "Creating project failed:" << status.errorString;
        showError(tr("Cannot Create Project"), status.errorString);
        return false;
    }
    setStore(std::move(store));
    return true;
}

QString MainWindow::projectFolder() const
{
    return m_store ? m_store->folder() : QString();
}

void MainWindow::setStore(std::unique_ptr<ProjectStore> store)
{
    // A download dialog writes into the current store, so it closes before the switch.
    const QList<DownloadDialog *> downloads = findChildren<DownloadDialog *>();
    for (DownloadDialog *dialog : downloads) {
        dialog->reject();
        delete dialog;
    }
    if (m_importer->isRunning()) {
        m_importer->cancel();
        m_importer->waitForFinished();
    }
    if (m_predictWorker->isRunning()) {
        m_predictWorker->cancel();
        m_predictWorker->waitForFinished();
    }
    m_showEvaluationAfterPrediction = false;
    m_undoStack->clear();

    // Point every view at the new store before the old one is destroyed.
    std::unique_ptr<ProjectStore> previous = std::move(m_store);
    m_store = std::move(store);
    m_stageViewer->clear();
    m_stageViewer->setProject(m_store.get());

    QString attribute = ProjectStore::defaultAttribute();
    const StoreResult<std::optional<QString>> saved =
        m_store->setting(QLatin1String(kAttributeSettingKey));
    const StoreResult<QStringList> attributes = m_store->attributes();
    if (saved.isOk() && saved.value && attributes.isOk() && attributes.value.contains(*saved.value))
        attribute = *saved.value;
    else if (attributes.isOk() && !attributes.value.isEmpty()
             && !attributes.value.contains(attribute))
        attribute = attributes.value.first();
    m_model->setAttribute(attribute);
    QElapsedTimer loadTimer;
    loadTimer.start();
    const QString error = m_model->setProject(m_store.get());
    if (!error.isEmpty())
        showError(tr("Cannot Read Project"), error);
    m_filterModel->setImageIds({});
    if (m_filterModel->filter() == GalleryFilterModel::Filter::ImageIds)
        setFilter(GalleryFilterModel::Filter::All);
    registerDefaultModel();
    loadActivePredictions();
    m_dashboard->setProject(m_store.get(), attribute);
    previous.reset();

    if (m_trainingDialog && !m_trainingDialog->isRunning())
        m_trainingDialog->setProject(m_store->folder(), m_store->attributes().value, attribute);
    reloadAttributes();
    const QString folder = m_store->folder();
    setWindowTitle(tr("%1 - ProfileLens").arg(QDir(folder).dirName()));
    setWindowFilePath(folder);
    addRecentProject(folder);
    QSettings().setValue(QLatin1String(kLastProjectKey), folder);

    if (m_filterModel->rowCount() > 0)
        m_view->setCurrentIndex(m_filterModel->index(0, 0));
    m_view->setFocus();
    updateCounts();
    updateEmptyText();
    updateActions();
    qCInfo(lcUi) << "Showing project" << folder << "attribute" << attribute << "with"
                 << m_model->rowCount() << "images, read in" << loadTimer.elapsed() << "ms";
    Q_EMIT projectChanged();
}

ProjectStore *MainWindow::projectStore() const
{
    return m_store.get();
}

QString MainWindow::currentAttribute() const
{
    return m_model->attribute();
}

bool MainWindow::setCurrentAttribute(const QString &attribute)
{
    if (!m_store)
        return false;
    const StoreResult<QStringList> attributes = m_store->attributes();
    if (!attributes.isOk() || !attributes.value.contains(attribute))
        return false;
    if (attribute != m_model->attribute()) {
        const QString error = m_model->setAttribute(attribute);
        if (!error.isEmpty())
            showError(tr("Cannot Read Labels"), error);
        m_store->setSetting(QLatin1String(kAttributeSettingKey), attribute);
        m_dashboard->setProject(m_store.get(), attribute);
    }
    const int index = m_attributeCombo->findText(attribute);
    if (index >= 0)
        m_attributeCombo->setCurrentIndex(index);
    updateCounts();
    Q_EMIT attributeChanged(attribute);
    return true;
}

void MainWindow::reloadAttributes()
{
    m_attributeCombo->clear();
    if (!m_store)
        return;
    const StoreResult<QStringList> attributes = m_store->attributes();
    if (!attributes.isOk()) {
        showError(tr("Cannot Read Project"), attributes.errorString);
        return;
    }
    m_attributeCombo->addItems(attributes.value);
    m_attributeCombo->setCurrentIndex(m_attributeCombo->findText(m_model->attribute()));
}

void MainWindow::newProject()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose an Empty Folder for the New Project"), QDir::homePath());
    if (!folder.isEmpty())
        createProject(folder);
}

void MainWindow::openProjectDialog()
{
    const QString start = m_store ? QFileInfo(m_store->folder()).absolutePath() : QDir::homePath();
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Open Project Folder"), start);
    if (!folder.isEmpty())
        openProject(folder);
}

void MainWindow::populateRecentMenu()
{
    m_recentMenu->clear();
    QSettings settings;
    const QStringList recent = settings.value(QLatin1String(kRecentProjectsKey)).toStringList();
    QStringList kept;
    QStringList missing;
    for (const QString &folder : recent) {
        if (QFileInfo(QDir(folder).filePath(ProjectStore::databaseFileName())).isFile())
            kept << folder;
        else
            missing << QDir::toNativeSeparators(folder);
    }
    if (!missing.isEmpty()) {
        settings.setValue(QLatin1String(kRecentProjectsKey), kept);
        statusBar()->showMessage(tr("Removed from the recent projects because they no longer "
                                    "exist: %1")
                                     .arg(missing.join(QLatin1String(", "))),
                                 kStatusMessageMs);
    }

    for (int i = 0; i < kept.size(); ++i) {
        const QString folder = kept.at(i);
        QAction *action = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(folder)));
        connect(action, &QAction::triggered, this, [this, folder]() {
            if (!QFileInfo(QDir(folder).filePath(ProjectStore::databaseFileName())).isFile()) {
                removeRecentProject(folder);
                showError(tr("Project Not Found"),
                          tr("%1 no longer contains a project, so it was removed from the "
                             "recent projects.")
                              .arg(QDir::toNativeSeparators(folder)));
                return;
            }
            openProject(folder);
        });
    }
    if (kept.isEmpty()) {
        m_recentMenu->addAction(tr("No Recent Projects"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, []() {
        QSettings().remove(QLatin1String(kRecentProjectsKey));
    });
}

void MainWindow::addRecentProject(const QString &folder)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentProjectsKey)).toStringList();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > kMaxRecentProjects)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentProjectsKey), recent);
}

void MainWindow::removeRecentProject(const QString &folder)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentProjectsKey)).toStringList();
    recent.removeAll(folder);
    settings.setValue(QLatin1String(kRecentProjectsKey), recent);
}

// ---------------------------------------------------------------------------------------
// Labeling

GalleryModel *MainWindow::galleryModel() const
{
    return m_model;
}

GalleryFilterModel *MainWindow::galleryFilterModel() const
{
    return m_filterModel;
}

GalleryView *MainWindow::galleryView() const
{
    return m_view;
}

QUndoStack *MainWindow::undoStack() const
{
    return m_undoStack;
}

QMenu *MainWindow::modelsMenu() const
{
    return m_modelsMenu;
}

GalleryFilterModel::Filter MainWindow::filter() const
{
    return m_filterModel->filter();
}

void MainWindow::setFilter(GalleryFilterModel::Filter filter)
{
    const qint64 currentId = m_view->currentIndex().data(GalleryModel::ImageIdRole).toLongLong();
    m_filterModel->setFilter(filter);
    const int comboIndex = m_filterCombo->findData(QVariant::fromValue(filter));
    if (comboIndex >= 0)
        m_filterCombo->setCurrentIndex(comboIndex);

    // Stay on the same image when it is still shown, else start at the first row.
    QModelIndex current;
    const int sourceRow = m_model->rowOfImage(currentId);
    if (sourceRow >= 0)
        current = m_filterModel->mapFromSource(m_model->index(sourceRow));
    if (!current.isValid())
        current = m_filterModel->index(0, 0);
    if (current.isValid())
        m_view->selectionModel()->setCurrentIndex(current,
                                                  QItemSelectionModel::ClearAndSelect);
    updateEmptyText();
}

bool MainWindow::autoAdvance() const
{
    return m_autoAdvanceAction->isChecked();
}

void MainWindow::setAutoAdvance(bool enabled)
{
    m_autoAdvanceAction->setChecked(enabled);
}

bool MainWindow::labelSelection(const std::optional<LabelValue> &value)
{
    if (!m_store)
        return false;
    QItemSelectionModel *selection = m_view->selectionModel();
    QModelIndexList rows = selection->selectedIndexes();
    const QModelIndex current = m_view->currentIndex();
    if (rows.isEmpty() && current.isValid())
        rows << current;
    if (rows.isEmpty()) {
        statusBar()->showMessage(tr("Select an image first: click it or use the arrow keys."),
                                 kStatusMessageMs);
        return false;
    }
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });

    // The image after the last labeled one, remembered by id because the filter may hide
    // the labeled rows and shift the rows below them.
    const int nextRow = rows.last().row() + 1;
    const qint64 nextId = nextRow < m_filterModel->rowCount()
                              ? m_filterModel->index(nextRow, 0)
                                    .data(GalleryModel::ImageIdRole)
                                    .toLongLong()
                              : -1;
    const qint64 currentId = current.data(GalleryModel::ImageIdRole).toLongLong();

    QVector<LabelChange> before;
    QVector<LabelChange> after;
    for (const QModelIndex &index : std::as_const(rows)) {
        const qint64 id = index.data(GalleryModel::ImageIdRole).toLongLong();
        const std::optional<LabelValue> old = m_model->labelOf(id);
        if (old == value)
            continue;
        before.append({id, old});
        after.append({id, value});
    }

    bool ok = true;
    if (!after.isEmpty()) {
        const int countBefore = m_undoStack->count();
        m_undoStack->push(new SetLabelsCommand(m_model, m_model->attribute(), before, after));
        // A command whose first write failed marks itself obsolete and is not kept.
        ok = m_undoStack->count() > countBefore;
    }
    if (!ok)
        return false;

    auto proxyIndexOf = [this](qint64 id) {
        const int sourceRow = m_model->rowOfImage(id);
        return sourceRow < 0 ? QModelIndex()
                             : m_filterModel->mapFromSource(m_model->index(sourceRow));
    };
    QModelIndex target;
    if (autoAdvance())
        target = nextId >= 0 ? proxyIndexOf(nextId) : proxyIndexOf(currentId);
    else if (rows.size() == 1)
        target = proxyIndexOf(currentId);
    if (target.isValid())
        selection->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect);
    else if (!m_view->currentIndex().isValid() && m_filterModel->rowCount() > 0)
        selection->setCurrentIndex(m_filterModel->index(m_filterModel->rowCount() - 1, 0),
                                   QItemSelectionModel::ClearAndSelect);
    if (m_view->currentIndex().isValid())
        m_view->scrollTo(m_view->currentIndex());
    return true;
}

QString MainWindow::countsText() const
{
    return m_countsLabel->text();
}

void MainWindow::updateCounts()
{
    if (!m_store) {
        m_countsLabel->clear();
        return;
    }
    const QString attribute = m_model->attribute();
    const StoreResult<LabelCounts> counts = m_store->labelCounts(attribute);
    if (!counts.isOk()) {
        m_countsLabel->setText(tr("%1: counts unavailable").arg(attribute));
        m_countsLabel->setToolTip(counts.errorString);
        return;
    }
    m_countsLabel->setText(tr("%1: %2 yes, %3 no, %4 unsure, %5 unlabelled")
                               .arg(attribute)
                               .arg(counts.value.yes)
                               .arg(counts.value.no)
                               .arg(counts.value.unsure)
                               .arg(counts.value.unlabeled));
    m_countsLabel->setToolTip(QString());
}

void MainWindow::updateEmptyText()
{
    if (!m_store) {
        m_view->setEmptyText(tr("No project is open. Use File > New Project or File > Open "
                                "Project."));
    } else if (m_model->rowCount() == 0) {
        m_view->setEmptyText(tr("Drop pictures or folders here, or use File > Import"));
    } else {
        m_view->setEmptyText(tr("No image matches the filter \"%1\". Choose \"All\" under "
                                "Show to see every image.")
                                 .arg(m_filterCombo->currentText()));
    }
}

void MainWindow::updateActions()
{
    const bool hasProject = m_store != nullptr;
    const bool hasImages = hasProject && m_model->rowCount() > 0;
    for (QAction *action : {m_yesAction, m_noAction, m_unsureAction, m_clearAction})
        action->setEnabled(hasImages);
    for (QAction *action : {m_importFilesAction, m_importFolderAction, m_downloadAction,
                            m_addAttributeAction})
        action->setEnabled(hasProject);
    m_selectAllAction->setEnabled(hasImages);
    m_predictAllAction->setEnabled(hasImages && !m_predictWorker->isRunning());
    m_activeModelMenu->setEnabled(hasProject);

    // Prediction filters need a prediction for at least one image.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_filterCombo->model())) {
        for (int i = 0; i < m_filterCombo->count(); ++i) {
            const auto filter = m_filterCombo->itemData(i).value<GalleryFilterModel::Filter>();
            const bool predicted = filter == GalleryFilterModel::Filter::PredictedYes
                                   || filter == GalleryFilterModel::Filter::PredictedNo;
            if (predicted)
                items->item(i)->setEnabled(m_model->hasPredictions());
            // Offered once the Evaluation page has selected images.
            if (filter == GalleryFilterModel::Filter::ImageIds)
                items->item(i)->setEnabled(m_filterModel->filter() == filter
                                           || !m_filterModel->imageIds().isEmpty());
        }
    }
}

void MainWindow::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_store) {
        m_stageViewer->clear();
        return;
    }
    const int sourceRow = m_filterModel->mapToSource(current).row();
    m_stageViewer->showImage(m_model->imageAt(sourceRow));
}

void MainWindow::addAttributeDialog()
{
    if (!m_store)
        return;
    const StoreResult<QStringList> existing = m_store->attributes();
    QStringList offered;
    for (const QString &name : ProjectStore::celebaAttributeNames()) {
        if (!existing.value.contains(name))
            offered << name;
    }

    QString name;
    while (true) {
        bool ok = false;
        name = QInputDialog::getItem(this, tr("Add Attribute"),
                                     tr("Choose a CelebA attribute or type a new name (letters, "
                                        "digits, '_' or '-'):"),
                                     offered, 0, true, &ok)
                   .trimmed();
        if (!ok || name.isEmpty())
            return;
        const bool isCeleba =
            ProjectStore::celebaAttributeNames().contains(name, Qt::CaseInsensitive);
        const QString problem = isCeleba ? QString() : ProjectStore::validateAttributeName(name);
        if (problem.isEmpty())
            break;
        QMessageBox::warning(this, tr("Invalid Attribute Name"), problem);
    }

    const StoreStatus status = m_store->addAttribute(name);
    if (!status.isOk()) {
        showError(tr("Cannot Add Attribute"), status.errorString);
        return;
    }
    // The store may have changed the case to CelebA's spelling.
    for (const QString &celeba : ProjectStore::celebaAttributeNames()) {
        if (celeba.compare(name, Qt::CaseInsensitive) == 0)
            name = celeba;
    }
    reloadAttributes();
    setCurrentAttribute(name);
}

// ---------------------------------------------------------------------------------------
// Imports

void MainWindow::importPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (!m_store) {
        showError(tr("No Project Open"),
                  tr("Open or create a project before importing pictures."));
        return;
    }
    if (m_importer->isRunning())
        statusBar()->showMessage(tr("Queued %n more item(s) behind the running import.", nullptr,
                                    int(paths.size())),
                                 kStatusMessageMs);
    qCInfo(lcUi) << "Importing" << paths.size() << "paths into" << m_store->folder();
    m_importer->start(m_store->folder(), paths);
}

bool MainWindow::isImporting() const
{
    return m_importer->isRunning();
}

ImportSummary MainWindow::lastImportSummary() const
{
    return m_lastImportSummary;
}

void MainWindow::importFilesDialog()
{
    const QString filter = tr("Pictures (%1);;All files (*)")
                               .arg(imageFileNameFilters().join(QLatin1Char(' ')));
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Import Pictures"), QDir::homePath(), filter);
    importPaths(files);
}

void MainWindow::importFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Import Every Picture in a Folder"), QDir::homePath());
    if (!folder.isEmpty())
        importPaths({folder});
}

void MainWindow::openDownloadDialog()
{
    if (!m_store)
        return;
    auto *dialog = new DownloadDialog(m_store.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DownloadDialog::imagesImported, this,
            [this](const QVector<qint64> &imageIds, int duplicates) {
                m_model->appendImages(imageIds);
                updateCounts();
                updateActions();
                statusBar()->showMessage(tr("Downloaded %n new image(s)", nullptr,
                                            int(imageIds.size()))
                                             + tr(", %n duplicate(s) skipped", nullptr,
                                                  duplicates),
                                         kStatusMessageMs);
            });
    dialog->open();
}

void MainWindow::onImportStarted()
{
    m_progressLabel->setText(tr("Importing..."));
    m_progressBar->setRange(0, 0);
    m_progressLabel->show();
    m_progressBar->show();
    m_cancelImportButton->show();
}

void MainWindow::onImportProgress(int finished, int total)
{
    m_progressBar->setRange(0, total);
    m_progressBar->setValue(finished);
    m_progressLabel->setText(tr("Importing %1 of %2").arg(finished).arg(total));
}

void MainWindow::onImagesImported(const QVector<qint64> &imageIds)
{
    const bool wasEmpty = m_filterModel->rowCount() == 0;
    const QString error = m_model->appendImages(imageIds);
    if (!error.isEmpty())
        statusBar()->showMessage(error, kStatusMessageMs);
    if (wasEmpty && m_filterModel->rowCount() > 0)
        m_view->setCurrentIndex(m_filterModel->index(0, 0));
    updateCounts();
    updateActions();
}

void MainWindow::onImportFinished(const ImportSummary &summary)
{
    m_lastImportSummary = summary;
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelImportButton->hide();
    updateCounts();
    updateActions();
    qCInfo(lcUi).noquote() << "Import finished:" << summary.text();

    statusBar()->showMessage(summary.text(), kStatusMessageMs);
    if (!summary.failures.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Import Finished with Problems"),
                                    summary.text() + QLatin1Char('.'), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("importReport"));
        box->setInformativeText(tr("These files were not imported:\n%1")
                                    .arg(summary.failures.mid(0, 10).join(QLatin1Char('\n'))));
        box->setDetailedText(summary.failures.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT importFinished(summary);
}

QStringList MainWindow::localPaths(const QMimeData *mimeData) const
{
    QStringList paths;
    if (!mimeData || !mimeData->hasUrls())
        return paths;
    for (const QUrl &url : mimeData->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_store && !localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_store && !localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    importPaths(paths);
}

// ---------------------------------------------------------------------------------------
// Window

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_importer->isRunning()) {
        m_importer->cancel();
        m_importer->waitForFinished();
    }
    if (m_predictWorker->isRunning()) {
        m_predictWorker->cancel();
        m_predictWorker->waitForFinished();
    }
    // The saved layout keeps the stages panel that the Evaluation page hid.
    if (m_stageDockHiddenForEvaluation)
        m_stageDock->show();
    writeSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_stateRestored) {
        // First start: the gallery gets most of the width, the stages panel the rest.
        m_stateRestored = true;
        resizeDocks({m_stageDock}, {int(width() * kStageDockShare)}, Qt::Horizontal);
    }
    if (QWindow *window = windowHandle()) {
        connect(window, &QWindow::screenChanged, this, &MainWindow::updateThumbnailScale,
                Qt::UniqueConnection);
    }
    updateThumbnailScale();
}

void MainWindow::updateThumbnailScale()
{
    const QSize side(m_thumbnailSide, m_thumbnailSide);
    const qreal ratio = m_view->devicePixelRatioF();
    if (m_model->thumbnailSize() != side || !qFuzzyCompare(ratio, m_thumbnailRatio)) {
        m_thumbnailRatio = ratio;
        m_model->setThumbnailSize(side, ratio);
    }
    m_delegate->setThumbnailSize(side);
    // A fixed grid gives every cell the same size without asking the delegate per item.
    const QSize cell = m_delegate->cellSize(m_view->fontMetrics().height());
    m_view->setGridSize(cell + QSize(kGridSpacing, kGridSpacing));
}

void MainWindow::setThumbnailSide(int side)
{
    m_thumbnailSide = side;
    m_largerAction->setEnabled(side < std::cend(kThumbnailSides)[-1]);
    m_smallerAction->setEnabled(side > kThumbnailSides[0]);
    updateThumbnailScale();
}

// ---------------------------------------------------------------------------------------
// Models and evaluation

EvaluationDashboard *MainWindow::evaluationDashboard() const
{
    return m_dashboard;
}

TrainingDialog *MainWindow::trainingDialog()
{
    if (!m_trainingDialog) {
        m_trainingDialog = new TrainingDialog(this);
        m_trainingDialog->setObjectName(QStringLiteral("trainingDialog"));
        connect(m_trainingDialog, &TrainingDialog::modelTrained, this,
                [this](qint64 modelId, const QString &modelPath) {
                    if (modelId < 0)
                        return;
                    loadActivePredictions();
                    m_dashboard->reloadModels();
                    statusBar()->showMessage(
                        tr("%1 is now the active model. Use Models > Predict All Images to "
                           "score the pictures.")
                            .arg(QFileInfo(modelPath).fileName()),
                        kStatusMessageMs);
                });
        connect(m_trainingDialog, &TrainingDialog::predictionsStored, this,
                [this](qint64 modelId, int) { onPredictionsStored(modelId); });
    }
    return m_trainingDialog;
}

void MainWindow::openTrainingDialog()
{
    TrainingDialog *dialog = trainingDialog();
    if (!dialog->isRunning()) {
        const QStringList attributes = m_store ? m_store->attributes().value : QStringList();
        dialog->setProject(projectFolder(), attributes, currentAttribute());
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

MainWindow::Page MainWindow::currentPage() const
{
    return m_pages->currentWidget() == m_view ? Page::Pictures : Page::Evaluation;
}

void MainWindow::setCurrentPage(Page page)
{
    m_pages->setCurrentIndex(page == Page::Pictures ? 0 : 1);
}

QString MainWindow::modelFilePath(const ModelRecord &model) const
{
    return resolveModelPath(model.filePath, m_store ? m_store->folder() : QString());
}

std::optional<ModelRecord> MainWindow::activeModel() const
{
    if (!m_store)
        return std::nullopt;
    const StoreResult<std::optional<ModelRecord>> active = m_store->activeModel();
    return active.isOk() ? active.value : std::nullopt;
}

bool MainWindow::registerDefaultModel()
{
    if (!m_store)
        return false;
    const StoreResult<QVector<ModelRecord>> models = m_store->models();
    if (!models.isOk() || !models.value.isEmpty())
        return false;
    const QString path = defaultModelPath();
    if (path.isEmpty()) {
        statusBar()->showMessage(tr("No default model found; train one with Models > Train "
                                    "Model"),
                                 kStatusMessageMs);
        return false;
    }

    ModelMetadata metadata;
    QString error;
    if (!ModelFile::readMetadata(path, &metadata, &error)) {
        qCWarning(lcUi).noquote() << "Default model not registered:" << error;
        statusBar()->showMessage(error, kStatusMessageMs);
        return false;
    }
    ModelRecord record;
    record.name = QFileInfo(path).completeBaseName();
    record.attribute = metadata.attribute;
    // The absolute path is stored; resolveModelPath() finds the shipped file again when
    // ProfileLens moves to another prefix or build folder.
    record.filePath = path;
    record.threshold = metadata.threshold;
    record.metrics = metadata.metrics;
    const StoreResult<qint64> added = m_store->addModel(record);
    StoreStatus activated;
    if (added.isOk())
        activated = m_store->setActiveModel(added.value);
    const QString failure = added.isOk() ? activated.errorString : added.errorString;
    if (!failure.isEmpty()) {
        qCWarning(lcUi).noquote() << "Default model not registered:" << failure;
        statusBar()->showMessage(failure, kStatusMessageMs);
        return false;
    }
    qCInfo(lcUi) << "Registered the default model" << path << "as model" << added.value;
    return true;
}

void MainWindow::loadActivePredictions()
{
    const std::optional<ModelRecord> active = activeModel();
    m_activeModelId = active ? active->id : -1;
    updateStagePreprocessing(active);
    if (!active) {
        m_model->clearPredictions();
        m_modelLabel->clear();
        m_modelLabel->setToolTip(QString());
        updateActions();
        return;
    }

    const StoreResult<QVector<PredictionRecord>> predictions = m_store->predictions(active->id);
    QHash<qint64, double> probabilities;
    if (predictions.isOk()) {
        for (const PredictionRecord &prediction : predictions.value) {
            if (prediction.probability)
                probabilities.insert(prediction.imageId, *prediction.probability);
        }
    } else {
        statusBar()->showMessage(predictions.errorString, kStatusMessageMs);
    }
    m_model->setPredictions(probabilities);
    setPredictionThreshold(active->threshold);
    m_modelLabel->setText(tr("Model: %1").arg(active->name));
    m_modelLabel->setToolTip(QDir::toNativeSeparators(modelFilePath(*active)));
    updateActions();
}

void MainWindow::updateStagePreprocessing(const std::optional<ModelRecord> &active)
{
    // The stage viewer shows the input of the active model, whose size may differ from the
    // reference pipeline's 28x28.
    PreprocessSettings settings;
    if (active) {
        ModelMetadata metadata;
        QString errorString;
        if (ModelFile::readMetadata(modelFilePath(*active), &metadata, &errorString)
            && PreprocessSettings::isSupported(metadata.preprocessing))
            settings = PreprocessSettings::fromJson(metadata.preprocessing);
    }
    m_stageViewer->setPreprocessSettings(settings);
}

void MainWindow::setPredictionThreshold(double threshold)
{
    m_filterModel->setThreshold(threshold);
    m_delegate->setThreshold(threshold);
    m_view->viewport()->update();
}

bool MainWindow::setActiveModel(qint64 modelId)
{
    if (!m_store)
        return false;
    const StoreStatus status = m_store->setActiveModel(modelId);
    if (!status.isOk()) {
        showError(tr("Cannot Change the Active Model"), status.errorString);
        return false;
    }
    loadActivePredictions();
    m_dashboard->reloadModels();
    return true;
}

void MainWindow::populateActiveModelMenu()
{
    m_activeModelMenu->clear();
    if (!m_store)
        return;
    const StoreResult<QVector<ModelRecord>> models = m_store->models();
    if (!models.isOk()) {
        m_activeModelMenu->addAction(models.errorString)->setEnabled(false);
        return;
    }
    if (models.value.isEmpty()) {
        m_activeModelMenu->addAction(tr("No Models; Use Train Model"))->setEnabled(false);
        return;
    }
    auto *group = new QActionGroup(m_activeModelMenu);
    for (const ModelRecord &model : models.value) {
        QAction *action = m_activeModelMenu->addAction(
            tr("%1 (%2, threshold %3)").arg(model.name, model.attribute).arg(model.threshold, 0,
                                                                             'f', 2));
        action->setCheckable(true);
        action->setChecked(model.active);
        action->setToolTip(QDir::toNativeSeparators(modelFilePath(model)));
        group->addAction(action);
        const qint64 id = model.id;
        connect(action, &QAction::triggered, this, [this, id]() { setActiveModel(id); });
    }
}

bool MainWindow::predictAll()
{
    if (!m_store || m_predictWorker->isRunning())
        return false;
    const std::optional<ModelRecord> active = activeModel();
    if (!active) {
        statusBar()->showMessage(tr("The project has no active model. Train one with Models > "
                                    "Train Model, or choose one under Models > Set Active "
                                    "Model."),
                                 kStatusMessageMs);
        return false;
    }
    if (!m_predictWorker->start(m_store->folder(), active->id))
        return false;
    qCInfo(lcUi) << "Predicting every image of" << m_store->folder() << "with model"
                 << active->id;
    m_predictLabel->setText(tr("Predicting with %1...").arg(active->name));
    m_predictBar->setRange(0, 0);
    m_predictLabel->show();
    m_predictBar->show();
    m_cancelPredictButton->show();
    updateActions();
    return true;
}

bool MainWindow::isPredicting() const
{
    return m_predictWorker->isRunning();
}

void MainWindow::onPredictAllProgress(int done, int total)
{
    m_predictBar->setRange(0, total);
    m_predictBar->setValue(done);
    m_predictLabel->setText(tr("Predicting %1 of %2").arg(done).arg(total));
}

void MainWindow::onPredictAllFinished(const PredictAllResult &result)
{
    m_predictLabel->hide();
    m_predictBar->hide();
    m_cancelPredictButton->hide();
    const bool showEvaluation = std::exchange(m_showEvaluationAfterPrediction, false);

    if (result.canceled) {
        statusBar()->showMessage(tr("Prediction canceled; nothing was stored."), kStatusMessageMs);
    } else if (!result.isOk()) {
        qCWarning(lcUi).noquote() << "Predict all failed:" << result.errorString;
        showError(tr("Prediction Failed"), result.errorString);
    } else {
        onPredictionsStored(result.modelId);
        statusBar()->showMessage(tr("Stored probabilities for %1 of %2 images (%3 without a "
                                    "usable face).")
                                     .arg(result.predictedCount)
                                     .arg(result.imageCount)
                                     .arg(result.failedCount),
                                 kStatusMessageMs);
        if (showEvaluation)
            showProjectEvaluation();
    }
    updateActions();
    Q_EMIT predictAllFinished(result);
}

void MainWindow::onPredictionsStored(qint64 modelId)
{
    if (!m_store)
        return;
    const std::optional<ModelRecord> active = activeModel();
    if (active && active->id == modelId)
        loadActivePredictions();

    // The dashboard's project set is built from the stored predictions, so it is reread.
    const StoreResult<QVector<ModelRecord>> models = m_store->models();
    for (const ModelRecord &model : models.value) {
        if (model.id == modelId
            && (m_dashboard->modelId() == modelId || m_dashboard->modelPath().isEmpty()))
            m_dashboard->loadModel(modelFilePath(model), modelId);
    }
}

void MainWindow::showProjectEvaluation()
{
    setCurrentPage(Page::Evaluation);
    // The project's hand-labelled pictures, once the model loading in the background is done.
    connect(
        m_dashboard, &EvaluationDashboard::evaluationLoaded, this,
        [this](bool ok) {
            if (ok)
                m_dashboard->setDataSet(EvaluationDashboard::ProjectLabelSet);
        },
        Qt::SingleShotConnection);
    m_dashboard->setDataSet(EvaluationDashboard::ProjectLabelSet);
}

void MainWindow::onEvaluationImagesSelected(const QVector<qint64> &imageIds)
{
    m_filterModel->setImageIds(imageIds);
    setFilter(GalleryFilterModel::Filter::ImageIds);
    updateActions();
    statusBar()->showMessage(tr("The gallery shows the %n image(s) selected on the Evaluation "
                                "page; choose \"All\" under Show to see every image.",
                                nullptr, int(imageIds.size())),
                             kStatusMessageMs);
}

bool MainWindow::openDemoProject(const QString &folder, const QString &demoPicturesFolder)
{
    const bool exists =
        QFileInfo(QDir(folder).filePath(ProjectStore::databaseFileName())).isFile();
    if (!(exists ? openProject(folder) : createProject(folder)))
        return false;

    // Demo pictures, labelled by hand, when the project is still empty.
    const StoreResult<int> count = m_store->imageCount();
    if (count.isOk() && count.value == 0) {
        QVector<qint64> imported;
        for (const DemoPicture &picture : kDemoPictures) {
            const QString path = QDir(demoPicturesFolder).filePath(QLatin1String(picture.fileName));
            ImageSource source;
            source.location = path;
            const ImportResult result = m_store->importFile(path, source);
            if (!result.isOk()) {
                showError(tr("Demo Picture Missing"),
                          tr("%1\nReinstall ProfileLens or import pictures with File > Import.")
                              .arg(result.errorString));
                return false;
            }
            const StoreStatus labelled = m_store->setLabel(
                result.imageId, ProjectStore::defaultAttribute(), picture.eyeglasses);
            if (!labelled.isOk())
                qCWarning(lcUi).noquote() << "Demo label not stored:" << labelled.errorString;
            imported << result.imageId;
        }
        m_model->reload();
        loadActivePredictions();
        if (m_filterModel->rowCount() > 0)
            m_view->setCurrentIndex(m_filterModel->index(0, 0));
        updateCounts();
        updateEmptyText();
        updateActions();
        qCInfo(lcUi) << "Imported" << imported.size() << "demo pictures into" << folder;
    }

    const std::optional<ModelRecord> active = activeModel();
    if (!active) {
        statusBar()->showMessage(tr("No default model found; train one with Models > Train "
                                    "Model"),
                                 kStatusMessageMs);
        return true;
    }
    // Score only when some picture has no prediction yet, so a reopened demo shows at once.
    const StoreResult<QVector<PredictionRecord>> predictions = m_store->predictions(active->id);
    const int scored = predictions.isOk() ? int(predictions.value.size()) : 0;
    if (scored >= m_model->rowCount()) {
        showProjectEvaluation();
        return true;
    }
    m_showEvaluationAfterPrediction = predictAll();
    return true;
}

void MainWindow::showShortcuts()
{
    const QList<QAction *> actions = {
        m_yesAction,         m_noAction,         m_unsureAction,      m_clearAction,
        m_undoAction,        m_redoAction,       m_selectAllAction,   m_autoAdvanceAction,
        m_largerAction,      m_smallerAction,    m_stageDock->toggleViewAction(),
        m_newProjectAction,  m_openProjectAction, m_importFilesAction, m_importFolderAction,
        m_downloadAction,    m_trainAction,      m_predictAllAction,  m_evaluateAction,
        m_shortcutsAction,   m_quitAction,
    };
    auto *dialog = new ShortcutsDialog(actions, this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About ProfileLens"),
                       tr("<b>ProfileLens %1</b><p>Finds profile pictures that show a face "
                          "attribute, such as eyeglasses: label pictures, train a model, and "
                          "export the accounts to target.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    // Window-modal and non-blocking, so no nested event loop runs inside a caller.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace ProfileLens
