#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>

namespace ProfileLens {

namespace {

Q_LOGGING_CATEGORY(lcTranslations, "profilelens.translations")

// Object names that mark the translators this file installed, so a second call removes them.
const QString kQtTranslatorName = QStringLiteral("profilelens-qt-translator");
const QString kAppTranslatorName = QStringLiteral("profilelens-app-translator");

QStringList translationFolders()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return {
        appDir + QStringLiteral("/../share/profilelens/translations"),
        appDir + QStringLiteral("/../translations"),
        QStringLiteral(":/i18n"),
    };
}

void removeInstalledTranslators(QCoreApplication &app)
{
    const QList<QTranslator *> translators = app.findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        if (translator->objectName() == kQtTranslatorName
            || translator->objectName() == kAppTranslatorName) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
}

bool isSourceLanguage(const QLocale &locale)
{
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

// Loads profilelens_<lang>.qm for exactly \a locale's language from the first folder that
// has it. QTranslator::load(QLocale, ...) is not used here because it would fall through
// every entry of uiLanguages() on its own and skip a preferred English.
bool loadAppTranslation(QTranslator &translator, const QLocale &locale)
{
    const QString baseName = QStringLiteral("profilelens_") + locale.name();
    const QString languageName = QStringLiteral("profilelens_")
        + QLocale::languageToCode(locale.language(), QLocale::ISO639Part1);
    for (const QString &folder : translationFolders()) {
        if (translator.load(baseName, folder) || translator.load(languageName, folder))
            return true;
    }
    return false;
}

} // namespace

QString installTranslators(QCoreApplication &app, const QString &languageOverride)
{
    removeInstalledTranslators(app);

    const QStringList candidates = languageOverride.isEmpty()
        ? QLocale::system().uiLanguages()
        : QStringList{languageOverride};

    for (const QString &candidate : candidates) {
        const QLocale locale(candidate);
        if (isSourceLanguage(locale))
            return {};

        auto *appTranslator = new QTranslator(&app);
        appTranslator->setObjectName(kAppTranslatorName);
        if (!loadAppTranslation(*appTranslator, locale)) {
            delete appTranslator;
            continue;
        }
        QCoreApplication::installTranslator(appTranslator);

        // Qt's own strings (standard buttons, file dialogs) are optional: Debian ships them in
        // qt6-translations-l10n.
        auto *qtTranslator = new QTranslator(&app);
        qtTranslator->setObjectName(kQtTranslatorName);
        if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qtTranslator);
        } else {
            qCInfo(lcTranslations) << "Qt's own translation qtbase for" << locale.name()
                              << "was not found in"
                              << QLibraryInfo::path(QLibraryInfo::TranslationsPath);
            delete qtTranslator;
        }
        return QLocale::languageToCode(locale.language(), QLocale::ISO639Part1);
    }
    return {};
}

QString languageFromSettings()
{
    // The GUI's settings file, also when profilelens-cli (another application name) reads it.
    const QSettings settings(QCoreApplication::organizationName(), QStringLiteral("ProfileLens"));
    return settings.value(QLatin1String(kLanguageSettingsKey)).toString();
}

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList nameFilter{QStringLiteral("profilelens_*.qm")};
    for (const QString &folder : translationFolders()) {
        const QStringList files = QDir(folder).entryList(nameFilter, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            const QString code = file.mid(12, file.size() - 12 - 3);
            if (!languages.contains(code))
                languages.append(code);
        }
    }
    return languages;
}

} // namespace ProfileLens
