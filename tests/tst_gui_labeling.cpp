// Keyboard labeling in the real main window on a real project.

#include "testimages.h"

#include "gallerymodel.h"
#include "labelcommands.h"
#include "galleryview.h"
#include "mainwindow.h"
#include "projectstore.h"
#include "shortcutsdialog.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ProfileLens;

Q_DECLARE_METATYPE(std::optional<ProfileLens::LabelValue>)

class TestGuiLabeling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void labelKey_data();
    void labelKey();
    void clearKey_data();
    void clearKey();
    void undoRedo();
    void multiSelectionOneUndoStep();
    void autoAdvanceOffKeepsCurrent();
    void countsText();
    void unlabelledFilterRows();
    void unlabelledFilterAdvancesToNext();
    void attributeSwitchKeepsLabelsApart();
    void shortcutsDialogOpens();
    void rejectedWriteLeavesNoUndoStep();

private:
    std::optional<LabelValue> storedLabel(int row, const QString &attribute = QString());
    qint64 idAtRow(int row) const;
    int currentRow() const;
    void setCurrentRow(int row);

    static constexpr int kImageCount = 10;

    QTemporaryDir *m_dir = nullptr;
    ProjectStore m_checkStore;
    QVector<qint64> m_ids;
    MainWindow *m_window = nullptr;
};

void TestGuiLabeling::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_labeling"));
}

void TestGuiLabeling::init()
{
    QSettings().clear();
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    const QString projectDir = m_dir->filePath(QStringLiteral("project"));

    // Build the project with its own store, as an earlier session would have.
    {
        ProjectStore setup;
        QVERIFY2(setup.create(projectDir).isOk(), qPrintable(projectDir));
        QVERIFY(setup.addAttribute(QStringLiteral("Smiling")).isOk());
        m_ids.clear();
        const QImage astronaut(TestImages::astronautPath());
        QVERIFY(!astronaut.isNull());
        for (int i = 0; i < kImageCount; ++i) {
            const QString path = m_dir->filePath(QStringLiteral("input%1.%2")
                                                     .arg(i)
                                                     .arg(i % 2 ? QStringLiteral("jpg")
                                                                : QStringLiteral("png")));
            const QImage image = i % 2 ? TestImages::rotated(astronaut, i * 7.0).scaled(160, 160)
                                       : TestImages::landscape(120 + i, 90 + i);
            QVERIFY(image.save(path));
            const ImportResult result = setup.importFile(path);
            QVERIFY2(result.isOk(), qPrintable(result.errorString));
            QVERIFY(!result.duplicate);
            m_ids << result.imageId;
        }
    }
    QVERIFY(m_checkStore.open(projectDir).isOk());

    m_window = new MainWindow;
    QVERIFY(m_window->openProject(projectDir));
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->galleryView()->setFocus();
    QCOMPARE(m_window->galleryModel()->rowCount(), kImageCount);
    QCOMPARE(currentRow(), 0);
    QVERIFY(m_window->autoAdvance());
}

void TestGuiLabeling::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_checkStore.close();
    delete m_dir;
    m_dir = nullptr;
}

std::optional<LabelValue> TestGuiLabeling::storedLabel(int row, const QString &attribute)
{
    const StoreResult<std::optional<LabelValue>> label = m_checkStore.label(
        m_ids.at(row), attribute.isEmpty() ? ProjectStore::defaultAttribute() : attribute);
    if (!label.isOk())
        qWarning() << label.errorString;
    return label.value;
}

qint64 TestGuiLabeling::idAtRow(int row) const
{
    return m_window->galleryFilterModel()
        ->index(row, 0)
        .data(GalleryModel::ImageIdRole)
        .toLongLong();
}

int TestGuiLabeling::currentRow() const
{
    return m_window->galleryView()->currentIndex().row();
}

void TestGuiLabeling::setCurrentRow(int row)
{
    GalleryView *view = m_window->galleryView();
    view->selectionModel()->setCurrentIndex(view->model()->index(row, 0),
                                            QItemSelectionModel::ClearAndSelect);
}

void TestGuiLabeling::labelKey_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<std::optional<LabelValue>>("expected");
    QTest::newRow("Y is yes") << int(Qt::Key_Y) << std::optional<LabelValue>(LabelValue::Yes);
    QTest::newRow("N is no") << int(Qt::Key_N) << std::optional<LabelValue>(LabelValue::No);
    QTest::newRow("U is unsure") << int(Qt::Key_U)
                                 << std::optional<LabelValue>(LabelValue::Unsure);
    QTest::newRow("1 is yes") << int(Qt::Key_1) << std::optional<LabelValue>(LabelValue::Yes);
    QTest::newRow("2 is no") << int(Qt::Key_2) << std::optional<LabelValue>(LabelValue::No);
    QTest::newRow("3 is unsure") << int(Qt::Key_3)
                                 << std::optional<LabelValue>(LabelValue::Unsure);
}

void TestGuiLabeling::labelKey()
{
    QFETCH(int, key);
    QFETCH(std::optional<LabelValue>, expected);

    QTest::keyClick(m_window->galleryView(), Qt::Key(key));
    QCOMPARE(storedLabel(0), expected);
    QCOMPARE(storedLabel(1), std::nullopt);
    QCOMPARE(m_window->galleryModel()->labelOf(m_ids.at(0)), expected);
    QCOMPARE(currentRow(), 1);

    // A second key labels the image it advanced to.
    QTest::keyClick(m_window->galleryView(), Qt::Key(key));
    QCOMPARE(storedLabel(1), expected);
    QCOMPARE(currentRow(), 2);
}

void TestGuiLabeling::clearKey_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Delete") << int(Qt::Key_Delete);
    QTest::newRow("Backspace") << int(Qt::Key_Backspace);
}

void TestGuiLabeling::clearKey()
{
    QFETCH(int, key);

    QTest::keyClick(m_window->galleryView(), Qt::Key_Y);
    QCOMPARE(storedLabel(0), LabelValue::Yes);
    setCurrentRow(0);
    QTest::keyClick(m_window->galleryView(), Qt::Key(key));
    QCOMPARE(storedLabel(0), std::nullopt);
    QCOMPARE(m_window->galleryModel()->labelOf(m_ids.at(0)), std::nullopt);
}

void TestGuiLabeling::undoRedo()
{
    GalleryView *view = m_window->galleryView();
    QTest::keyClick(view, Qt::Key_Y);
    QTest::keyClick(view, Qt::Key_N);
    QCOMPARE(storedLabel(0), LabelValue::Yes);
    QCOMPARE(storedLabel(1), LabelValue::No);
    QCOMPARE(m_window->undoStack()->count(), 2);

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(storedLabel(1), std::nullopt);
    QCOMPARE(storedLabel(0), LabelValue::Yes);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(storedLabel(0), std::nullopt);
    QCOMPARE(m_window->galleryModel()->labelOf(m_ids.at(0)), std::nullopt);

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(storedLabel(0), LabelValue::Yes);
    QCOMPARE(storedLabel(1), std::nullopt);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(storedLabel(1), LabelValue::No);
    QCOMPARE(m_window->galleryModel()->labelOf(m_ids.at(1)), LabelValue::No);

    // Relabeling an image undoes to its previous label, not to none.
    setCurrentRow(0);
    QTest::keyClick(view, Qt::Key_U);
    QCOMPARE(storedLabel(0), LabelValue::Unsure);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(storedLabel(0), LabelValue::Yes);
}

void TestGuiLabeling::multiSelectionOneUndoStep()
{
    GalleryView *view = m_window->galleryView();
    QItemSelectionModel *selection = view->selectionModel();
    QAbstractItemModel *model = view->model();
    selection->setCurrentIndex(model->index(2, 0), QItemSelectionModel::ClearAndSelect);
    selection->select(model->index(3, 0), QItemSelectionModel::Select);
    selection->setCurrentIndex(model->index(4, 0), QItemSelectionModel::Select);
    QCOMPARE(selection->selectedIndexes().size(), 3);

    const int stepsBefore = m_window->undoStack()->count();
    QTest::keyClick(view, Qt::Key_N);
    QCOMPARE(m_window->undoStack()->count(), stepsBefore + 1);
    for (int row = 2; row <= 4; ++row)
        QCOMPARE(storedLabel(row), LabelValue::No);
    QCOMPARE(storedLabel(1), std::nullopt);
    QCOMPARE(storedLabel(5), std::nullopt);
    // Advances past the last labeled image.
    QCOMPARE(currentRow(), 5);

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    for (int row = 2; row <= 4; ++row)
        QCOMPARE(storedLabel(row), std::nullopt);
    QCOMPARE(m_window->undoStack()->index(), stepsBefore);
}

void TestGuiLabeling::autoAdvanceOffKeepsCurrent()
{
    m_window->setAutoAdvance(false);
    QVERIFY(!QSettings().value(QStringLiteral("labeling/autoAdvance"), true).toBool());
    setCurrentRow(3);
    QTest::keyClick(m_window->galleryView(), Qt::Key_Y);
    QCOMPARE(storedLabel(3), LabelValue::Yes);
    QCOMPARE(currentRow(), 3);
    QTest::keyClick(m_window->galleryView(), Qt::Key_N);
    QCOMPARE(storedLabel(3), LabelValue::No);
    QCOMPARE(currentRow(), 3);
}

void TestGuiLabeling::countsText()
{
    QCOMPARE(m_window->countsText(),
             QStringLiteral("Eyeglasses: 0 yes, 0 no, 0 unsure, 10 unlabelled"));
    GalleryView *view = m_window->galleryView();
    QTest::keyClick(view, Qt::Key_Y);
    QTest::keyClick(view, Qt::Key_Y);
    QTest::keyClick(view, Qt::Key_N);
    QTest::keyClick(view, Qt::Key_U);
    QCOMPARE(m_window->countsText(),
             QStringLiteral("Eyeglasses: 2 yes, 1 no, 1 unsure, 6 unlabelled"));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->countsText(),
             QStringLiteral("Eyeglasses: 2 yes, 1 no, 0 unsure, 7 unlabelled"));
}

void TestGuiLabeling::unlabelledFilterRows()
{
    GalleryView *view = m_window->galleryView();
    QTest::keyClick(view, Qt::Key_Y); // row 0
    QTest::keyClick(view, Qt::Key_N); // row 1
    setCurrentRow(6);
    QTest::keyClick(view, Qt::Key_U); // row 6

    m_window->setFilter(GalleryFilterModel::Filter::Unlabeled);
    QAbstractItemModel *shown = view->model();
    QCOMPARE(shown->rowCount(), kImageCount - 3);
    QVector<qint64> expected;
    for (int row = 0; row < kImageCount; ++row) {
        if (row != 0 && row != 1 && row != 6)
            expected << m_ids.at(row);
    }
    QVector<qint64> actual;
    for (int row = 0; row < shown->rowCount(); ++row)
        actual << idAtRow(row);
    QCOMPARE(actual, expected);

    m_window->setFilter(GalleryFilterModel::Filter::Yes);
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(idAtRow(0), m_ids.at(0));
    m_window->setFilter(GalleryFilterModel::Filter::All);
    QCOMPARE(shown->rowCount(), kImageCount);
}

void TestGuiLabeling::unlabelledFilterAdvancesToNext()
{
    m_window->setFilter(GalleryFilterModel::Filter::Unlabeled);
    GalleryView *view = m_window->galleryView();
    setCurrentRow(0);

    // The labeled image leaves the filtered list; the next unlabeled one becomes current,
    // and none is skipped.
    QTest::keyClick(view, Qt::Key_Y);
    QCOMPARE(view->model()->rowCount(), kImageCount - 1);
    QCOMPARE(view->currentIndex().data(GalleryModel::ImageIdRole).toLongLong(), m_ids.at(1));
    QTest::keyClick(view, Qt::Key_N);
    QCOMPARE(view->currentIndex().data(GalleryModel::ImageIdRole).toLongLong(), m_ids.at(2));
    QCOMPARE(storedLabel(1), LabelValue::No);

    // Undo brings the image back into the filtered list.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(view->model()->rowCount(), kImageCount - 1);
    QCOMPARE(idAtRow(0), m_ids.at(1));
}

void TestGuiLabeling::attributeSwitchKeepsLabelsApart()
{
    QVERIFY(m_window->setCurrentAttribute(QStringLiteral("Smiling")));
    QCOMPARE(m_window->currentAttribute(), QStringLiteral("Smiling"));
    QTest::keyClick(m_window->galleryView(), Qt::Key_Y);
    QCOMPARE(storedLabel(0, QStringLiteral("Smiling")), LabelValue::Yes);
    QCOMPARE(storedLabel(0), std::nullopt);
    QVERIFY(m_window->countsText().startsWith(QStringLiteral("Smiling: 1 yes")));

    QVERIFY(m_window->setCurrentAttribute(ProjectStore::defaultAttribute()));
    QCOMPARE(m_window->galleryModel()->labelOf(m_ids.at(0)), std::nullopt);
    QVERIFY(!m_window->setCurrentAttribute(QStringLiteral("NotAnAttribute")));
}

void TestGuiLabeling::shortcutsDialogOpens()
{
    QTest::keyClick(m_window->galleryView(), Qt::Key_F1);
    auto *dialog = m_window->findChild<ShortcutsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // Four label commands, undo, redo and the navigation keys at least.
    QVERIFY2(dialog->rowCount() >= 10, qPrintable(QString::number(dialog->rowCount())));
    dialog->close();
}

void TestGuiLabeling::rejectedWriteLeavesNoUndoStep()
{
    // No image has this id, so the store's foreign key rejects the label.
    constexpr qint64 kMissingImageId = 999999;
    GalleryModel *model = m_window->galleryModel();
    QSignalSpy errors(model, &GalleryModel::storeError);
    QUndoStack *stack = m_window->undoStack();
    const int stepsBefore = stack->count();

    stack->push(new SetLabelsCommand(model, ProjectStore::defaultAttribute(),
                                     {{kMissingImageId, std::nullopt}},
                                     {{kMissingImageId, LabelValue::Yes}}));
    QCOMPARE(stack->count(), stepsBefore);
    QCOMPARE(errors.count(), 1);
    QVERIFY(!errors.first().at(0).toString().isEmpty());
    // The window shows the message without blocking.
    QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("errorMessage")));
}

QTEST_MAIN(TestGuiLabeling)
#include "tst_gui_labeling.moc"
