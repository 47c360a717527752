#pragma once

#include "galleryfiltermodel.h"
#include "importer.h"
#include "predictallworker.h"
#include "projectstore.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;
class QUndoStack;
QT_END_NAMESPACE

namespace ProfileLens {

class EvaluationDashboard;
class GalleryDelegate;
class GalleryModel;
class GalleryView;
class StageViewer;
class TrainingDialog;

/**
 * The analyst's main screen: the project's gallery with label filters, keyboard labeling
 * with undo, imports by drag and drop or menu, the stage viewer of the current image, and
 * an evaluation page beside the gallery. The Models menu trains models, runs the active
 * model over every picture and chooses the active model.
 *
 * The window owns the GUI thread's ProjectStore. Imports, training and prediction run on
 * worker threads, each with a second store on the same folder.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Number of entries kept in File > Recent Projects.
    static constexpr int kMaxRecentProjects = 8;

    /// Tabs of the central area.
    enum class Page {
        Pictures,
        Evaluation,
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the project in \a folder. On failure shows the store's message and keeps the
    /// current project.
    bool openProject(const QString &folder);
    /// Creates a project in \a folder and opens it. On failure shows the store's message.
    bool createProject(const QString &folder);
    /// Folder of the open project, or empty.
    QString projectFolder() const;

    /// The GUI thread's store, or nullptr when no project is open. Valid until the next
    /// openProject() or createProject().
    ProjectStore *projectStore() const;
    QString currentAttribute() const;
    /// Switches to \a attribute, which must be one of the project's attributes.
    bool setCurrentAttribute(const QString &attribute);

    GalleryModel *galleryModel() const;
    GalleryFilterModel *galleryFilterModel() const;
    GalleryView *galleryView() const;
    QUndoStack *undoStack() const;
    /// Menu with model training, prediction and evaluation commands.
    QMenu *modelsMenu() const;
    EvaluationDashboard *evaluationDashboard() const;
    /// The training dialog, created on first use and kept for the window's lifetime.
    TrainingDialog *trainingDialog();

    Page currentPage() const;
    void setCurrentPage(Page page);

    /**
     * Registers the shipped model (defaultModelPath()) in the open project and makes it
     * active, when the project has no model yet. Returns false when nothing was registered:
     * no project, models already present, no shipped model, or a failed write.
     */
    bool registerDefaultModel();
    /// Shows the active model's stored predictions and threshold in the gallery, or no
    /// predictions when the project has no active model.
    void loadActivePredictions();
    /// The active model of the open project, or nothing.
    std::optional<ModelRecord> activeModel() const;
    /// Makes \a modelId the project's active model and shows its predictions.
    bool setActiveModel(qint64 modelId);

    /// Runs the active model over every project image in the background. Returns false
    /// when no project is open, the project has no active model, or a run is going.
    bool predictAll();
    bool isPredicting() const;

    /**
     * Opens the demo project in \a folder, creating it when missing. A project without
     * images gets the demo pictures from \a demoPicturesFolder, labelled by hand (Grace
     * Hopper wears eyeglasses, the astronaut does not). With an active model, the pictures
     * are scored in the background and the Evaluation page shows them afterwards.
     * Returns false when the project cannot be opened or a demo picture is missing.
     */
    bool openDemoProject(const QString &folder, const QString &demoPicturesFolder);

    GalleryFilterModel::Filter filter() const;
    void setFilter(GalleryFilterModel::Filter filter);

    /// Whether labeling moves to the next image; saved in QSettings.
    bool autoAdvance() const;
    void setAutoAdvance(bool enabled);

    /// Labels the selected images (or the current one) with \a value as one undo step;
    /// no value clears their labels. Returns false when nothing was selected or the store
    /// rejected the write.
    bool labelSelection(const std::optional<LabelValue> &value);

    /// Imports files and folders in the background.
    void importPaths(const QStringList &paths);
    bool isImporting() const;
    /// Summary of the last finished import.
    ImportSummary lastImportSummary() const;

    /// Text of the label counts in the status bar.
    QString countsText() const;

Q_SIGNALS:
    /// Emitted after a project was opened or created.
    void projectChanged();
    /// Emitted after the current attribute changed.
    void attributeChanged(const QString &attribute);
    /// Emitted after every import has finished and its report was shown.
    void importFinished(const ProfileLens::ImportSummary &summary);
    /// Emitted after a Predict All run ended, stored its results and updated the views.
    void predictAllFinished(const ProfileLens::PredictAllResult &result);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void createDocks();
    void createEvaluationPage();
    void readSettings();
    void writeSettings();

    void setStore(std::unique_ptr<ProjectStore> store);
    void reloadAttributes();
    void updateCounts();
    void updateEmptyText();
    void updateActions();
    void updateThumbnailScale();
    void setThumbnailSide(int side);
    void onCurrentChanged();

    void newProject();
    void openProjectDialog();
    void populateRecentMenu();
    void addRecentProject(const QString &folder);
    void removeRecentProject(const QString &folder);
    void importFilesDialog();
    void importFolderDialog();
    void openDownloadDialog();
    void addAttributeDialog();
    void openTrainingDialog();
    void populateActiveModelMenu();
    void onPredictAllProgress(int done, int total);
    void onPredictAllFinished(const PredictAllResult &result);
    void onPredictionsStored(qint64 modelId);
    void onEvaluationImagesSelected(const QVector<qint64> &imageIds);
    void setPredictionThreshold(double threshold);
    void showProjectEvaluation();
    QString modelFilePath(const ModelRecord &model) const;
    void showShortcuts();
    void showAbout();

    void onImportStarted();
    void onImportProgress(int finished, int total);
    void onImagesImported(const QVector<qint64> &imageIds);
    void onImportFinished(const ImportSummary &summary);

    void showError(const QString &title, const QString &message);
    QStringList localPaths(const QMimeData *mimeData) const;

    std::unique_ptr<ProjectStore> m_store;
    GalleryModel *m_model = nullptr;
    GalleryFilterModel *m_filterModel = nullptr;
    GalleryView *m_view = nullptr;
    GalleryDelegate *m_delegate = nullptr;
    void updateStagePreprocessing(const std::optional<ModelRecord> &active);

    StageViewer *m_stageViewer = nullptr;
    QTabWidget *m_pages = nullptr;
    EvaluationDashboard *m_dashboard = nullptr;
    TrainingDialog *m_trainingDialog = nullptr;
    PredictAllWorker *m_predictWorker = nullptr;
    /// Id of the active model whose predictions the gallery shows, or -1.
    qint64 m_activeModelId = -1;
    /// True while the Evaluation page has hidden the stages panel, which returns with the
    /// Pictures page.
    bool m_stageDockHiddenForEvaluation = false;
    /// Set by openDemoProject(): show the Evaluation page once Predict All has finished.
    bool m_showEvaluationAfterPrediction = false;
    QDockWidget *m_stageDock = nullptr;
    QUndoStack *m_undoStack = nullptr;
    Importer *m_importer = nullptr;
    ImportSummary m_lastImportSummary;
    int m_thumbnailSide = 128;
    qreal m_thumbnailRatio = 0.0;
    /// False until a saved window layout was restored or the first-start layout applied.
    bool m_stateRestored = false;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_modelsMenu = nullptr;
    QComboBox *m_attributeCombo = nullptr;
    QComboBox *m_filterCombo = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QToolButton *m_cancelImportButton = nullptr;
    QLabel *m_predictLabel = nullptr;
    QProgressBar *m_predictBar = nullptr;
    QToolButton *m_cancelPredictButton = nullptr;
    QLabel *m_modelLabel = nullptr;
    QMenu *m_activeModelMenu = nullptr;

    QAction *m_newProjectAction = nullptr;
    QAction *m_openProjectAction = nullptr;
    QAction *m_importFilesAction = nullptr;
    QAction *m_importFolderAction = nullptr;
    QAction *m_downloadAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_selectAllAction = nullptr;
    QAction *m_yesAction = nullptr;
    QAction *m_noAction = nullptr;
    QAction *m_unsureAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_addAttributeAction = nullptr;
    QAction *m_autoAdvanceAction = nullptr;
    QAction *m_largerAction = nullptr;
    QAction *m_smallerAction = nullptr;
    QAction *m_trainAction = nullptr;
    QAction *m_predictAllAction = nullptr;
    QAction *m_evaluateAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace ProfileLens
