#include "synth/Synthesizer.h"

#include "dataset/Predictions.h"

#include "hand/ProceduralHand.h"
#include "io/AtomicFile.h"
#include "io/ImageIO.h"
#include "io/JsonWriter.h"
#include "raster/Rasterizer.h"
#include "synth/SceneRenderer.h"
#include "util/Error.h"

#include <Eigen/Geometry>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

namespace handalign {
namespace fs = std::filesystem;
namespace {

struct SampleData {
  Intrinsics K;
  Points gtVerts, gtJoints, roughVerts, roughJoints, refinedVerts, refinedJoints;
};

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Micrometre grid: the JSON text then holds exactly the values that were rendered.
void roundTo(Points& p, double step) { p = (p / step).array().round().matrix() * step; }

Eigen::Matrix3d smallRotation(std::mt19937_64& rng, double sigmaRad) {
  std::normal_distribution<double> n(0.0, 1.0);
  const Eigen::Vector3d axis = Eigen::Vector3d(n(rng), n(rng), n(rng)).normalized();
  return Eigen::AngleAxisd(sigmaRad * n(rng), axis).toRotationMatrix();
}

Eigen::Matrix3d randomRotation(std::mt19937_64& rng) {
  std::normal_distribution<double> n(0.0, 1.0);
  return Eigen::Quaterniond(n(rng), n(rng), n(rng), n(rng)).normalized().toRotationMatrix();
}

HandPose perturbed(HandPose pose, std::mt19937_64& rng, double sigma) {
  std::normal_distribution<double> n(0.0, sigma);
  for (auto& finger : pose.fingers)
    for (double& a : finger) a += n(rng);
  return pose;
}

// Umbrella-operator smoothing: the over-smoothed look of a rough mesh regressed without refinement.
Points smoothed(const Points& v, const std::vector<std::vector<int>>& neighbours, int iterations,
                double lambda) {
  Points cur = v, next = v;
  for (int it = 0; it < iterations; ++it) {
    for (Eigen::Index i = 0; i < cur.rows(); ++i) {
      Eigen::RowVector3d mean = Eigen::RowVector3d::Zero();
      for (int j : neighbours[std::size_t(i)]) mean += cur.row(j);
      mean /= double(neighbours[std::size_t(i)].size());
      next.row(i) = cur.row(i) + lambda * (mean - cur.row(i));
    }
    std::swap(cur, next);
  }
  return cur;
}

// A smooth random displacement field (metres), like the low-frequency residual of a regressor.
void addSmoothNoise(Points& v, std::mt19937_64& rng, double amplitude) {
  std::normal_distribution<double> n(0.0, 1.0);
  std::uniform_real_distribution<double> phase(0.0, 2 * M_PI);
  for (int k = 0; k < 3; ++k) {
    const Eigen::Vector3d freq = Eigen::Vector3d(n(rng), n(rng), n(rng)) * 40.0;  // ~ 1/(2.5 cm)
    const double ph = phase(rng);
    for (Eigen::Index i = 0; i < v.rows(); ++i)
      v(i, k) += amplitude * std::sin(v.row(i).dot(freq) + ph);
  }
}

void applyGlobalError(Points& v, std::mt19937_64& rng, double rotSigma, double xySigma,
                      double zSigma, double scaleSigma) {
  std::normal_distribution<double> n(0.0, 1.0);
  const Eigen::RowVector3d c = v.colwise().mean();
  const Eigen::Matrix3d r = smallRotation(rng, rotSigma);
  const double s = 1.0 + scaleSigma * n(rng);
  const Eigen::RowVector3d t(xySigma * n(rng), xySigma * n(rng), zSigma * n(rng));
  v = (((v.rowwise() - c) * r.transpose()) * s).rowwise() + (c + t);
}

std::vector<std::vector<int>> neighbourLists(const HandModel& m) {
  std::vector<std::vector<int>> nb(std::size_t(m.vertexCount));
  for (const auto& f : m.faces)
    for (int k = 0; k < 3; ++k) {
      auto& list = nb[std::size_t(f[std::size_t(k)])];
      for (int j : {f[std::size_t((k + 1) % 3)], f[std::size_t((k + 2) % 3)]})
        if (std::find(list.begin(), list.end(), j) == list.end()) list.push_back(j);
    }
  return nb;
}

SampleData makeSample(const ProceduralHand& hand, const std::vector<std::vector<int>>& nb,
                      std::uint64_t seed, std::size_t index, int size) {
  std::mt19937_64 rng(splitmix(seed * 0x100000001B3ull + index));
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::normal_distribution<double> n(0.0, 1.0);
  const HandModel& model = hand.model();

  HandPose pose = ProceduralHand::randomArticulation(rng);
  pose.globalRotation = randomRotation(rng);
  pose.scale = 0.88 + 0.24 * u(rng);
  SampleData s;
  const double f = (470.0 + 180.0 * u(rng)) * size / 224.0;
  const double c = (size - 1) / 2.0;
  s.K.K << f, 0, std::round((c + 2.5 * n(rng)) * 1e4) / 1e4, 0, f,
      std::round((c + 2.5 * n(rng)) * 1e4) / 1e4, 0, 0, 1;
  s.K.K(0, 0) = s.K.K(1, 1) = std::round(f * 1e4) / 1e4;

  // Place the hand's centroid in front of the camera so that it fills most of the crop, as in
  // FreiHAND.
  const Points rest = hand.pose(pose).vertices;
  const Eigen::RowVector3d centroid = rest.colwise().mean();
  double depth = 0.50 + 0.20 * u(rng);
  const Eigen::Vector2d shift(6.0 * n(rng), 6.0 * n(rng));  // pixels
  for (int attempt = 0; attempt < 8; ++attempt) {
    const Eigen::Vector3d target((shift.x() + c - s.K.K(0, 2)) * depth / f,
                                 (shift.y() + c - s.K.K(1, 2)) * depth / f, depth);
    pose.wristPosition = target - centroid.transpose();
    const Points v = hand.pose(pose).vertices;
    double maxOut = 0;  // how far the hand leaves the image, in pixels
    for (Eigen::Index i = 0; i < v.rows(); ++i) {
      const Eigen::Vector2d p = s.K.project(v.row(i).transpose());
      maxOut = std::max({maxOut, -p.x(), -p.y(), p.x() - (size - 1), p.y() - (size - 1)});
    }
    if (maxOut <= 4.0) break;
    depth *= 1.12;
  }
  s.gtVerts = hand.pose(pose).vertices;
  roundTo(s.gtVerts, 1e-6);
  s.gtJoints = model.regressJoints(viewOf(s.gtVerts));

  // Rough mesh M_r: coarser pose, over-smoothed, globally off. Refined M_f: close to the hand.
  s.roughVerts = smoothed(hand.pose(perturbed(pose, rng, 0.10)).vertices, nb, 4, 0.5);
  addSmoothNoise(s.roughVerts, rng, 0.0025);
  applyGlobalError(s.roughVerts, rng, 0.06, 0.006, 0.015, 0.03);
  s.refinedVerts = hand.pose(perturbed(pose, rng, 0.035)).vertices;
  addSmoothNoise(s.refinedVerts, rng, 0.0008);
  applyGlobalError(s.refinedVerts, rng, 0.02, 0.002, 0.005, 0.01);
  roundTo(s.roughVerts, 1e-6);
  roundTo(s.refinedVerts, 1e-6);
  s.roughJoints = model.regressJoints(viewOf(s.roughVerts));
  s.refinedJoints = model.regressJoints(viewOf(s.refinedVerts));
  for (Points* p : {&s.gtJoints, &s.roughJoints, &s.refinedJoints}) roundTo(*p, 1e-6);
  return s;
}

std::string fileId(std::size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08zu", i);
  return buf;
}

void writePoints(AtomicWriter& out, const Points& p, std::string& buf) {
  buf.clear();
  buf += '[';
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    if (i) buf += ", ";
    buf += '[' + formatNumber(p(i, 0)) + ", " + formatNumber(p(i, 1)) + ", " +
           formatNumber(p(i, 2)) + ']';
  }
  buf += ']';
  out.write(buf);
}

template <typename Get>
void writeList(AtomicWriter& out, const std::vector<SampleData>& samples, Get get) {
  std::string buf;
  out.write("[", 1);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (i) out.write(", ", 2);
    writePoints(out, get(samples[i]), buf);
  }
  out.write("]", 1);
}

void writeAnnotations(const fs::path& dir, const std::vector<SampleData>& samples) {
  {
    AtomicWriter k(dir / "training_K.json");
    std::vector<Points> ks;
    k.write("[");
    std::string buf;
    for (std::size_t i = 0; i < samples.size(); ++i) {
      if (i) k.write(", ");
      const Points m = samples[i].K.K;
      writePoints(k, m, buf);
    }
    k.write("]");
    k.commit();
  }
  const std::pair<const char*, Points SampleData::*> lists[] = {
      {"training_xyz.json", &SampleData::gtJoints}, {"training_verts.json", &SampleData::gtVerts}};
  for (const auto& [name, member] : lists) {
    AtomicWriter w(dir / name);
    writeList(w, samples, [m = member](const SampleData& s) -> const Points& { return s.*m; });
    w.commit();
  }
  const std::tuple<const char*, Points SampleData::*, Points SampleData::*> preds[] = {
      {"pred_rough.json", &SampleData::roughJoints, &SampleData::roughVerts},
      {"pred_refined.json", &SampleData::refinedJoints, &SampleData::refinedVerts}};
  // The two files' roles, declared for the studio's Open Dataset and dropped folders.
  {
    AtomicWriter w(dir / "predictions.json");
    w.write(declaredPredictionsJson(
        {{"rough", "pred_rough.json", {}}, {"refined", "pred_refined.json", "rough"}}));
    w.commit();
  }
  for (const auto& [name, joints, verts] : preds) {
    AtomicWriter w(dir / name);
    w.write("[");
    writeList(w, samples, [m = joints](const SampleData& s) -> const Points& { return s.*m; });
    w.write(", ");
    writeList(w, samples, [m = verts](const SampleData& s) -> const Points& { return s.*m; });
    w.write("]");
    w.commit();
  }
}

}  // namespace

void synthesize(const SynthOptions& o, const ProgressCallback& progress,
                const CancellationToken* cancel) {
  std::error_code ec;
  if (fs::exists(o.out, ec) && !fs::is_empty(o.out, ec) && !o.force)
    throw InputError(o.out, "exists and is not empty (use --force to replace it)");
  const fs::path out = fs::absolute(o.out).lexically_normal();
  const fs::path staging = out.parent_path() / ("." + out.filename().string() + ".partial-" +
                                                std::to_string(::getpid()));
  fs::remove_all(staging, ec);
  fs::create_directories(staging / "training" / "rgb", ec);
  fs::create_directories(staging / "training" / "mask", ec);
  if (ec) throw InputError(staging, "cannot create: " + ec.message());
  struct Cleanup {
    fs::path dir;
    bool keep = false;
    ~Cleanup() {
      if (!keep) {
        std::error_code e;
        fs::remove_all(dir, e);
      }
    }
  } cleanup{staging};

  const ProceduralHand hand;
  const HandModel& model = hand.model();
  const auto nb = neighbourLists(model);
  const std::vector<std::uint8_t> faceLabels = model.faceLabels();
  std::vector<SampleData> samples(o.count);
  std::atomic<std::size_t> next{0}, done{0};
  std::exception_ptr error;
  std::mutex mutex;
  const int threads =
      o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  auto worker = [&] {
    try {
      Raster raster;
      LabelImage labels;
      for (std::size_t i; (i = next.fetch_add(1)) < o.count;) {
        if (cancel && cancel->isCancelled()) throw Cancelled{};
        SampleData s = makeSample(hand, nb, o.seed, i, o.imageSize);
        rasterize(viewOf(s.gtVerts), model.faces, s.K, o.imageSize, o.imageSize, raster);
        std::mt19937_64 styleRng(splitmix(o.seed ^ (0xABCDEFull + i)));
        const std::vector<std::uint8_t> bgr =
            renderScene(viewOf(s.gtVerts), model.faces, raster, s.K, SceneStyle::random(styleRng));
        raster.toLabels(faceLabels, labels);
        for (std::uint8_t& v : labels.pixels) v = v ? 255 : 0;
        writeJpegBgr(staging / "training" / "rgb" / (fileId(i) + ".jpg"), o.imageSize, o.imageSize,
                     bgr.data(), 92);
        writeGrayImage(staging / "training" / "mask" / (fileId(i) + ".jpg"), labels, 95);
        samples[i] = std::move(s);
        done.fetch_add(1);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!error) error = std::current_exception();
      next.store(o.count);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
  while (done.load() < o.count && !error) {
    if (progress) progress(done.load(), o.count);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::lock_guard<std::mutex> lock(mutex);
    if (error) break;
  }
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  if (progress) progress(o.count, o.count);
  if (cancel && cancel->isCancelled()) throw Cancelled{};

  writeAnnotations(staging, samples);
  saveHandModel(model, staging / "hand_model.json");
  if (cancel && cancel->isCancelled()) throw Cancelled{};
  // Swap the finished folder into place; an old one (with --force) is removed only afterwards.
  const fs::path old =
      out.parent_path() / ("." + out.filename().string() + ".old-" + std::to_string(::getpid()));
  const bool hadOld = fs::exists(out, ec);
  if (hadOld) fs::rename(out, old);
  fs::rename(staging, out);
  cleanup.keep = true;
  if (hadOld) fs::remove_all(old, ec);
}

}  // namespace handalign
