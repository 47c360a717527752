// Checks the German translation file against the sources and the translator set-up that
// the applications use.

#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace ProfileLens;

namespace {

const QString kTsPath = QStringLiteral(PROFILELENS_SOURCE_DIR "/translations/profilelens_de.ts");

struct TsMessage
{
    QString context;
    QString source;
    QString translationType; // "unfinished", "vanished", "obsolete" or empty when finished
    QStringList translations; // one entry, or one per plural form for numerus messages
    bool numerus = false;
};

QList<TsMessage> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot open %1: %2").arg(path, file.errorString());
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    TsMessage current;
    bool inTranslation = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inTranslation && current.source.isNull()) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage();
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus"))
                    == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                current.translationType =
                    xml.attributes().value(QLatin1String("type")).toString();
                if (current.numerus)
                    inTranslation = true;
                else
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("translation")) {
                inTranslation = false;
            } else if (xml.name() == QLatin1String("message")) {
                messages << current;
                current = TsMessage();
            }
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 is not valid XML at line %2: %3")
                     .arg(path)
                     .arg(xml.lineNumber())
                     .arg(xml.errorString());
    return messages;
}

QString describe(const TsMessage &message)
{
    return QStringLiteral("[%1] \"%2\"").arg(message.context, message.source.left(80));
}

// The numbered placeholders (%1, %L2, ...) of a text, without %n.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d+)"));
    QSet<QString> found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        found.insert(QLatin1Char('%') + it.next().captured(1));
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void committedFileComplete();
    void placeholdersPreserved();
    void sourcesCovered();
    void germanTranslator_data();
    void germanTranslator();
    void languageSelection_data();
    void languageSelection();
    void qtBaseTranslation();
};

void TestTranslations::cleanup()
{
    installTranslators(*QCoreApplication::instance(), QStringLiteral("en"));
}

void TestTranslations::committedFileComplete()
{
    QString error;
    const QList<TsMessage> messages = readTsFile(kTsPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 100,
             qPrintable(QStringLiteral("%1 has only %2 messages").arg(kTsPath).arg(messages.size())));

    QStringList unfinished;
    QStringList empty;
    QStringList wrongPluralCount;
    for (const TsMessage &message : messages) {
        if (!message.translationType.isEmpty())
            unfinished << describe(message) + QLatin1Char(' ') + message.translationType;
        for (const QString &translation : message.translations) {
            if (translation.trimmed().isEmpty())
                empty << describe(message);
        }
        // German has two plural forms (one, other).
        const int expectedForms = message.numerus ? 2 : 1;
        if (message.translations.size() != expectedForms)
            wrongPluralCount << describe(message);
    }
    QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("%1 unfinished messages:\n")
                                                  .arg(unfinished.size())
                                              + unfinished.mid(0, 20).join(QLatin1Char('\n'))));
    QVERIFY2(empty.isEmpty(), qPrintable(QStringLiteral("%1 empty translations:\n")
                                             .arg(empty.size())
                                         + empty.mid(0, 20).join(QLatin1Char('\n'))));
    QVERIFY2(wrongPluralCount.isEmpty(),
             qPrintable(QStringLiteral("Messages without exactly one form (two for plurals):\n")
                        + wrongPluralCount.mid(0, 20).join(QLatin1Char('\n'))));
}

void TestTranslations::placeholdersPreserved()
{
    QString error;
    const QList<TsMessage> messages = readTsFile(kTsPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList mismatches;
    for (const TsMessage &message : messages) {
        const QSet<QString> expected = placeholders(message.source);
        for (const QString &translation : message.translations) {
            if (placeholders(translation) != expected)
                mismatches << describe(message) + QStringLiteral(" -> \"")
                        + translation.left(80) + QLatin1Char('"');
        }
        // The "other" plural form must show the count; the singular may spell it out.
        if (message.numerus && message.source.contains(QLatin1String("%n"))
            && !message.translations.value(1).contains(QLatin1String("%n")))
            mismatches << describe(message) + QStringLiteral(" plural form lacks %n");
    }
    QVERIFY2(mismatches.isEmpty(),
             qPrintable(QStringLiteral("Placeholders differ from the source text:\n")
                        + mismatches.mid(0, 20).join(QLatin1Char('\n'))));
}

void TestTranslations::sourcesCovered()
{
    const QString lupdate = QStringLiteral(PROFILELENS_LUPDATE_PATH);
    if (!QFileInfo(lupdate).isExecutable())
        QSKIP(qPrintable(QStringLiteral("lupdate is not installed at %1 (qt6-l10n-tools)")
                             .arg(lupdate)));

    // lupdate merges the current sources into a copy: a new message stays unfinished and a
    // removed one disappears (-no-obsolete), so a complete file has no unfinished message.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("profilelens_de.ts"));
    QVERIFY(QFile::copy(kTsPath, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    const QDir source(QStringLiteral(PROFILELENS_SOURCE_DIR));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                            QStringLiteral("none"), QStringLiteral("-extensions"),
                            QStringLiteral("cpp,h"), source.filePath(QStringLiteral("core")),
                            source.filePath(QStringLiteral("ui")),
                            source.filePath(QStringLiteral("app")), QStringLiteral("-ts"), copy});
    QVERIFY2(process.waitForFinished(60000), "lupdate did not finish within 60 s");
    const QString output = QString::fromLocal8Bit(process.readAll());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(output));

    // lupdate warns about tr() calls whose context it cannot tell; those strings would be
    // extracted into a context that the running program never looks up.
    QStringList contextWarnings;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("lacks Q_OBJECT"))
            || line.contains(QLatin1String("cannot be called without context")))
            contextWarnings << line.trimmed();
    }
    QVERIFY2(contextWarnings.isEmpty(),
             qPrintable(QStringLiteral("lupdate cannot tell the translation context of:\n")
                        + contextWarnings.mid(0, 20).join(QLatin1Char('\n'))));

    QString error;
    const QList<TsMessage> committed = readTsFile(kTsPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<TsMessage> current = readTsFile(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList missing;
    for (const TsMessage &message : current) {
        if (message.translationType == QLatin1String("unfinished"))
            missing << describe(message);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 source messages are not translated; run "
                                       "`cmake --build <build> --target update_translations` "
                                       "and translate them:\n")
                            .arg(missing.size())
                        + missing.mid(0, 20).join(QLatin1Char('\n'))));
    QCOMPARE(current.size(), committed.size());
}

void TestTranslations::germanTranslator_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    QTest::newRow("main window menu") << "ProfileLens::MainWindow" << "&File" << "&Datei";
    QTest::newRow("cli usage") << "ProfileLens::Cli" << "Commands:" << "Befehle:";
    QTest::newRow("core image loader")
        << "ProfileLens::ImageLoader" << "%1: file not found. Check the path."
        << "%1: Datei nicht gefunden. Prüfen Sie den Pfad.";
}

void TestTranslations::germanTranslator()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);

    QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")),
             QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()),
             expected);

    QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")), QString());
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()),
             source);
}

void TestTranslations::languageSelection_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("installed");

    QTest::newRow("german") << "de" << "de";
    QTest::newRow("german with region") << "de_AT" << "de";
    QTest::newRow("german bcp47") << "de-CH" << "de";
    QTest::newRow("english") << "en" << "";
    QTest::newRow("untranslated language") << "fr" << "";
}

void TestTranslations::languageSelection()
{
    QFETCH(QString, request);
    QFETCH(QString, installed);

    QCOMPARE(installTranslators(*QCoreApplication::instance(), request), installed);
    QVERIFY(availableLanguages().contains(QStringLiteral("de")));
    QCOMPARE(availableLanguages().first(), QStringLiteral("en"));
}

void TestTranslations::qtBaseTranslation()
{
    const QString folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("qtbase_de.qm"))))
        QSKIP(qPrintable(QStringLiteral("qtbase_de.qm is not in %1; install "
                                        "qt6-translations-l10n")
                             .arg(folder)));

    QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")),
             QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
