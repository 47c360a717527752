#include "mainwindow.h"
#include "processsetup.h"
#include "projectstore.h"
#include "translations.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace {

// Projects live in ~/.local/share/profilelens/projects. AppLocalDataLocation would repeat
// the name, because the organisation and the application are both called ProfileLens.
QString projectsFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("profilelens/projects"));
}

QString defaultProjectFolder()
{
    return QDir(projectsFolder()).filePath(QStringLiteral("Default"));
}

QString demoProjectFolder()
{
    return QDir(projectsFolder()).filePath(QStringLiteral("Demo"));
}

// Returns the folder with the demo pictures: the installed data folder beside the
// executable, else the source tree this build came from.
QString demoPicturesFolder()
{
    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/profilelens/demo");
    if (QFileInfo(installed).isDir())
        return QDir::cleanPath(installed);
    return QStringLiteral(PROFILELENS_SOURCE_DIR "/resources/demo");
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
    // libpng warns about harmless colour profiles in many web images; keep the output for
    // real problems. QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio.info=false"));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLens"));
    QCoreApplication::setApplicationName(QStringLiteral("ProfileLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROFILELENS_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("profilelens"));
    ProfileLens::installTranslators(app, ProfileLens::languageFromSettings());

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
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Open the demo project with two sample pictures "
                                            "scored by the default model."));
    parser.addOption(demoOption);
    parser.process(app);

    ProfileLens::MainWindow window;
    window.show();

    if (parser.isSet(demoOption)) {
        window.openDemoProject(demoProjectFolder(), demoPicturesFolder());
    } else if (parser.isSet(projectOption)) {
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
