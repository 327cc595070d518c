// handalign figure: a comparison grid (input | predictions | GT | 3D) as PNG, SVG or PDF.
#include "Args.h"
#include "Commands.h"
#include "SessionArgs.h"
#include "Terminal.h"

#include "FigureExport.h"
#include "FigureSelection.h"

#include "eval/EvalSession.h"
#include "eval/Evaluator.h"
#include "util/Cancellation.h"
#include "util/Error.h"

#include <QGuiApplication>

#include <cstdio>
#include <memory>
#include <sstream>

namespace handalign::cli {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

// Fonts need a QGuiApplication; the offscreen platform needs no display.
std::unique_ptr<QGuiApplication> makeGuiApplication() {
  if (QGuiApplication::instance()) return nullptr;
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static int argc = 1;
  static char name[] = "handalign";
  static char* argv[] = {name, nullptr};
  return std::make_unique<QGuiApplication>(argc, argv);
}

}  // namespace

int runFigure(const std::vector<std::string>& argv) {
  const Args args(argv,
                  {"dataset", "split", "format", "dataset-format", "hand-model", "pred", "refines",
                   "out", "samples", "worst", "by", "of", "width", "dpi", "resolution", "threads"},
                  {"quiet"});
  if (!args.positional().empty())
    throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
  const fs::path datasetDir = args.required("dataset");
  const fs::path out = args.required("out");
  const auto format = figureFormatFromPath(out);
  if (!format) throw UsageError("--out must end in .png, .svg or .pdf");
  if (args.has("samples") == args.has("worst"))
    throw UsageError("give either --samples ID,ID,... or --worst N --by METRIC --of PRED");

  FigureOptions figure;
  if (!parseFigureWidth(args.get("width", "column"), figure.widthInches))
    throw UsageError("--width must be column, text or a number of inches between 1 and 40");
  figure.dpi = int(args.getInt("dpi", 300, 50, 2400));
  std::size_t worst = 0;
  std::string metric, worstOf;
  if (args.has("worst")) {
    worst = std::size_t(args.getInt("worst", 8, 1, 1000));
    metric = args.get("by", "hand_miou");
    if (!isMetricColumn(metric)) throw UsageError("--by: unknown metric \"" + metric + "\"");
    worstOf = args.get("of");
  }

  EvalOptions options;
  options.resolution = int(args.getInt("resolution", 224, 16, 4096));
  options.threads = int(args.getInt("threads", 0, 0, 1024));
  const EvalRequest request = requestFromArgs(args, options);
  if (args.has("worst")) {
    if (worstOf.empty()) worstOf = request.predictions.back().first;
    bool known = false;
    for (const auto& p : request.predictions) known = known || p.first == worstOf;
    if (!known) throw UsageError("--of: no --pred named \"" + worstOf + "\"");
  }
  const EvalSession session = openSession(request);
  const EvalContext context = session.context();
  std::vector<std::size_t> samples;
  if (args.has("worst")) {
    const EvalResult result = evaluateWithProgress(context, args.has("quiet"));
    samples = worstSamples(result, worstOf, metric, worst);
  } else {
    try {
      samples = samplesById(*session.dataset, splitList(args.get("samples")));
    } catch (const std::invalid_argument& e) {
      throw InputError(datasetDir, e.what());
    }
    if (samples.empty()) throw UsageError("--samples lists no sample");
  }

  const std::unique_ptr<QGuiApplication> app = makeGuiApplication();
  const FigureSource source{*session.dataset, session.model, session.predictions};
  const FigureGrid grid(source, samples, figure, metricsFor(context, samples));
  const fs::path json = writeFigure(grid, session.info, out);
  if (!args.has("quiet"))
    std::printf("wrote %s (%.2f × %.2f in, %d rows) and %s\n", out.string().c_str(),
                grid.sizeInches().width(), grid.sizeInches().height(), grid.rowCount(),
                json.string().c_str());
  return 0;
}

}  // namespace handalign::cli
