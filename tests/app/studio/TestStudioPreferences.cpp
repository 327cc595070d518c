// The studio's desktop conventions: languages, palettes, recent datasets, drag and drop, F5.
#include "Appearance.h"
#include "GlFormat.h"
#include "MainWindow.h"
#include "OpenDatasetDialog.h"
#include "PreferencesDialog.h"
#include "RecentDatasets.h"
#include "TestSupport.h"
#include "browser/SampleTableModel.h"

#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QXmlStreamReader>

using namespace handalign;
namespace fs = std::filesystem;

class TestStudioPreferences : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  QString data_;
  std::vector<std::pair<QString, QString>> preds() const {
    return OpenDatasetDialog::proposedPredictions(data_);
  }
  static QString fileMenuTitle(MainWindow& w) { return w.menuBar()->actions().at(0)->text(); }
  static QMenu* recentMenu(MainWindow& w) {
    for (QAction* a : w.menuBar()->actions().at(0)->menu()->actions())
      if (a->menu()) return a->menu();
    return nullptr;
  }
  static QString tsFile(const char* language) {
    return qEnvironmentVariable("HANDALIGN_SOURCE_DIR") +
           QStringLiteral("/translations/handalign_%1.ts").arg(language);
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // settings and projects go to a test location
    QSettings().clear();
    data_ = QString::fromStdString(
        test::synthDataset(fs::path(tmp_.path().toStdString()), 6, 5).string());
  }

  void cleanup() {
    applyLanguage("en");
    applyPalette("system");
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  }

  void proposesThePredictionsInTheFolder() {
    const auto p = preds();
    QCOMPARE(int(p.size()), 2);
    QCOMPARE(p[0].first, QString("rough"));
    QVERIFY(p[0].second.endsWith("/pred_rough.json"));
    QCOMPARE(p[1].first, QString("refined"));
    QCOMPARE(OpenDatasetDialog::defaultName("/x/my_model.json"), QString("my_model"));
    OpenDatasetDialog dialog;
    dialog.setOpening({data_, "/x/hand.json", p, {}});
    const DatasetOpening o = dialog.opening();
    QCOMPARE(o.dataset, data_);
    QCOMPARE(o.handModel, QString("/x/hand.json"));
    QVERIFY(o.predictions == p);
  }

  void switchesLanguageAndBack() {
    QVERIFY(QFile::exists(":/i18n/handalign_zh_CN.qm"));  // embedded, not read from disk
    MainWindow w;
    QCOMPARE(fileMenuTitle(w), QString("&File"));
    PreferencesDialog prefs(&w);
    prefs.languageBox()->setCurrentIndex(prefs.languageBox()->findData("zh_CN"));
    prefs.apply();
    QCOMPARE(QSettings().value(kLanguageKey).toString(), QString("zh_CN"));
    QTRY_COMPARE(fileMenuTitle(w), QString::fromUtf8("文件(&F)"));
    QCOMPARE(prefs.windowTitle(), QString::fromUtf8("首选项"));
    prefs.languageBox()->setCurrentIndex(prefs.languageBox()->findData("en"));
    prefs.apply();
    QTRY_COMPARE(fileMenuTitle(w), QString("&File"));
    QCOMPARE(prefs.windowTitle(), QString("Preferences"));
    QCOMPARE(QSettings().value(kLanguageKey).toString(), QString("en"));
  }

  void englishHasPluralForms() {
    QVERIFY(applyLanguage("en"));
    const char* context = "handalign::StoredRunsDialog";
    const char* text = "Delete %n stored run(s) from the project?";
    QCOMPARE(QCoreApplication::translate(context, text, nullptr, 1),
             QString("Delete 1 stored run from the project?"));
    QCOMPARE(QCoreApplication::translate(context, text, nullptr, 3),
             QString("Delete 3 stored runs from the project?"));
    QVERIFY(applyLanguage("zh_CN"));
    QVERIFY(!QCoreApplication::translate(context, text, nullptr, 3).startsWith("Delete"));
    QVERIFY(applyLanguage("en"));
  }

  void chineseTranslationIsComplete() {
    QStringList enSources;
    for (const char* language : {"zh_CN", "en"}) {
      QFile f(tsFile(language));
      QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
      QXmlStreamReader xml(&f);
      QString source;
      int messages = 0;
      while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("source")) {
          source = xml.readElementText();
          if (QByteArray(language) == "en") enSources << source;
        } else if (xml.name() == QLatin1String("translation") && QByteArray(language) == "zh_CN") {
          ++messages;
          const QString type = xml.attributes().value("type").toString();
          QVERIFY2(type.isEmpty(), qPrintable("unfinished: " + source));
          QVERIFY2(!xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed().isEmpty(),
                   qPrintable("empty translation: " + source));
        }
      }
      QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
      if (QByteArray(language) == "zh_CN") QVERIFY(messages > 100);
    }
    QVERIFY(enSources.contains("&File"));
  }

  void palettesAreLightAndDark() {
    PreferencesDialog prefs;
    prefs.paletteBox()->setCurrentIndex(prefs.paletteBox()->findData("dark"));
    prefs.apply();
    QCOMPARE(QSettings().value(kPaletteKey).toString(), QString("dark"));
    QPalette p = QApplication::palette();
    QVERIFY(p.window().color().lightness() < 80);
    QVERIFY(p.text().color().lightness() > 180);
    QVERIFY(p.color(QPalette::Disabled, QPalette::Text) !=
            p.color(QPalette::Active, QPalette::Text));
    prefs.paletteBox()->setCurrentIndex(prefs.paletteBox()->findData("light"));
    prefs.apply();
    p = QApplication::palette();
    QVERIFY(p.window().color().lightness() > 200);
    QVERIFY(p.text().color().lightness() < 60);
  }

  void recentDatasetsPersistAcrossWindows() {
    RecentDatasets::save({{"/nonexistent/dataset", {}, {{"x", "/nonexistent/x.json"}}, {}}});
    {
      MainWindow w;  // the missing folder is dropped, with a message
      QVERIFY(w.statusBar()->currentMessage().contains("/nonexistent/dataset"));
      QVERIFY(RecentDatasets::load().empty());
      QSignalSpy done(&w, &MainWindow::evaluationFinished);
      w.openDataset(data_, preds());
      QVERIFY(done.wait(120000));
    }
    MainWindow w;
    const std::vector<DatasetOpening> recent = RecentDatasets::load();
    QCOMPARE(int(recent.size()), 1);
    QVERIFY(recent[0].predictions == preds());
    QMenu* menu = recentMenu(w);
    QVERIFY(menu);
    QAction* first = menu->actions().at(0);
    QVERIFY(first->text().contains(QDir::toNativeSeparators(data_)));
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    first->trigger();  // reopens with its prediction files
    QVERIFY(done.wait(120000));
    QCOMPARE(w.sampleModel()->rowCount(), 6);
    for (int i = 0; i < RecentDatasets::kMax + 3; ++i)
      RecentDatasets::add({tmp_.path() + QString("/d%1").arg(i), {}, {}, {}});
    QCOMPARE(int(RecentDatasets::load().size()), RecentDatasets::kMax);
  }

  void droppingAFolderOpensIt() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(data_)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(done.wait(120000));
    QVERIFY(w.windowTitle().contains(QDir(data_).dirName()));
    QCOMPARE(w.sampleModel()->rowCount(), 6);

    // F5 evaluates again although the results are stored in the project.
    w.reevaluate();
    QCOMPARE(w.statusBar()->currentMessage(), QString("Evaluating…"));
    QVERIFY(done.wait(120000));
    QCOMPARE(w.sampleModel()->rowCount(), 6);
  }

  void chineseDarkScreenshot() {
    applyPalette("dark");
    applyLanguage("zh_CN");
    MainWindow w;
    w.resize(1400, 860);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy done(&w, &MainWindow::evaluationFinished);
    w.openDataset(data_, preds());
    QVERIFY(done.wait(120000));
    QCOMPARE(fileMenuTitle(w), QString::fromUtf8("文件(&F)"));
    QVERIFY(w.windowTitle().startsWith("HandAlign Studio — "));
    QTest::qWait(300);
    const QString shot = qEnvironmentVariable("HANDALIGN_STUDIO_SCREENSHOT_ZH");
    if (!shot.isEmpty()) QVERIFY(w.grab().save(shot));
  }
};

int main(int argc, char** argv) {
  handalign::setDefaultGlFormat();
  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio Preferences Test");
  TestStudioPreferences t;
  return QTest::qExec(&t, argc, argv);
}

#include "TestStudioPreferences.moc"
