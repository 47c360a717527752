#include "testimages.h"
#include "trainingpipeline.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ProfileLens;

class TestTrainingPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluationRowsRoundTrip();
    void evaluationRowsRejectBadLine();
    void relativeModelPathUsesProject();
    void missingShippedModelFoundAgain();
    void missingOtherModelStaysMissing();
    void oneClassTrainingSetRejected();
    void groupSplitWithoutGroupsFallsBack();
};

void TestTrainingPipeline::evaluationRowsRoundTrip()
{
    QTemporaryDir dir;
    EvaluationRows rows;
    rows.splits = {QStringLiteral("train"), QStringLiteral("test")};
    rows.sources = {QStringLiteral("/photos/a.jpg"), QStringLiteral("/photos/Smith, Jane (1).jpg")};
    rows.labels = {0, 1};
    rows.probabilities = {0.125f, 0.875f};
    QString error;
    const QString path = dir.filePath(QStringLiteral("model.plmodel.evaluation.csv"));
    QVERIFY2(writeEvaluationRows(path, rows, &error), qPrintable(error));

    EvaluationRows read;
    QVERIFY2(readEvaluationRows(path, &read, &error), qPrintable(error));
    QCOMPARE(read.splits, rows.splits);
    QCOMPARE(read.sources, rows.sources);
    QCOMPARE(read.labels, rows.labels);
    QCOMPARE(read.probabilities, rows.probabilities);
}

void TestTrainingPipeline::evaluationRowsRejectBadLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    QVERIFY(TestImages::writeFile(path, "split,label,probability,source\ntest,yes,0.5,a.jpg\n"));
    EvaluationRows read;
    QString error;
    QVERIFY(!readEvaluationRows(path, &read, &error));
    QVERIFY2(error.contains(QStringLiteral("line 2")), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestTrainingPipeline::relativeModelPathUsesProject()
{
    QTemporaryDir project;
    QDir(project.path()).mkpath(QStringLiteral("models"));
    const QString model = project.filePath(QStringLiteral("models/hat.plmodel"));
    QVERIFY(TestImages::writeFile(model, "x"));
    QCOMPARE(resolveModelPath(QStringLiteral("models/hat.plmodel"), project.path()), model);
}

void TestTrainingPipeline::missingShippedModelFoundAgain()
{
    QTemporaryDir dir;
    const QString shipped = dir.filePath(QStringLiteral("eyeglasses.plmodel"));
    QVERIFY(TestImages::writeFile(shipped, "x"));
    qputenv("PROFILELENS_MODEL", shipped.toLocal8Bit());
    const QString resolved =
        resolveModelPath(QStringLiteral("/old/prefix/share/profilelens/models/eyeglasses.plmodel"),
                         dir.path());
    qunsetenv("PROFILELENS_MODEL");
    QCOMPARE(resolved, shipped);
}

void TestTrainingPipeline::missingOtherModelStaysMissing()
{
    QTemporaryDir dir;
    const QString stored = QStringLiteral("/old/prefix/models/Wearing_Hat-1.plmodel");
    QCOMPARE(resolveModelPath(stored, dir.path()), stored);
}

void TestTrainingPipeline::oneClassTrainingSetRejected()
{
    QTemporaryDir dir;
    QImage face(TestImages::astronautPath());
    QVERIFY(!face.isNull());
    QByteArray csv("filename,eyeglasses\n");
    for (int i = 0; i < 6; ++i) {
        const QString name = QStringLiteral("face-%1.png").arg(i);
        QVERIFY(face.mirrored(i % 2 == 1, false).save(dir.filePath(name)));
        csv += name.toUtf8() + ",0\n";
    }
    QVERIFY(TestImages::writeFile(dir.filePath(QStringLiteral("labels.csv")), csv));

    DataRequest request;
    request.datasetPath = dir.path();
    request.attribute = QStringLiteral("eyeglasses");
    request.selection.policy = SelectionPolicy::All;
    request.split.testFraction = 0.34;
    request.cacheDir = dir.filePath(QStringLiteral("cache"));
    const PreparedData prepared = prepareData(request);
    QVERIFY(!prepared.isOk());
    QVERIFY2(prepared.errorString.contains(QStringLiteral("only one class")),
             qPrintable(prepared.errorString));
}

void TestTrainingPipeline::groupSplitWithoutGroupsFallsBack()
{
    QTemporaryDir dir;
    QImage face(TestImages::astronautPath());
    QVERIFY(!face.isNull());
    QByteArray csv("filename,eyeglasses\n");
    for (int i = 0; i < 10; ++i) {
        const QString name = QStringLiteral("face-%1.png").arg(i);
        QVERIFY(TestImages::rotated(face, i - 5.0).save(dir.filePath(name)));
        csv += name.toUtf8() + (i % 2 == 0 ? ",1\n" : ",0\n");
    }
    QVERIFY(TestImages::writeFile(dir.filePath(QStringLiteral("labels.csv")), csv));

    DataRequest request;
    request.datasetPath = dir.path();
    request.attribute = QStringLiteral("eyeglasses");
    request.selection.policy = SelectionPolicy::All;
    request.split.method = SplitMethod::Group;
    request.split.testFraction = 0.3;
    request.cacheDir = dir.filePath(QStringLiteral("cache"));
    const PreparedData prepared = prepareData(request);
    QVERIFY2(prepared.isOk(), qPrintable(prepared.errorString));
    QVERIFY2(prepared.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("split at random")),
             qPrintable(prepared.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(prepared.description.value(QStringLiteral("split")).toString(),
             QStringLiteral("random"));
    QVERIFY(prepared.test.count() > 0);
    QVERIFY(prepared.training.count() > 0);
}

QTEST_GUILESS_MAIN(TestTrainingPipeline)
#include "tst_trainingpipeline.moc"
