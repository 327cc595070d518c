// handalign-studio: the desktop studio.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSurfaceFormat>

#include <cstdio>

int main(int argc, char** argv) {
  // VTK and the canvas need a 3.2 core context; it must be the default before QApplication exists.
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  QSurfaceFormat::setDefaultFormat(format);

  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio");
  QApplication::setOrganizationName("HandAlign");
  QApplication::setApplicationVersion(HANDALIGN_VERSION);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Hand- and finger-level alignment of 3D hand meshes, sample by sample.");
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption dataset("dataset", "Dataset folder to open.", "DIR");
  const QCommandLineOption pred("pred", "Prediction file, NAME=FILE (repeatable).", "NAME=FILE");
  const QCommandLineOption sample("sample", "Sample id to show first.", "ID");
  parser.addOptions({dataset, pred, sample});
  parser.process(app);

  handalign::MainWindow window;
  window.show();
  if (parser.isSet(dataset)) {
    std::vector<std::pair<QString, QString>> predictions;
    for (const QString& p : parser.values(pred)) {
      const int eq = p.indexOf('=');
      if (eq <= 0) {
        std::fprintf(stderr, "handalign-studio: --pred must be NAME=FILE (got \"%s\")\n",
                     qPrintable(p));
        return 2;
      }
      predictions.emplace_back(p.left(eq), p.mid(eq + 1));
    }
    window.openDataset(parser.value(dataset), predictions, parser.value(sample));
  }
  return app.exec();
}
