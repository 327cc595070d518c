#include "hand/HandMeshBuilder.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

// The hand is one closed genus-0 surface made of tubes that share their end rings:
// a palm tube (capped at the wrist) whose distal ring is the four knuckle rings side by side, with
// a quad of web between neighbouring knuckles, and a thumb tube leaving through a hole in the
// palm's radial side. Every tube ring runs clockwise about the tube's axis, so one band rule
// (addBand) gives outward faces everywhere and neighbouring tubes share edges in opposite senses.

namespace handalign {
namespace {

using Vec3 = Eigen::Vector3d;
using Loop = std::vector<int>;  // vertex indices of a closed ring
using BoneWeights = std::vector<std::pair<int, double>>;

constexpr double kPi = 3.14159265358979323846;
constexpr int kFingerRing = 8;                 // vertices around a finger
constexpr int kPalmColumns = 4 * kFingerRing;  // the palm's distal ring is the four knuckle rings
constexpr int kPalmRows = 10;                  // wrist ring plus nine rows up to the knuckles
// The thumb leaves through a hole of 2 × 5 palm cells on the radial (+x) side, from near the wrist
// to mid-palm like the thenar; its boundary has 2·(2 + 5) vertices, which fixes the thumb's ring.
constexpr int kHoleRow0 = 1, kHoleRow1 = 6, kHoleCol0 = 15, kHoleCol1 = 17;
constexpr int kThumbRing = 2 * ((kHoleRow1 - kHoleRow0) + (kHoleCol1 - kHoleCol0));

// Rest-frame design of one digit, straight along dir.
struct DigitSpec {
  Part part = Part::Palm;
  int baseJoint = 0;  // FreiHAND index of its first joint
  Vec3 base;          // first joint: MCP (thumb: CMC)
  Vec3 dir;
  Vec3 pad;                       // volar normal
  std::array<double, 3> lengths;  // base→PIP→DIP→tip; the tip lies on the surface
  double radius = 0.0;            // at the base; tapers by 18 % to the tip
  double baseBulge = 0.0;         // extra radius at the base fading out by the second joint
  int ringSize = kFingerRing;
  std::array<double, 2> proximalRings = {1.0 / 3, 2.0 / 3};  // as fractions of the first bone

  Vec3 side() const { return dir.cross(pad); }
  double length() const { return lengths[0] + lengths[1] + lengths[2]; }
  double radiusAt(double s) const {
    const double bulge = baseBulge * std::max(0.0, 1.0 - s / lengths[0]);
    return radius * (1.0 - 0.18 * s / length()) + bulge;
  }
};

// Adult right-hand proportions (metres): middle fingertip 0.189 from the wrist, palm ~0.085 wide.
DigitSpec fingerSpec(Part part, int baseJoint, double x, double y, double fan,
                     std::array<double, 3> lengths, double radius) {
  DigitSpec d;
  d.part = part;
  d.baseJoint = baseJoint;
  d.base = Vec3(x, y, 0.0);
  d.dir = Vec3(std::sin(fan), std::cos(fan), 0.0);  // fan > 0 leans towards the thumb
  d.pad = Vec3::UnitZ();
  d.lengths = lengths;
  d.radius = radius;
  return d;
}

std::array<DigitSpec, 4> fingerSpecs() {  // index, middle, ring, pinky
  return {fingerSpec(Part::Index, 5, 0.033, 0.090, 0.05, {0.040, 0.024, 0.021}, 0.0088),
          fingerSpec(Part::Middle, 9, 0.0115, 0.094, 0.0, {0.045, 0.028, 0.022}, 0.0091),
          fingerSpec(Part::Ring, 13, -0.0095, 0.089, -0.05, {0.042, 0.027, 0.021}, 0.0085),
          fingerSpec(Part::Pinky, 17, -0.0295, 0.080, -0.12, {0.033, 0.019, 0.019}, 0.0075)};
}

// The thumb points distally and radially, a little volar, with its pad turned towards the palm so
// that flexion carries it across the palm. Its base (CMC) is set later from the hole.
DigitSpec thumbSpec() {
  DigitSpec d;
  d.part = Part::Thumb;
  d.baseJoint = 1;
  d.dir = Vec3(0.50, 0.80, 0.32).normalized();
  const Vec3 pad(-0.55, 0.0, 0.83);
  d.pad = (pad - pad.dot(d.dir) * d.dir).normalized();
  d.lengths = {0.042, 0.031, 0.027};
  d.radius = 0.0105;
  d.baseBulge = 0.006;  // thenar
  d.ringSize = kThumbRing;
  d.proximalRings = {0.5, 0.78};  // the tall hole reaches past the first third of the bone
  return d;
}

// Bones influencing a ring at arc length s along a digit: one segment's bone, or half-half on a
// joint so that the joint ring bends by half the joint angle.
BoneWeights bonesAt(const DigitSpec& d, double s) {
  const int b = d.baseJoint;
  const double pip = d.lengths[0], dip = d.lengths[0] + d.lengths[1];
  constexpr double eps = 1e-9;
  if (std::abs(s - pip) < eps) return {{b, 0.5}, {b + 1, 0.5}};
  if (std::abs(s - dip) < eps) return {{b + 1, 0.5}, {b + 2, 0.5}};
  return {{s < pip ? b : (s < dip ? b + 1 : b + 2), 1.0}};
}

// Smooth the rigid per-ring weights over the mesh graph so skin stretches over a few rings around
// each joint instead of folding at one, then keep the four largest.
std::vector<HandMeshData::SkinWeights> smoothSkinning(
    const std::vector<BoneWeights>& rigid, const std::vector<std::array<int, 3>>& faces) {
  const int n = static_cast<int>(rigid.size());
  std::vector<std::set<int>> neighbours(n);
  for (const auto& f : faces)
    for (int k = 0; k < 3; ++k) {
      neighbours[f[k]].insert(f[(k + 1) % 3]);
      neighbours[f[(k + 1) % 3]].insert(f[k]);
    }
  std::vector<std::array<double, kJointCount>> w(n);
  for (int v = 0; v < n; ++v) {
    w[v].fill(0.0);
    for (const auto& [bone, weight] : rigid[v]) w[v][bone] += weight;
  }
  for (int iteration = 0; iteration < 3; ++iteration) {
    auto next = w;
    for (int v = 0; v < n; ++v)
      for (int j = 0; j < kJointCount; ++j) {
        double sum = 0.0;
        for (int u : neighbours[v]) sum += w[u][j];
        next[v][j] = 0.5 * w[v][j] + 0.5 * sum / static_cast<double>(neighbours[v].size());
      }
    w = std::move(next);
  }
  std::vector<HandMeshData::SkinWeights> out(n);
  for (int v = 0; v < n; ++v) {
    std::array<std::pair<int, double>, kJointCount> sorted;
    for (int j = 0; j < kJointCount; ++j) sorted[j] = {j, w[v][j]};
    std::partial_sort(sorted.begin(), sorted.begin() + 4, sorted.end(),
                      [](const auto& a, const auto& b) { return a.second > b.second; });
    double total = 0.0;
    for (int k = 0; k < 4; ++k) total += sorted[k].second;
    for (int k = 0; k < 4; ++k)
      out[v][k] = sorted[k].second > 0.0 ? std::make_pair(sorted[k].first, sorted[k].second / total)
                                         : std::make_pair(0, 0.0);
  }
  return out;
}

class MeshBuilder {
 public:
  HandMeshData build();

 private:
  int addVertex(const Vec3& p, Part part, BoneWeights bones);
  Loop addRing(const DigitSpec& d, double s, double scaleSide, double scalePad);
  void addBand(const Loop& a, const Loop& b);
  void addTriangle(int a, int b, int c) { faces_.push_back({a, b, c}); }
  void setRegressorRing(int joint, const Loop& ring);

  Loop knuckleEdge(const std::array<Loop, 4>& knuckles) const;
  std::vector<Loop> buildPalm(const Loop& knuckles);
  Vec3 palmPoint(int column, double t, const Vec3& knuckle) const;
  void buildPalmFaces(const std::vector<Loop>& rows, const Loop& knuckles);
  Loop thumbHole(const std::vector<Loop>& rows) const;
  Loop alignLoop(const Loop& loop, const DigitSpec& d) const;
  void buildDigit(const DigitSpec& d, const Loop& first);
  int addCap(const DigitSpec& d, Loop previous, double capStart);
  void buildWebs(const std::array<Loop, 4>& knuckles);
  void buildWristCap(const Loop& wristRow);

  std::vector<Vec3> vertices_;
  std::vector<Part> parts_;
  std::vector<BoneWeights> bones_;
  std::vector<std::array<int, 3>> faces_;
  HandMeshData out_;
};

int MeshBuilder::addVertex(const Vec3& p, Part part, BoneWeights bones) {
  vertices_.push_back(p);
  parts_.push_back(part);
  bones_.push_back(std::move(bones));
  return static_cast<int>(vertices_.size()) - 1;
}

// A ring clockwise about d.dir (angle from side towards pad, and side × pad = −dir). Evenly spaced
// angles put the ring's centroid exactly on the axis, which the regressor relies on.
Loop MeshBuilder::addRing(const DigitSpec& d, double s, double scaleSide, double scalePad) {
  const Vec3 centre = d.base + s * d.dir;
  const double r = d.radiusAt(s);
  Loop ring;
  for (int i = 0; i < d.ringSize; ++i) {
    const double phi = kPi + (i + 0.5) * 2.0 * kPi / d.ringSize;
    const Vec3 p =
        centre + r * (scaleSide * std::cos(phi) * d.side() + scalePad * std::sin(phi) * d.pad);
    ring.push_back(addVertex(p, d.part, bonesAt(d, s)));
  }
  return ring;
}

// Faces between two equally long rings, b further along the axis than a.
void MeshBuilder::addBand(const Loop& a, const Loop& b) {
  const size_t n = a.size();
  for (size_t i = 0; i < n; ++i) {
    const size_t k = (i + 1) % n;
    addTriangle(a[i], b[i], b[k]);
    addTriangle(a[i], b[k], a[k]);
  }
}

void MeshBuilder::setRegressorRing(int joint, const Loop& ring) {
  auto& row = out_.model.jointRegressor[joint];
  row.clear();
  for (int v : ring) row.push_back({v, 1.0 / static_cast<double>(ring.size())});
}

// The palm's distal ring: dorsal halves of the knuckle rings from the ulnar (−x) side to the
// radial side, then the volar halves back. It is clockwise about +y like each knuckle ring.
Loop MeshBuilder::knuckleEdge(const std::array<Loop, 4>& knuckles) const {
  Loop edge;
  for (int f = 3; f >= 0; --f)  // pinky first: knuckles are index..pinky
    edge.insert(edge.end(), knuckles[f].begin(), knuckles[f].begin() + kFingerRing / 2);
  for (int f = 0; f < 4; ++f)
    edge.insert(edge.end(), knuckles[f].begin() + kFingerRing / 2, knuckles[f].end());
  return edge;
}

// Palm cross-sections blend from an ellipse at the wrist through a flattened rounded box at
// mid-palm to the knuckle rings, along a quadratic curve through all three.
Vec3 MeshBuilder::palmPoint(int column, double t, const Vec3& knuckle) const {
  const double psi = kPi + (column + 0.5) * 2.0 * kPi / kPalmColumns;
  const double c = std::cos(psi), s = std::sin(psi);
  const Vec3 wrist(0.028 * c, 0.0, 0.019 * s);
  auto boxy = [](double v) { return std::copysign(std::pow(std::abs(v), 0.6), v); };
  const Vec3 mid(0.002 + 0.040 * boxy(c), 0.5 * knuckle.y(), 0.014 * boxy(s));
  const Vec3 control = 2.0 * mid - 0.5 * (wrist + knuckle);
  return (1 - t) * (1 - t) * wrist + 2 * t * (1 - t) * control + t * t * knuckle;
}

std::vector<Loop> MeshBuilder::buildPalm(const Loop& knuckles) {
  std::vector<Loop> rows(kPalmRows, Loop(kPalmColumns, -1));
  for (int i = 0; i < kPalmRows; ++i)
    for (int j = 0; j < kPalmColumns; ++j) {
      const bool inHole = i > kHoleRow0 && i < kHoleRow1 && j > kHoleCol0 && j < kHoleCol1;
      if (inHole) continue;
      const double t = static_cast<double>(i) / kPalmRows;
      rows[i][j] = addVertex(palmPoint(j, t, vertices_[knuckles[j]]), Part::Palm, {{0, 1.0}});
    }
  return rows;
}

void MeshBuilder::buildPalmFaces(const std::vector<Loop>& rows, const Loop& knuckles) {
  for (int i = 0; i < kPalmRows; ++i) {
    const Loop& a = rows[i];
    const Loop& b = i + 1 < kPalmRows ? rows[i + 1] : knuckles;
    for (int j = 0; j < kPalmColumns; ++j) {
      const bool inHole = i >= kHoleRow0 && i < kHoleRow1 && j >= kHoleCol0 && j < kHoleCol1;
      if (inHole) continue;
      const int k = (j + 1) % kPalmColumns;
      addTriangle(a[j], b[j], b[k]);
      addTriangle(a[j], b[k], a[k]);
    }
  }
}

// The hole's boundary in the sense the palm faces around it traverse it: clockwise about the
// outward normal, hence about the thumb's axis too, as a first thumb ring must be.
Loop MeshBuilder::thumbHole(const std::vector<Loop>& rows) const {
  Loop hole;
  for (int j = kHoleCol0; j <= kHoleCol1; ++j) hole.push_back(rows[kHoleRow0][j]);
  for (int i = kHoleRow0 + 1; i <= kHoleRow1; ++i) hole.push_back(rows[i][kHoleCol1]);
  for (int j = kHoleCol1 - 1; j >= kHoleCol0; --j) hole.push_back(rows[kHoleRow1][j]);
  for (int i = kHoleRow1 - 1; i > kHoleRow0; --i) hole.push_back(rows[i][kHoleCol0]);
  return hole;
}

// Rotates the hole loop so that its i-th vertex faces the thumb ring's i-th direction; otherwise
// the first thumb band would be twisted.
Loop MeshBuilder::alignLoop(const Loop& loop, const DigitSpec& d) const {
  const int n = static_cast<int>(loop.size());
  int best = 0;
  double bestScore = -1e9;
  for (int shift = 0; shift < n; ++shift) {
    double score = 0.0;
    for (int i = 0; i < n; ++i) {
      const double phi = kPi + (i + 0.5) * 2.0 * kPi / n;
      const Vec3 u = std::cos(phi) * d.side() + std::sin(phi) * d.pad;
      Vec3 v = vertices_[loop[(i + shift) % n]] - d.base;
      v -= v.dot(d.dir) * d.dir;
      score += u.dot(v.normalized());
    }
    if (score > bestScore) bestScore = score, best = shift;
  }
  Loop out(n);
  for (int i = 0; i < n; ++i) out[i] = loop[(i + best) % n];
  return out;
}

// Tube from an existing first ring to a rounded cap whose apex is the tip joint. Rings sit at
// every joint (the regressor averages them) and between joints so bends stay smooth.
void MeshBuilder::buildDigit(const DigitSpec& d, const Loop& first) {
  const double l1 = d.lengths[0], l2 = d.lengths[1];
  const double capStart = d.length() - d.radiusAt(d.length());
  const std::array<double, 7> stations = {d.proximalRings[0] * l1,
                                          d.proximalRings[1] * l1,
                                          l1,
                                          l1 + l2 / 2,
                                          l1 + l2,
                                          0.5 * (l1 + l2 + capStart),
                                          capStart};
  constexpr int kPipStation = 2, kDipStation = 4;
  Loop previous = first;
  for (int k = 0; k < int(stations.size()); ++k) {
    Loop ring = addRing(d, stations[k], 1.0, 0.9);
    addBand(previous, ring);
    if (k == kPipStation) setRegressorRing(d.baseJoint + 1, ring);
    if (k == kDipStation) setRegressorRing(d.baseJoint + 2, ring);
    previous = std::move(ring);
  }
  const int tip = addCap(d, previous, capStart);
  out_.model.jointRegressor[d.baseJoint + 3] = {{tip, 1.0}};

  HandRig& rig = out_.rig;
  rig.joints[d.baseJoint] = d.base;
  rig.joints[d.baseJoint + 1] = d.base + l1 * d.dir;
  rig.joints[d.baseJoint + 2] = d.base + (l1 + l2) * d.dir;
  rig.joints[d.baseJoint + 3] = vertices_[tip];
  const int digit = (d.baseJoint - 1) / 4;
  rig.flexionAxes[digit] = d.side();
  rig.abductionAxes[digit] = d.pad;
}

// A quarter-round cap from the last ring (at capStart) to the tip vertex on the axis; returns it.
int MeshBuilder::addCap(const DigitSpec& d, Loop previous, double capStart) {
  const double capRadius = d.radiusAt(d.length());
  for (double angle : {0.6, 1.15}) {  // rings at ~35° and ~65° of the quarter circle
    const double r = capRadius * std::cos(angle);
    const Vec3 centre = d.base + (capStart + capRadius * std::sin(angle)) * d.dir;
    Loop ring;
    for (int i = 0; i < d.ringSize; ++i) {
      const double phi = kPi + (i + 0.5) * 2.0 * kPi / d.ringSize;
      const Vec3 p = centre + r * (std::cos(phi) * d.side() + 0.9 * std::sin(phi) * d.pad);
      ring.push_back(addVertex(p, d.part, {{d.baseJoint + 2, 1.0}}));
    }
    addBand(previous, ring);
    previous = std::move(ring);
  }
  const int tip = addVertex(d.base + d.length() * d.dir, d.part, {{d.baseJoint + 2, 1.0}});
  for (size_t i = 0; i < previous.size(); ++i)
    addTriangle(previous[i], tip, previous[(i + 1) % previous.size()]);
  return tip;
}

// Closes the gap between neighbouring knuckle rings (index..pinky) with one quad: the web.
void MeshBuilder::buildWebs(const std::array<Loop, 4>& knuckles) {
  constexpr int half = kFingerRing / 2;
  for (int f = 3; f > 0; --f) {  // from the ulnar neighbour g = f to the radial one f - 1
    const Loop& ulnar = knuckles[f];
    const Loop& radial = knuckles[f - 1];
    addTriangle(ulnar[half - 1], ulnar[half], radial[kFingerRing - 1]);
    addTriangle(ulnar[half - 1], radial[kFingerRing - 1], radial[0]);
  }
}

void MeshBuilder::buildWristCap(const Loop& wristRow) {
  Loop cap;
  for (int v : wristRow) {
    const Vec3& p = vertices_[v];
    cap.push_back(addVertex(Vec3(0.7 * p.x(), -0.007, 0.7 * p.z()), Part::Palm, {{0, 1.0}}));
  }
  addBand(cap, wristRow);
  const int apex = addVertex(Vec3(0.0, -0.010, 0.0), Part::Palm, {{0, 1.0}});
  for (size_t i = 0; i < cap.size(); ++i) addTriangle(apex, cap[i], cap[(i + 1) % cap.size()]);
}

HandMeshData MeshBuilder::build() {
  const std::array<DigitSpec, 4> fingers = fingerSpecs();
  std::array<Loop, 4> knuckles;
  for (int f = 0; f < 4; ++f) {
    // The knuckle ring is wider than the finger: it is also the palm's distal edge.
    knuckles[f] = addRing(fingers[f], 0.0, 1.05, 1.2);
    for (int v : knuckles[f]) bones_[v] = {{0, 0.5}, {fingers[f].baseJoint, 0.5}};
    setRegressorRing(fingers[f].baseJoint, knuckles[f]);
  }
  const Loop edge = knuckleEdge(knuckles);
  const std::vector<Loop> rows = buildPalm(edge);
  buildPalmFaces(rows, edge);
  buildWebs(knuckles);
  buildWristCap(rows[0]);
  setRegressorRing(0, rows[0]);

  DigitSpec thumb = thumbSpec();
  Loop hole = thumbHole(rows);
  thumb.base = Vec3::Zero();
  for (int v : hole) thumb.base += vertices_[v] / static_cast<double>(hole.size());
  hole = alignLoop(hole, thumb);
  // Less than half: smoothing spreads the thumb's influence into the thenar anyway, and more would
  // drag the short palm edges at the hole's corners.
  for (int v : hole) bones_[v] = {{0, 0.6}, {thumb.baseJoint, 0.4}};
  setRegressorRing(thumb.baseJoint, hole);
  buildDigit(thumb, hole);
  for (int f = 0; f < 4; ++f) buildDigit(fingers[f], knuckles[f]);

  out_.rig.joints[0] = Vec3::Zero();
  for (int j = 0; j < kJointCount; ++j)
    out_.rig.parents[j] = j == 0 ? -1 : (j % 4 == 1 ? 0 : j - 1);
  HandModel& model = out_.model;
  model.name = "procedural-hand-v1";
  model.vertexCount = static_cast<int>(vertices_.size());
  model.faces = faces_;
  model.vertexParts = parts_;
  model.restVertices.resize(model.vertexCount, 3);
  for (int v = 0; v < model.vertexCount; ++v) model.restVertices.row(v) = vertices_[v].transpose();
  out_.skinning = smoothSkinning(bones_, faces_);
  return std::move(out_);
}

}  // namespace

HandMeshData buildProceduralHandMesh() { return MeshBuilder().build(); }

}  // namespace handalign
