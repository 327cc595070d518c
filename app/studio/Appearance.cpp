#include "Appearance.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <optional>

namespace handalign {
namespace {

QPalette makePalette(QColor window, QColor base, QColor alternate, QColor text, QColor button,
                     QColor highlight, QColor disabledText, QColor link) {
  QPalette p;
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, alternate);
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, disabledText);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, button);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::red);
  p.setColor(QPalette::Link, link);
  p.setColor(QPalette::LinkVisited, link.darker(120));
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Light, button.lighter(150));
  p.setColor(QPalette::Midlight, button.lighter(125));
  p.setColor(QPalette::Mid, button.darker(130));
  p.setColor(QPalette::Dark, button.darker(160));
  p.setColor(QPalette::Shadow, Qt::black);
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, disabledText);
  p.setColor(QPalette::Disabled, QPalette::Highlight, button.darker(110));
  p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
  p.setColor(QPalette::Disabled, QPalette::Base, window);
  return p;
}

std::optional<QPalette>& systemPalette() {
  static std::optional<QPalette> palette;
  if (!palette) palette = QApplication::palette();
  return palette;
}

QTranslator*& translator() {
  static QTranslator* t = nullptr;
  return t;
}
QTranslator*& qtTranslator() {
  static QTranslator* t = nullptr;
  return t;
}

}  // namespace

QPalette lightPalette() {
  return makePalette(QColor(239, 239, 239), Qt::white, QColor(246, 246, 246), Qt::black,
                     QColor(239, 239, 239), QColor(48, 140, 198), QColor(160, 160, 160),
                     QColor(0, 90, 180));
}

QPalette darkPalette() {
  return makePalette(QColor(45, 45, 48), QColor(30, 30, 32), QColor(40, 40, 43),
                     QColor(220, 220, 220), QColor(53, 53, 56), QColor(42, 130, 218),
                     QColor(110, 110, 110), QColor(90, 170, 255));
}

QString applyPalette(const QString& name) {
  systemPalette();  // remember the system palette before the first change
  if (name == QLatin1String("dark")) {
    QApplication::setPalette(darkPalette());
    return name;
  }
  if (name == QLatin1String("light")) {
    QApplication::setPalette(lightPalette());
    return name;
  }
  QApplication::setPalette(*systemPalette());
  return QStringLiteral("system");
}

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }

QString languageName(const QString& language) {
  if (language == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
  return QStringLiteral("English");
}

bool applyLanguage(const QString& language) {
  for (QTranslator** t : {&translator(), &qtTranslator()}) {
    if (!*t) continue;
    QApplication::removeTranslator(*t);
    delete *t;
    *t = nullptr;
  }
  // Removing and installing translators makes Qt post QEvent::LanguageChange to every window.
  bool ok = true;
  // English loads its file too: it holds the plural forms of the %n messages.
  if (availableLanguages().contains(language)) {
    auto own = std::make_unique<QTranslator>();
    ok = own->load(QStringLiteral(":/i18n/handalign_%1.qm").arg(language));
    if (ok) {
      // Qt's own strings (standard buttons, file dialogs) where Qt's translations are installed.
      auto qt = std::make_unique<QTranslator>();
      if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qtTranslator() = qt.release();
        QApplication::installTranslator(qtTranslator());
      }
      translator() = own.release();
      QApplication::installTranslator(translator());
    }
  }
  QLocale::setDefault(QLocale(ok ? language : QStringLiteral("en")));
  return ok;
}

void applyInterfaceSettings() {
  QSettings settings;
  applyPalette(settings.value(kPaletteKey, QStringLiteral("system")).toString());
  applyLanguage(settings.value(kLanguageKey, QStringLiteral("en")).toString());
}

}  // namespace handalign
