// The studio's look and language: palettes (System / Light / Dark) and the embedded translations.
#pragma once

#include <QPalette>
#include <QString>
#include <QStringList>

namespace handalign {

// Settings keys and their values (QSettings `Group/Key`, as Slicer names them).
inline constexpr const char* kLanguageKey = "Interface/Language";  // "en" or "zh_CN"
inline constexpr const char* kPaletteKey = "Interface/Palette";    // "system", "light", "dark"

// A complete light or dark palette, disabled colours included.
QPalette lightPalette();
QPalette darkPalette();

// Sets the application palette: "light", "dark", anything else the system's (as found at the first
// call). Returns the name applied.
QString applyPalette(const QString& name);

// Installs the translator for `language` ("zh_CN"; "en" or unknown: the English source strings),
// the .qm files being embedded under :/i18n. Widgets get QEvent::LanguageChange. Returns false when
// the translation could not be loaded (English is then used).
bool applyLanguage(const QString& language);
// The languages offered, as codes; their names are given in their own language.
QStringList availableLanguages();
QString languageName(const QString& language);

// Applies the palette and language stored in QSettings (at start-up).
void applyInterfaceSettings();

}  // namespace handalign
