// profilelens-cli: the headless face of ProfileLens, one verb per command.

#include "clicommon.h"
#include "processsetup.h"
#include "translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QLocale>
#include <QTranslator>

using namespace ProfileLens::Cli;

namespace {

const Command kCommands[] = {
    {"align", QT_TRANSLATE_NOOP("ProfileLens::Cli",
                                "Write every preprocessing stage of pictures as PNG files."),
     runAlign},
    {"prepare", QT_TRANSLATE_NOOP("ProfileLens::Cli",
                                  "Select, split and preprocess a dataset into the cache."),
     runPrepare},
    {"train", QT_TRANSLATE_NOOP("ProfileLens::Cli", "Train a model on a dataset."), runTrain},
    {"combine",
     QT_TRANSLATE_NOOP("ProfileLens::Cli",
                       "Combine trained models that read different parts of the face into one."),
     runCombine},
    {"evaluate", QT_TRANSLATE_NOOP("ProfileLens::Cli",
                                   "Print a model's classification report, confusion matrix "
                                   "and AUC."),
     runEvaluate},
    {"predict", QT_TRANSLATE_NOOP("ProfileLens::Cli",
                                  "Score pictures with a model and write CSV."),
     runPredict},
};

void printUsage()
{
    printOut(CliMessages::tr("Usage: profilelens-cli COMMAND [OPTIONS] [ARGUMENTS]"));
    printOut(QString());
    printOut(CliMessages::tr("Commands:"));
    for (const Command &command : kCommands)
        printOut(QStringLiteral("  %1  %2")
                     .arg(QString::fromLatin1(command.name), -10)
                     .arg(CliMessages::tr(command.summary)));
    printOut(QString());
    printOut(CliMessages::tr("Run 'profilelens-cli COMMAND --help' for the options of one command."));
}

} // namespace

int main(int argc, char **argv)
{
    ProfileLens::ensurePassiveOpenMpWait(argv);
    // libpng warns about harmless colour profiles in many web images, the JPEG reader about
    // truncated files that the commands report themselves, and core logs the errors that the
    // commands print anyway. QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio.info=false\n"
                                                    "qt.gui.imageio.jpeg.warning=false\n"
                                                    "profilelens.*.warning=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("profilelens-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("ProfileLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROFILELENS_VERSION));
    ProfileLens::installTranslators(app, ProfileLens::languageFromSettings());

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty()) {
        printUsage();
        return ExitUsage;
    }
    const QString verb = arguments.first();
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")
        || verb == QLatin1String("help")) {
        printUsage();
        return ExitSuccess;
    }
    if (verb == QLatin1String("--version") || verb == QLatin1String("-v")) {
        printOut(QStringLiteral("profilelens-cli %1").arg(QCoreApplication::applicationVersion()));
        return ExitSuccess;
    }
    for (const Command &command : kCommands) {
        if (verb == QLatin1String(command.name))
            return command.run(arguments);
    }
    printError(CliMessages::tr("Unknown command '%1'.").arg(verb));
    printUsage();
    return ExitUsage;
}
