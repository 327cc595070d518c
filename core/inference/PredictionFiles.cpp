#include "inference/PredictionFiles.h"

#include "annotation/NetworkSegmentation.h"
#include "eval/Report.h"
#include "io/AtomicFile.h"
#include "io/ImageIO.h"
#include "io/JsonWriter.h"
#include "util/Error.h"

#include <unistd.h>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace handalign {
namespace fs = std::filesystem;

namespace {

std::string absoluteText(const fs::path& p) {
  return p.empty() ? std::string() : fs::absolute(p).lexically_normal().string();
}

std::string describeFrame(const ModelManifest& m) {
  const std::string hand = std::string(", ") + handSideName(m.modelSide) + "-hand model" +
                           (m.mirrorOther ? ", other hand mirrored" : "");
  if (m.frame == CoordinateFrame::Camera) return "camera frame, metres" + hand;
  if (m.frame == CoordinateFrame::CropCamera)
    return "crop camera, focal " + formatNumber(m.cropFocal) + " px over " +
           formatNumber(m.cropSize) + " px" + hand;
  std::string root =
      m.rootDepth == RootDepthSource::Fixed  ? "fixed " + formatNumber(m.rootDepthValue) + " m"
      : m.rootDepth == RootDepthSource::File ? "file " + m.rootDepthFile.string()
                                             : "GT joint " + std::to_string(m.rootJoint);
  if (m.frame == CoordinateFrame::RootRelative)
    return "root-relative metres, root joint " + std::to_string(m.rootJoint) + " at " + root + hand;
  return "lixel, " + std::to_string(m.lixelBins) + " bins, depth box " + formatNumber(m.depthBox) +
         " m, root depth " + root + hand;
}

std::string describeCrop(const ModelManifest& m) {
  const char* source = m.crop == CropSource::Mask     ? "GT mask"
                       : m.crop == CropSource::Joints ? "GT joints"
                       : m.crop == CropSource::Box    ? "box file"
                                                      : "whole image";
  return std::string(source) + " box x " + formatNumber(m.enlarge) + ", " +
         std::to_string(m.inputSize) + " px square";
}

}  // namespace

InferenceProvenance makeProvenance(const ModelRunner& runner, const Dataset& dataset,
                                   const HandModel& handModel, const fs::path& handModelFile,
                                   const std::string& version) {
  const ModelManifest& m = runner.manifest();
  InferenceProvenance p;
  p.version = version;
  p.modelName = m.name;
  p.manifestFile = absoluteText(m.file);
  p.checkpointFile = absoluteText(m.checkpoint);
  p.checkpointFingerprint = fileFingerprint(m.checkpoint);
  p.architecture = m.architecture;
  p.frame = describeFrame(m);
  p.crop = describeCrop(m);
  p.datasetRoot = absoluteText(dataset.root());
  p.datasetFormat = dataset.formatId();
  p.split = dataset.split();
  p.datasetSize = dataset.size();
  p.handModelName = handModel.name;
  p.handModelFile = absoluteText(handModelFile);
  p.device = runner.deviceName();
  p.batchSize = runner.options().batchSize;
  p.half = runner.options().half;
  return p;
}

// One output file: joints kept as text in memory (small), vertices streamed to a scratch file.
struct PredictionFileWriter::Stream {
  fs::path target, scratch;
  std::ofstream vertices;
  std::string joints, buffer;
  ~Stream() {
    vertices.close();
    if (!scratch.empty()) ::unlink(scratch.c_str());
  }
};

PredictionFileWriter::PredictionFileWriter(fs::path dir, Shard shard)
    : dir_(std::move(dir)), shard_(shard) {}

PredictionFileWriter::~PredictionFileWriter() {
  streams_.clear();
  std::error_code ec;
  if (!staging_.empty()) fs::remove_all(staging_, ec);
  if (!committed_)  // folders moved out of the staging folder but never declared
    for (const fs::path& f : moved_) fs::remove_all(f, ec);
  if (!committed_ && madeDir_ && fs::is_empty(dir_, ec)) fs::remove(dir_, ec);
}

void PredictionFileWriter::add(const SampleInference& s) {
  const std::size_t expected = std::size_t(shard_.index) + count_ * std::size_t(shard_.count);
  if (s.sample != expected)
    throw std::invalid_argument("prediction files take the samples of shard " + shard_.str() +
                                " in order (got " + std::to_string(s.sample) + ", expected " +
                                std::to_string(expected) + ")");
  if (count_ == 0) {
    refined_ = s.refinedVertices.rows() > 0;
    makeDir();
    for (const char* name : {"pred_rough.json", "pred_refined.json"}) {
      if (!refined_ && std::string(name) == "pred_refined.json") break;
      auto stream = std::make_unique<Stream>();
      stream->target = dir_ / name;
      stream->scratch =
          dir_ / ("." + std::string(name) + ".vertices-" + std::to_string(::getpid()));
      stream->vertices.open(stream->scratch, std::ios::binary | std::ios::trunc);
      if (!stream->vertices) throw InputError(stream->target, "cannot write");
      streams_.push_back(std::move(stream));
    }
  }
  if ((s.refinedVertices.rows() > 0) != refined_)
    throw std::invalid_argument("every sample needs a refined mesh, or none");
  const Points* meshes[2][2] = {{&s.roughJoints, &s.roughVertices},
                                {&s.refinedJoints, &s.refinedVertices}};
  for (std::size_t k = 0; k < streams_.size(); ++k) {
    Stream& out = *streams_[k];
    if (count_) out.joints += ", ";
    appendPredictionPoints(out.joints, viewOf(*meshes[k][0]));
    out.buffer.clear();
    if (count_) out.buffer += ", ";
    appendPredictionPoints(out.buffer, viewOf(*meshes[k][1]));
    out.vertices.write(out.buffer.data(), std::streamsize(out.buffer.size()));
    if (!out.vertices) throw InputError(out.target, "cannot write (disk full?)");
  }
  ++count_;
}

void PredictionFileWriter::makeDir() {
  std::error_code ec;
  if (fs::exists(dir_, ec)) return;
  fs::create_directories(dir_, ec);
  if (ec) throw InputError(dir_, "cannot create output folder: " + ec.message());
  madeDir_ = true;
}

void PredictionFileWriter::addSegmentation(const std::string& id, const LabelImage& labels,
                                           int classes) {
  if (id.empty() || id.find('/') != std::string::npos || id[0] == '.')
    throw std::invalid_argument("a sample id \"" + id + "\" cannot name a file");
  makeDir();
  if (staging_.empty()) {
    // One name per run: infer.json, renamed into place last, is what switches to it.
    runTag_ = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count()) +
              "-" + std::to_string(::getpid());
    staging_ = dir_ / (".segmentation-" + runTag_);
    std::error_code ec;
    fs::remove_all(staging_, ec);
    parts_ = classesAreParts(classes);
    for (const char* sub : {"segmentation", "segmentation_parts"}) {
      if (!parts_ && std::string(sub) == "segmentation_parts") break;
      fs::create_directories(staging_ / sub, ec);
      if (ec) throw InputError(staging_, "cannot create: " + ec.message());
    }
  }
  LabelImage hand = labels;
  for (std::uint8_t& v : hand.pixels) v = v ? 255 : 0;
  writeGrayImage(staging_ / "segmentation" / (id + ".png"), hand);
  if (parts_) writeGrayImage(staging_ / "segmentation_parts" / (id + ".png"), labels);
}

void PredictionFileWriter::commit(const InferenceProvenance& provenance) {
  if (count_ == 0) throw std::invalid_argument("no predictions to write");
  std::vector<std::unique_ptr<AtomicWriter>> files;
  for (auto& stream : streams_) {
    Stream& s = *stream;
    s.vertices.close();
    if (!s.vertices) throw InputError(s.target, "cannot write (disk full?)");
    auto file = std::make_unique<AtomicWriter>(s.target);
    file->write("[[" + s.joints + "], [");
    std::ifstream in(s.scratch, std::ios::binary);
    std::vector<char> chunk(1 << 20);
    while (in.read(chunk.data(), std::streamsize(chunk.size())) || in.gcount() > 0)
      file->write(chunk.data(), std::size_t(in.gcount()));
    file->write("]]\n");
    files.push_back(std::move(file));
  }
  // The segmentation folders under this run's names first (nothing declares them yet), then the
  // files; infer.json, renamed last, declares them. Older ones are removed after that.
  std::string hand, parts;
  if (!staging_.empty()) {
    for (const char* sub : {"segmentation", "segmentation_parts"}) {
      const fs::path fresh = staging_ / sub;
      std::error_code ec;
      if (!fs::exists(fresh, ec)) continue;
      const std::string name = std::string(sub) + "-" + runTag_;
      fs::rename(fresh, dir_ / name, ec);
      if (ec) throw InputError(dir_ / name, "cannot be written: " + ec.message());
      moved_.push_back(dir_ / name);
      (std::string(sub) == "segmentation" ? hand : parts) = name;
    }
  }
  auto info = std::make_unique<AtomicWriter>(dir_ / "infer.json");
  InferenceRecord record;
  record.provenance = provenance;
  record.samples = count_;
  record.refined = refined_;
  record.shard = shard_;
  record.segmentationHand = hand, record.segmentationParts = parts;
  info->write(inferenceRecordJson(record));
  files.push_back(std::move(info));
  for (auto& f : files) f->commit();
  committed_ = true;
  // What an earlier run wrote is no longer declared: segmentation[_parts][-<run>] of other runs.
  std::error_code ec;
  std::vector<fs::path> undeclared;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string n = entry.path().filename().string();
    const bool ours = n == "segmentation" || n == "segmentation_parts" ||
                      n.rfind("segmentation-", 0) == 0 || n.rfind("segmentation_parts-", 0) == 0;
    if (ours && n != hand && n != parts && entry.is_directory(ec) && !entry.is_symlink(ec))
      undeclared.push_back(entry.path());
  }
  for (const fs::path& f : undeclared) fs::remove_all(f, ec);
  if (!staging_.empty()) fs::remove_all(staging_, ec);
  staging_.clear();
  streams_.clear();
}

void writePredictionFiles(const fs::path& dir, const std::vector<SampleInference>& results,
                          const InferenceProvenance& provenance) {
  PredictionFileWriter writer(dir);
  for (const SampleInference& s : results) writer.add(s);
  writer.commit(provenance);
}

std::vector<Prediction> toPredictions(const std::vector<SampleInference>& results,
                                      std::size_t datasetSize, const std::string& prefix) {
  if (results.empty()) return {};
  const bool refined = results.front().refinedVertices.rows() > 0;
  const int vertices = int(results.front().roughVertices.rows());
  std::vector<Prediction> out;
  for (int k = 0; k < (refined ? 2 : 1); ++k) {
    Prediction p;
    p.name = prefix + (k ? "refined" : "rough");
    p.joints = NumericArray(datasetSize, kJointCount, 3);
    p.vertices = NumericArray(datasetSize, vertices, 3);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < datasetSize; ++i) {
      std::fill_n(p.joints.mutableItem(i), p.joints.itemSize(), nan);
      std::fill_n(p.vertices.mutableItem(i), p.vertices.itemSize(), nan);
    }
    for (const SampleInference& s : results) {
      if (s.sample >= datasetSize) throw std::out_of_range("sample outside the dataset");
      const Points& joints = k ? s.refinedJoints : s.roughJoints;
      const Points& verts = k ? s.refinedVertices : s.roughVertices;
      std::copy_n(joints.data(), joints.size(), p.joints.mutableItem(s.sample));
      std::copy_n(verts.data(), verts.size(), p.vertices.mutableItem(s.sample));
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace handalign
