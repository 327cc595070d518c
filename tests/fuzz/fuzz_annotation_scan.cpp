// Fuzzes the annotation folder reader (annotation/AnnotationStore: open, scan, corrected, load).
#include "FuzzSupport.h"
#include "annotation/AnnotationStore.h"

using namespace handalign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::fs::path folder = fuzz::freshDir("annotations");
  fuzz::writeFiles(folder, data, size);  // e.g. mask/00000000.png, parts/00000000.png
  const SampleCatalog catalog(16, 16, {"00000000", "00000001", "00000002"});
  fuzz::expect([&] {
    const AnnotationStore store(folder, catalog, AnnotationStore::Mode::ReadWrite);
    for (const AnnotationProblem& p : store.scan()) p.message();
    for (std::size_t i : store.corrected()) {
      if (i >= catalog.size()) std::abort();
      store.readFiles(i);
      fuzz::expect([&] {
        const auto a = store.load(i);
        if (!a || a->width() != 16 || a->height() != 16) std::abort();
        if (store.hasParts(i) != a->hasParts()) std::abort();
      });
    }
  });
  return 0;
}
