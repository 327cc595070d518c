#include "project/AnnotationExport.h"

#include "io/OutputFolder.h"

#include "io/Csv.h"
#include "io/JsonWriter.h"
#include "util/Error.h"

#include <QDateTime>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace handalign {
namespace fs = std::filesystem;
namespace {

constexpr const char* kFormat = "handalign.annotations_export";

bool isEmptyFolder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
}

bool isEarlierExport(const fs::path& dir) {
  std::ifstream in(dir / "provenance.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.find(std::string("\"") + kFormat + "\"") != std::string::npos;
}

std::string provenanceJson(const AnnotationExportInfo& info, const AnnotationStore& store,
                           const AnnotationExportCounts& counts) {
  JsonWriter w;
  w.beginObject().key("format").value(kFormat).key("version").value(1);
  w.key("tool").value(info.tool).key("tool_version").value(info.version);
  w.key("exported_at")
      .value(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
  w.key("dataset").beginObject().key("root").value(info.dataset.root);
  w.key("format").value(info.dataset.format).key("split").value(info.dataset.split);
  w.key("size").value(info.dataset.size).endObject();
  w.key("project").value(info.projectFile);
  w.key("annotation_folder").value(store.folder().string());
  w.key("masks").value(counts.masks).key("parts").value(counts.parts);
  w.key("reviewed").value(counts.reviewed);
  w.key("layout").value(
      "mask/<sample id>.png: 8-bit grey, 0 background, 255 hand (FreiHAND's training/mask); "
      "parts/<sample id>.png: 8-bit, 0 none, 1 palm, 2 thumb, 3 index, 4 middle, 5 ring, 6 pinky; "
      "both at the sample image's size; review.csv: one row per sample");
  w.endObject();
  return w.str();
}

}  // namespace

std::string reviewCsv(const AnnotationStore& store, const std::vector<ReviewRecord>& review) {
  const SampleCatalog& catalog = store.catalog();
  std::vector<const ReviewRecord*> bySample(catalog.size(), nullptr);
  for (const ReviewRecord& r : review)
    if (r.sampleIndex < bySample.size()) bySample[r.sampleIndex] = &r;
  std::vector<bool> corrected(catalog.size(), false);
  for (std::size_t i : store.corrected()) corrected[i] = true;
  std::string out = "sample_index,sample_id,state,user,updated_at,has_correction,has_parts\n";
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    const ReviewRecord* r = bySample[i];
    out += std::to_string(i) + "," + csvField(catalog.id(i)) + "," +
           toString(r ? r->state : ReviewState::Todo) + "," + (r ? csvField(r->user) : "") + "," +
           (r ? csvField(r->updatedAt) : "") + "," + (corrected[i] ? "1" : "0") + "," +
           (corrected[i] && store.hasParts(i) ? "1" : "0") + "\n";
  }
  return out;
}

AnnotationExportCounts exportAnnotations(const AnnotationStore& store,
                                         const std::vector<ReviewRecord>& review,
                                         const AnnotationExportInfo& info, const fs::path& outArg,
                                         bool overwrite, const ProgressCallback& progress,
                                         const CancellationToken* cancel) {
  const fs::path out = fs::absolute(outArg).lexically_normal();
  const fs::path target = out.has_filename() ? out : out.parent_path();
  std::error_code ec;
  const bool replace = fs::exists(target, ec) && !isEmptyFolder(target);
  if (replace && !(overwrite && fs::is_directory(target, ec) && isEarlierExport(target)))
    throw InputError(target, overwrite ? "exists and is not an earlier annotation export; give "
                                         "a new folder"
                                       : "exists and is not empty (give a new folder, or "
                                         "--overwrite to replace an earlier export)");
  // Never over or inside what is exported: the annotation folder and the project.
  refuseOutputOverInputs(target, {store.folder(), fs::path(info.projectFile)});
  // Staged beside the target and swapped in as one folder (OutputFolder.h): readers see the old
  // export or the new one; a killed export leaves a staging folder the next run removes.
  StagedFolder staging(target, {}, StagedFolder::Sync::FileSystem);
  staging.addFolder("mask");
  staging.addFolder("parts");
  AnnotationExportCounts counts;
  const std::vector<std::size_t> samples = store.corrected();
  const SampleCatalog& catalog = store.catalog();
  for (std::size_t k = 0; k < samples.size(); ++k) {
    if (cancel && cancel->isCancelled()) throw Cancelled{};
    if (progress && (k & 255) == 0) progress(k, samples.size());
    const std::size_t i = samples[k];
    const MaskFiles files = store.readFiles(i);
    decodeMaskFiles(files, catalog.width(), catalog.height(), store.maskPath(i),
                    store.partsPath(i));  // checked: a bad correction stops the export
    const std::string name = catalog.id(i) + ".png";
    staging.add("mask/" + name, files.hand);
    ++counts.masks;
    if (!files.parts.empty()) staging.add("parts/" + name, files.parts), ++counts.parts;
  }
  for (const ReviewRecord& r : review)
    if (r.sampleIndex < catalog.size() && r.state != ReviewState::Todo) ++counts.reviewed;
  staging.add("review.csv", reviewCsv(store, review));
  staging.add("provenance.json", provenanceJson(info, store, counts));
  staging.commit();
  if (progress) progress(samples.size(), samples.size());
  return counts;
}

}  // namespace handalign
