// Fuzzes the project file (project/ProjectStore, AnnotationSession): open, read, export
// annotations.
#include "FuzzSupport.h"
#include "eval/Evaluator.h"
#include "project/AnnotationExport.h"
#include "project/AnnotationSession.h"
#include "project/ProjectStore.h"

#include <QCoreApplication>

using namespace handalign;

namespace {
const SampleCatalog kCatalog(16, 16, {"00000000", "00000001", "00000002"});
const DatasetKey kKey{"/fuzz/dataset", "freihand", "training", 3};

void readAll(ProjectStore& project, const fuzz::fs::path& folder, const fuzz::fs::path& out) {
  for (const StoredRun& run : project.runs()) {
    fuzz::expect([&] { project.loadRun(run.id); });
    fuzz::expect([&] { project.loadRunTotals(run.id); });
  }
  AnnotationSession session(project, folder, kCatalog, kKey);  // finishes pending saves
  for (std::size_t i = 0; i < kCatalog.size(); ++i)
    for (const JournalEntry& e : session.journal(i)) {
      fuzz::expect([&] { project.previousVersion(e.id); });
      fuzz::expect([&] { session.versionBefore(e.id); });
    }
  session.reviewStates(), session.resume();
  AnnotationExportInfo info;
  info.dataset = kKey;
  exportAnnotations(session.store(), session.reviewRecords(), info, out, true);
}

// A seed: one stored run, an applied save, a pending one and review states.
void writeSeed(const fuzz::fs::path& file) {
  ProjectStore project;
  project.open(file);
  RunInfo info;
  info.datasetRoot = kKey.root, info.datasetFormat = kKey.format, info.split = kKey.split;
  info.datasetSize = 3, info.predictionFiles = {{"rough", "/fuzz/rough.json"}};
  info.predictionFingerprints = {"0"}, info.shards = {"0/1"};
  EvalResult result;
  result.predictionNames = {"rough"}, result.totals.emplace_back(kJointCount, 8);
  for (std::size_t i = 0; i < 3; ++i) {
    SampleRow row{i, kCatalog.id(i), "rough", {}};
    row.m.handIou = 0.5 + 0.1 * double(i);
    result.rows.push_back(row);
  }
  result.sampleCount = 3;
  project.saveRun(info, result);
  AnnotationSession session(project, file.parent_path() / "seed-annotations", kCatalog, kKey);
  MaskAnnotation a{LabelImage(16, 16, 0), LabelImage(16, 16, 0)};
  for (int y = 4; y < 12; ++y)
    for (int x = 4; x < 12; ++x) a.hand.at(x, y) = 1, a.parts.at(x, y) = std::uint8_t(1 + x % 6);
  session.save(0, a, "brush");
  session.setReviewState(0, ReviewState::Accepted);
  session.setReviewState(2, ReviewState::NeedsAnotherLook);
  session.setResume(0, "brush");
  project.recordSave({session.datasetId(), 1, kCatalog.id(1)}, "polygon", {},
                     encodeMaskAnnotation(a));  // pending: its files never written
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  static QCoreApplication app(*argc, *argv);
  if (const char* seed = std::getenv("HANDALIGN_FUZZ_WRITE_SEED")) {  // docs/reliability.md
    writeSeed(seed);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::fs::path dir = fuzz::freshDir("project");
  fuzz::writeFile(dir / "project.handalign",
                  std::string(reinterpret_cast<const char*>(data), size));
  fuzz::expect([&] {
    ProjectStore project;
    project.open(dir / "project.handalign");
    readAll(project, dir / "annotations", dir / "export");
  });
  return 0;
}
