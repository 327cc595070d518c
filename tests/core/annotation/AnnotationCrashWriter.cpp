// Test helper for TestAnnotationDurability: saves, reverts, rolls back and reviews corrected masks
// in an endless loop until it is killed. Usage: annotation_crash_writer PROJECT FOLDER SEED
#include "project/AnnotationSession.h"

#include <cstdio>
#include <cstdlib>
#include <random>

using namespace handalign;

namespace {

constexpr int kW = 48, kH = 40;
constexpr std::size_t kSamples = 8;

SampleCatalog catalog() {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < kSamples; ++i) ids.push_back("0000000" + std::to_string(i));
  return SampleCatalog(kW, kH, ids);
}

MaskAnnotation randomAnnotation(std::mt19937& rng) {
  MaskAnnotation a;
  a.hand.reset(kW, kH);
  const bool parts = rng() % 2;
  if (parts) a.parts.reset(kW, kH);
  for (int r = 0; r < 3; ++r) {
    const int x0 = int(rng() % kW), y0 = int(rng() % kH);
    const int x1 = std::min(kW, x0 + 1 + int(rng() % 30)),
              y1 = std::min(kH, y0 + 1 + int(rng() % 30));
    const std::uint8_t label = std::uint8_t(1 + rng() % 6);
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        a.hand.at(x, y) = 1;
        if (parts) a.parts.at(x, y) = label;
      }
  }
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: annotation_crash_writer PROJECT FOLDER SEED\n");
    return 2;
  }
  try {
    ProjectStore project;
    project.open(argv[1]);
    AnnotationSession session(project, argv[2], catalog(),
                              DatasetKey{"/crash/dataset", "synthetic", "training", kSamples});
    std::printf("ready\n");
    std::fflush(stdout);
    std::mt19937 rng(unsigned(std::strtoul(argv[3], nullptr, 10)));
    const char* actions[] = {"brush", "polygon fill", "GrabCut", "save"};
    for (;;) {
      const std::size_t sample = rng() % kSamples;
      const unsigned r = rng() % 100;
      if (r < 75) {
        session.save(sample, randomAnnotation(rng), actions[rng() % 4]);
      } else if (r < 85) {
        session.revert(sample);
      } else if (r < 93) {
        std::vector<std::int64_t> ids;
        for (const JournalEntry& e : session.journal(sample))
          if (e.changesMask) ids.push_back(e.id);
        if (!ids.empty()) session.rollback(ids[rng() % ids.size()]);
      } else {
        session.setReviewState(sample, ReviewState(rng() % 4));
        session.setResume(sample, actions[rng() % 4]);
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "annotation_crash_writer: %s\n", e.what());
    return 1;
  }
}
