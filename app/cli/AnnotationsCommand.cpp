// handalign annotations: export corrected masks for training; check an annotation folder.
#include "Args.h"
#include "Commands.h"
#include "Terminal.h"

#include "dataset/PluginRegistry.h"
#include "project/AnnotationExport.h"
#include "project/AnnotationSession.h"
#include "project/ProjectStore.h"
#include "util/Cancellation.h"
#include "util/Error.h"

#include <cstdio>

namespace handalign::cli {
namespace fs = std::filesystem;

namespace {

std::unique_ptr<Dataset> openDataset(const Args& args) {
  return PluginRegistry::instance().openDataset(args.required("dataset"), args.get("split"),
                                                datasetFormat(args), 0);
}

// --annotations DIR, else the folder next to --project FILE (where the studio saves).
fs::path annotationFolder(const Args& args, const Dataset& dataset) {
  if (args.has("annotations")) return args.get("annotations");
  if (!args.has("project")) throw UsageError("give --project FILE or --annotations DIR");
  return annotationFolderFor(args.get("project"), dataset.split());
}

void requireFolder(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw InputError(folder, "no such annotation folder (no correction was saved for this split)");
}

int runExport(const std::vector<std::string>& argv) {
  const Args args(argv,
                  {"project", "dataset", "split", "format", "dataset-format", "out", "annotations"},
                  {"overwrite", "quiet"});
  if (!args.positional().empty())
    throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
  const fs::path projectFile = args.required("project"), out = args.required("out");
  std::error_code ec;
  if (!fs::is_regular_file(projectFile, ec)) throw InputError(projectFile, "no such project file");
  const std::unique_ptr<Dataset> dataset = openDataset(args);
  const fs::path folder = annotationFolder(args, *dataset);
  requireFolder(folder);
  ProjectStore project;
  project.open(projectFile);
  const DatasetKey key = annotationDatasetKey(*dataset);
  // Opening the session finishes a save that a killed studio left pending.
  AnnotationSession session(project, folder, SampleCatalog::of(*dataset), key);
  const bool quiet = args.has("quiet");
  if (session.repairedSaves() && !quiet)
    std::printf("finished %zu interrupted save(s) from the journal\n", session.repairedSaves());
  for (const std::string& line : session.unrepairableSaves())  // the files on disk are exported
    printWarning(project.path().string() + ": " + line);

  AnnotationExportInfo info;
  info.version = HANDALIGN_VERSION;
  info.dataset = key;
  info.projectFile = fs::absolute(projectFile).lexically_normal().string();
  ProgressBar bar("export");
  const AnnotationExportCounts counts = exportAnnotations(
      session.store(), session.reviewRecords(), info, out, args.has("overwrite"),
      [&](std::size_t done, std::size_t total) {
        if (!quiet) bar.update(done, total);
      },
      &interruptToken());
  bar.finish();
  if (!quiet)
    std::printf("exported %zu corrected masks (%zu with parts) and %zu review states to %s\n",
                counts.masks, counts.parts, counts.reviewed, out.string().c_str());
  return 0;
}

int runCheck(const std::vector<std::string>& argv) {
  const Args args(argv, {"project", "dataset", "split", "format", "dataset-format", "annotations"},
                  {"quiet"});
  if (!args.positional().empty())
    throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
  const std::unique_ptr<Dataset> dataset = openDataset(args);
  const fs::path folder = annotationFolder(args, *dataset);
  requireFolder(folder);
  const AnnotationStore store(folder, SampleCatalog::of(*dataset), AnnotationStore::Mode::ReadOnly);
  const std::vector<AnnotationProblem> problems = store.scan();
  std::size_t invalid = 0, parts = 0;
  const std::vector<std::size_t> corrected = store.corrected();
  for (std::size_t i : corrected) parts += store.hasParts(i) ? 1 : 0;
  for (const AnnotationProblem& p : problems) {
    const bool bad = p.kind == AnnotationProblem::Kind::Invalid;
    invalid += bad ? 1 : 0;
    std::printf("%s %s\n", bad ? "invalid:" : "ignored:", p.message().c_str());
  }
  if (!args.has("quiet") || invalid)
    std::printf("%s: %zu corrected masks (%zu with parts), %zu invalid, %zu ignored files\n",
                folder.string().c_str(), corrected.size(), parts, invalid,
                problems.size() - invalid);
  return invalid ? 1 : 0;
}

}  // namespace

int runAnnotations(const std::vector<std::string>& argv) {
  if (argv.empty()) throw UsageError("annotations needs a subcommand: export or check");
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (argv[0] == "export") return runExport(rest);
  if (argv[0] == "check") return runCheck(rest);
  throw UsageError("unknown annotations subcommand \"" + argv[0] + "\" (export or check)");
}

}  // namespace handalign::cli
