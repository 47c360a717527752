#include "testimages.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString output;
    QString errors;
};

CliRun runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(PROFILELENS_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        run.errors = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromUtf8(process.readAllStandardOutput());
    run.errors = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsCommands();
    void versionPrinted();
    void unknownCommandRejected();
    void alignWritesStagesAndReport();
    void alignWritesEyeBand();
    void alignFailsWhenNothingAligned();
    void alignNeedsOutFolder();
    void combineRejectsInvalidInput();
    void trainRejectsInvalidOptions_data();
    void trainRejectsInvalidOptions();
};

void TestCli::helpListsCommands()
{
    const CliRun run = runCli({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.output.contains(QStringLiteral("align")), qPrintable(run.output));

    const CliRun alignHelp = runCli({QStringLiteral("align"), QStringLiteral("--help")});
    QCOMPARE(alignHelp.exitCode, 0);
    QVERIFY2(alignHelp.output.contains(QStringLiteral("--out")), qPrintable(alignHelp.output));
    QVERIFY2(alignHelp.output.contains(QStringLiteral("--threads")), qPrintable(alignHelp.output));
    QVERIFY2(alignHelp.output.startsWith(QStringLiteral("Usage: profilelens-cli align [options]")),
             qPrintable(alignHelp.output));
}

void TestCli::versionPrinted()
{
    const CliRun run = runCli({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.output.startsWith(QStringLiteral("profilelens-cli ")), qPrintable(run.output));
}

void TestCli::unknownCommandRejected()
{
    const CliRun run = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(QStringLiteral("frobnicate")), qPrintable(run.errors));
}

void TestCli::alignWritesStagesAndReport()
{
    QTemporaryDir inputs;
    QTemporaryDir out;
    QVERIFY(inputs.isValid());
    QVERIFY(out.isValid());
    QVERIFY(QFile::copy(TestImages::astronautPath(), inputs.filePath(QStringLiteral("face.png"))));
    QVERIFY(TestImages::landscape().save(inputs.filePath(QStringLiteral("landscape.png"))));
    QVERIFY(TestImages::writeFile(inputs.filePath(QStringLiteral("broken.jpg")),
                                  QByteArray("<html>error</html>")));

    const CliRun run = runCli({QStringLiteral("align"), inputs.path(), QStringLiteral("--out"),
                               out.path(), QStringLiteral("--quiet")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.output.contains(QStringLiteral("1 of 3 pictures aligned")), qPrintable(run.output));
    QVERIFY2(run.errors.contains(QStringLiteral("not an image")), qPrintable(run.errors));
    QVERIFY2(run.errors.contains(QStringLiteral("No face found")), qPrintable(run.errors));

    const QList<std::pair<QString, QSize>> stages = {
        {QStringLiteral("face_original.png"), QSize(512, 512)},
        {QStringLiteral("face_aligned.png"), QSize(178, 218)},
        {QStringLiteral("face_gray.png"), QSize(178, 218)},
        {QStringLiteral("face_28x28.png"), QSize(28, 28)},
    };
    for (const auto &[name, size] : stages) {
        const QImage image(out.filePath(name));
        QVERIFY2(!image.isNull(), qPrintable(name));
        QCOMPARE(image.size(), size);
    }
    QVERIFY(QImage(out.filePath(QStringLiteral("face_gray.png"))).isGrayscale());

    const QStringList lines = readLines(out.filePath(QStringLiteral("report.csv")));
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(QStringLiteral("file,faces_found,status,reason,left_eye_x")));
    const QString faceRow = lines.filter(QStringLiteral("face.png")).value(0);
    QVERIFY2(faceRow.contains(QStringLiteral(",1,ok,")), qPrintable(faceRow));
    const QStringList faceFields = faceRow.split(QLatin1Char(','));
    QVERIFY2(faceFields.value(4).toDouble() > 150 && faceFields.value(4).toDouble() < 250,
             qPrintable(faceRow));
    QVERIFY2(lines.filter(QStringLiteral("landscape.png")).value(0).contains(QStringLiteral(",no-face,")),
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY2(lines.filter(QStringLiteral("broken.jpg")).value(0).contains(QStringLiteral(",load-failed,")),
             qPrintable(lines.join(QLatin1Char('\n'))));
}

void TestCli::alignFailsWhenNothingAligned()
{
    QTemporaryDir inputs;
    QTemporaryDir out;
    const QString landscape = inputs.filePath(QStringLiteral("landscape.png"));
    QVERIFY(TestImages::landscape().save(landscape));
    const CliRun run = runCli({QStringLiteral("align"), landscape, QStringLiteral("--out"),
                               out.path()});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(readLines(out.filePath(QStringLiteral("report.csv"))).size(), 2);
}

void TestCli::alignNeedsOutFolder()
{
    const CliRun run = runCli({QStringLiteral("align"), TestImages::astronautPath()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(QStringLiteral("--out")), qPrintable(run.errors));
}

void TestCli::alignWritesEyeBand()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const CliRun run = runCli({QStringLiteral("align"), TestImages::astronautPath(),
                               QStringLiteral("--face-region"), QStringLiteral("eyes"),
                               QStringLiteral("--out"), out.path(), QStringLiteral("--quiet")});
    QCOMPARE(run.exitCode, 0);
    const QImage band(out.filePath(QStringLiteral("astronaut_88x40.png")));
    QVERIFY2(!band.isNull(), qPrintable(QDir(out.path()).entryList().join(u',')));
    QVERIFY(band.isGrayscale());

    const CliRun sized = runCli({QStringLiteral("align"), TestImages::astronautPath(),
                                 QStringLiteral("--face-region"), QStringLiteral("eyes"),
                                 QStringLiteral("--input-size"), QStringLiteral("66x30"),
                                 QStringLiteral("--out"), out.path(), QStringLiteral("--quiet")});
    QCOMPARE(sized.exitCode, 0);
    QCOMPARE(QImage(out.filePath(QStringLiteral("astronaut_66x30.png"))).size(), QSize(66, 30));

    const CliRun tooLarge = runCli({QStringLiteral("align"), TestImages::astronautPath(),
                                    QStringLiteral("--input-size"), QStringLiteral("300"),
                                    QStringLiteral("--out"), out.path()});
    QCOMPARE(tooLarge.exitCode, 2);
    QVERIFY2(tooLarge.errors.contains(QStringLiteral("Invalid --input-size value '300'")),
             qPrintable(tooLarge.errors));
}

void TestCli::combineRejectsInvalidInput()
{
    const CliRun singleModel = runCli({QStringLiteral("combine"), QStringLiteral("dataset"),
                               QStringLiteral("--model"), QStringLiteral("a.plmodel"),
                               QStringLiteral("--out"), QStringLiteral("c.plmodel")});
    QCOMPARE(singleModel.exitCode, 2);
    QVERIFY2(singleModel.errors.contains(QStringLiteral("two or more --model FILE")), qPrintable(singleModel.errors));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.plmodel"));
    const CliRun absent = runCli({QStringLiteral("combine"), dir.path(), QStringLiteral("--model"),
                                  missing, QStringLiteral("--model"), missing,
                                  QStringLiteral("--out"), dir.filePath(QStringLiteral("c.plmodel"))});
    QCOMPARE(absent.exitCode, 1);
    const CliRun sized = runCli({QStringLiteral("combine"), dir.path(), QStringLiteral("--model"),
                                 missing, QStringLiteral("--model"), missing,
                                 QStringLiteral("--input-size"), QStringLiteral("32"),
                                 QStringLiteral("--out"), dir.filePath(QStringLiteral("c.plmodel"))});
    QCOMPARE(sized.exitCode, 2);
    QVERIFY2(sized.errors.contains(QStringLiteral("leave out --input-size and --face-region")),
             qPrintable(sized.errors));
    QVERIFY2(absent.errors.contains(QStringLiteral("missing.plmodel")), qPrintable(absent.errors));
    QVERIFY2(absent.errors.contains(QStringLiteral("Check the --model path")), qPrintable(absent.errors));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("c.plmodel"))));
}

void TestCli::trainRejectsInvalidOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("no networks") << QStringList{QStringLiteral("--networks"), QStringLiteral("0")}
                                 << QStringLiteral("Invalid --networks value '0'");
    QTest::newRow("too many networks")
        << QStringList{QStringLiteral("--networks"), QStringLiteral("17")}
        << QStringLiteral("Invalid --networks value '17': give at most 16.");
    QTest::newRow("negative training seed")
        << QStringList{QStringLiteral("--training-seed"), QStringLiteral("-1")}
        << QStringLiteral("Invalid --training-seed value '-1'");
    QTest::newRow("unknown architecture")
        << QStringList{QStringLiteral("--architecture"), QStringLiteral("foo")}
        << QStringLiteral("Unknown --architecture 'foo': use one of reference, reference-bn, compact, compact-bn.");
    QTest::newRow("unknown region")
        << QStringList{QStringLiteral("--face-region"), QStringLiteral("mouth")}
        << QStringLiteral("Invalid --face-region value 'mouth': use face, eyes or face+eyes.");
    QTest::newRow("size of two views")
        << QStringList{QStringLiteral("--face-region"), QStringLiteral("face+eyes"),
                       QStringLiteral("--input-size"), QStringLiteral("56")}
        << QStringLiteral("--input-size does not apply to --face-region face+eyes");
    QTest::newRow("three sides")
        << QStringList{QStringLiteral("--input-size"), QStringLiteral("88x40x2")}
        << QStringLiteral("Invalid --input-size value '88x40x2'");
    QTest::newRow("side too small")
        << QStringList{QStringLiteral("--input-size"), QStringLiteral("88x4")}
        << QStringLiteral("Invalid --input-size value '88x4'");
}

void TestCli::trainRejectsInvalidOptions()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);

    // The options are checked before the dataset is read, so it need not exist.
    const CliRun run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("missing-dataset")} + options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(message), qPrintable(run.errors));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
