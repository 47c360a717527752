#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace ProfileLens {

/// QSettings key of the user interface language: empty follows the system, "en" or "de".
inline constexpr char kLanguageSettingsKey[] = "ui/language";

/**
 * Installs translators for Qt's own strings (qtbase_<lang>.qm from
 * QLibraryInfo::TranslationsPath) and for ProfileLens (profilelens_<lang>.qm), replacing
 * those that an earlier call installed.
 *
 * \a languageOverride is a language code such as "de"; when it is empty, the languages of
 * QLocale::system().uiLanguages() are tried in order. English, the source language, ends the
 * search without a translator, so a user who prefers English over German gets English.
 * ProfileLens's file is looked up in <application dir>/../share/profilelens/translations
 * (installed), <application dir>/../translations (build tree) and the :/i18n resource.
 *
 * Returns the language code whose ProfileLens translation was installed, or an empty string
 * when the user interface stays in English.
 */
QString installTranslators(QCoreApplication &app, const QString &languageOverride);

/// Returns the language stored under kLanguageSettingsKey in the settings of the GUI
/// (organization QCoreApplication::organizationName(), application "ProfileLens").
QString languageFromSettings();

/// Returns the codes of the languages that have a ProfileLens translation, "en" first.
QStringList availableLanguages();

} // namespace ProfileLens
