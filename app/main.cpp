#include "mainwindow.h"
#include "processsetup.h"
#include "projectstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

namespace {

// Loads Qt's own translations and ProfileLens's for the user's locale, from the resources
// first and then from the installed data folder.
void installTranslators(QApplication &app)
{
    const QLocale locale;
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    const QStringList folders = {
        QStringLiteral(":/i18n"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/profilelens/translations"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../translations"),
    };
    auto *appTranslator = new QTranslator(&app);
    for (const QString &folder : folders) {
        if (appTranslator->load(locale, QStringLiteral("profilelens"), QStringLiteral("_"),
                                folder)) {
            QCoreApplication::installTranslator(appTranslator);
            break;
        }
    }
}

QString defaultProjectFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("projects/Default"));
}

bool hasProject(const QString &folder)
{
    return QFileInfo(QDir(folder).filePath(ProfileLens::ProjectStore::databaseFileName()))
        .isFile();
}

// Opens the project in \a folder, or creates one there when the folder contains none.
bool openOrCreate(ProfileLens::MainWindow &window, const QString &folder)
{
    return hasProject(folder) ? window.openProject(folder) : window.createProject(folder);
}

} // namespace

int main(int argc, char *argv[])
{
    ProfileLens::ensurePassiveOpenMpWait(argv);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLens"));
    QCoreApplication::setApplicationName(QStringLiteral("ProfileLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROFILELENS_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("profilelens"));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Label profile pictures and find those that show a face attribute."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption projectOption(
        QStringLiteral("project"),
        QCoreApplication::translate("main", "Open the project in <folder>; a new project is "
                                            "created there when the folder holds none."),
        QCoreApplication::translate("main", "folder"));
    parser.addOption(projectOption);
    parser.process(app);

    ProfileLens::MainWindow window;
    window.show();

    if (parser.isSet(projectOption)) {
        openOrCreate(window, parser.value(projectOption));
    } else {
        const QString last = QSettings().value(QStringLiteral("projects/last")).toString();
        // A last project that moved or broke falls back to the default project, so the
        // window starts with a project unless that one cannot be created either.
        if (last.isEmpty() || !hasProject(last) || !window.openProject(last))
            openOrCreate(window, defaultProjectFolder());
    }
    return app.exec();
}
