// handalign-studio: the desktop studio.
#include "Appearance.h"
#include "GlFormat.h"
#include "MainWindow.h"
#include "ModelController.h"

#include "eval/Merge.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSurfaceFormat>

#include <cstdio>

int main(int argc, char** argv) {
  // VTK and the canvas need a 3.2 core context; it must be the default before QApplication exists.
  handalign::setDefaultGlFormat();

  QApplication app(argc, argv);
  QApplication::setApplicationName("HandAlign Studio");
  QApplication::setOrganizationName("HandAlign");
  QApplication::setApplicationVersion(HANDALIGN_VERSION);
  handalign::applyInterfaceSettings();  // palette and language from the preferences

  // Context "main" (lupdate finds QCoreApplication::translate calls with literal arguments).
  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate(
      "main", "Hand- and finger-level alignment of 3D hand meshes, sample by sample."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption dataset(
      "dataset", QCoreApplication::translate("main", "Dataset folder to open."), "DIR");
  const QCommandLineOption pred(
      "pred", QCoreApplication::translate("main", "Prediction file, NAME=FILE (repeatable)."),
      "NAME=FILE");
  const QCommandLineOption refines(
      "refines",
      QCoreApplication::translate(
          "main", "Declares prediction REFINED the refinement of ROUGH (repeatable)."),
      "REFINED=ROUGH");
  const QCommandLineOption sample(
      "sample", QCoreApplication::translate("main", "Sample id or index to show first."), "ID");
  const QCommandLineOption handModel(
      "hand-model",
      QCoreApplication::translate("main",
                                  "Hand model file (default: the dataset's hand_model.json)."),
      "FILE");
  const QCommandLineOption model(
      "model",
      QCoreApplication::translate(
          "main", "Model checkpoint or manifest to open; run on the first sample shown."),
      "FILE");
  const QCommandLineOption import(
      "import",
      QCoreApplication::translate(
          "main",
          "Evaluation folder computed elsewhere (eval or merged cluster run) to show; "
          "without --dataset, its dataset is opened."),
      "DIR");
  parser.addOptions({dataset, pred, refines, sample, handModel, model, import});
  parser.process(app);

  handalign::MainWindow window;
  window.show();
  if (parser.isSet(model)) {
    window.models()->openModel(parser.value(model));
    window.setRunModelWhenReady(parser.isSet(dataset));
  }
  QString datasetDir = parser.value(dataset);
  QString handModelFile = parser.value(handModel);
  if (parser.isSet(import)) {
    window.importEvaluation(parser.value(import));  // once the dataset is open
    if (datasetDir.isEmpty()) {  // the one the evaluation names (and its hand model)
      try {
        const handalign::RunInfo info =
            handalign::readEvaluationProvenance(parser.value(import).toStdString());
        datasetDir = QString::fromStdString(info.datasetRoot);
        if (handModelFile.isEmpty()) handModelFile = QString::fromStdString(info.handModelFile);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "handalign-studio: %s\n", e.what());
        return 1;
      }
    }
  }
  if (!datasetDir.isEmpty()) {
    std::vector<std::pair<QString, QString>> predictions;
    for (const QString& p : parser.values(pred)) {
      const int eq = p.indexOf('=');
      if (eq <= 0) {
        const QString message =
            QCoreApplication::translate("main", "--pred must be NAME=FILE (got \"%1\")").arg(p);
        std::fprintf(stderr, "handalign-studio: %s\n", qPrintable(message));
        return 2;
      }
      predictions.emplace_back(p.left(eq), p.mid(eq + 1));
    }
    std::vector<handalign::Refinement> refinements;
    for (const QString& r : parser.values(refines)) {
      handalign::Refinement x;
      if (!handalign::parseRefinementArg(r.toStdString(), x)) {
        const QString message =
            QCoreApplication::translate("main", "--refines must be REFINED=ROUGH (got \"%1\")")
                .arg(r);
        std::fprintf(stderr, "handalign-studio: %s\n", qPrintable(message));
        return 2;
      }
      refinements.push_back(x);
    }
    window.openDataset(datasetDir, predictions, parser.value(sample), handModelFile, refinements);
  }
  return app.exec();
}
