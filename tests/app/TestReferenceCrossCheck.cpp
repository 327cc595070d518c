// The C++ engine against the independent NumPy/SciPy reference (tools/reference) on random masks
// and on synthetic meshes: the same definitions must give the same numbers.
#include "TestSupport.h"

#include "io/Csv.h"
#include "io/ImageIO.h"
#include "io/JsonWriter.h"
#include "io/NumericJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <map>
#include <random>

using namespace handalign;
namespace fs = std::filesystem;

namespace {
QString q(const fs::path& p) { return QString::fromStdString(p.string()); }
QString reference() {
  return q(test::sourceDir() / "tools" / "reference" / "handalign_reference.py");
}

// Random blobs: a few discs and rectangles with random labels.
Image<std::uint8_t> randomMask(std::mt19937& rng, int w, int h, int labels) {
  Image<std::uint8_t> img(w, h, 0);
  std::uniform_int_distribution<int> n(0, 4), lab(1, labels), xs(0, w - 1), ys(0, h - 1),
      rad(2, 14);
  const int shapes = n(rng);
  for (int s = 0; s < shapes; ++s) {
    const int cx = xs(rng), cy = ys(rng), r = rad(rng), l = lab(rng);
    const bool disc = n(rng) % 2;
    for (int y = std::max(0, cy - r); y < std::min(h, cy + r); ++y)
      for (int x = std::max(0, cx - r); x < std::min(w, cx + r); ++x)
        if (!disc || (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r)
          img.at(x, y) = std::uint8_t(labels == 1 ? 255 : l);
  }
  return img;
}

bool close(double a, double b, double tol) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
}

// per_sample.csv as (sample|pred) → column → value.
std::map<std::string, std::map<std::string, double>> readCsv(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = splitCsvLine(line);
  std::map<std::string, std::map<std::string, double>> rows;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = splitCsvLine(line);
    auto& row = rows[f[0] + "|" + f[1]];
    for (std::size_t i = 2; i < f.size() && i < header.size(); ++i) {
      double v;
      if (parseCsvNumber(f[i], v)) row[header[i]] = v;
    }
  }
  return rows;
}
}  // namespace

class TestReferenceCrossCheck : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path root() const { return fs::path(tmp_.path().toStdString()); }

  void compareEval(const QStringList& extra) {
    const fs::path data = test::synthDataset(root(), 16, 21);
    const fs::path cpp = root() / ("cpp" + extra.join("").toStdString()),
                   ref = root() / ("ref" + extra.join("").toStdString());
    // A third prediction with vertices only: its joints come from the hand model's regressor.
    const fs::path vertsOnly = root() / "pred_verts_only.json";
    if (!fs::exists(vertsOnly)) {
      const auto lists =
          readNumericItemLists(data / "pred_rough.json", {ItemShape{21, 3}, ItemShape{-1, 3}}, 1);
      JsonWriter w(0);
      w.beginArray().beginArray().endArray().beginArray();
      for (std::size_t i = 0; i < lists[1].count(); ++i) {
        w.beginArray();
        for (int r = 0; r < lists[1].rows(); ++r)
          w.array(std::vector<double>(lists[1].item(i) + 3 * r, lists[1].item(i) + 3 * r + 3));
        w.endArray();
      }
      w.endArray().endArray();
      test::writeText(vertsOnly, w.str());
    }
    const QStringList common = {"--dataset", q(data),
                                "--pred",    "rough=" + q(data / "pred_rough.json"),
                                "--pred",    "refined=" + q(data / "pred_refined.json"),
                                "--pred",    "vonly=" + q(vertsOnly)};
    auto r = test::runCli(QStringList{"eval"} + common + QStringList{"--out", q(cpp), "--quiet"} +
                          extra);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = test::runPython(QStringList{reference(), "eval"} + common + QStringList{"--out", q(ref)} +
                        extra);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto a = readCsv(cpp / "per_sample.csv"), b = readCsv(ref / "per_sample.csv");
    QCOMPARE(a.size(), b.size());
    int compared = 0;
    for (const auto& [key, row] : b) {
      QVERIFY2(a.count(key), key.c_str());
      for (const auto& [col, v] : row) {
        if (!a.at(key).count(col)) continue;
        // Everything is defined to the pixel and computed in double: equal up to rounding.
        QVERIFY2(close(a.at(key).at(col), v, 1e-9),
                 (key + " " + col + ": C++ " + std::to_string(a.at(key).at(col)) +
                  " vs reference " + std::to_string(v))
                     .c_str());
        ++compared;
      }
    }
    QVERIFY(compared >= 48 * 26);
    const QJsonObject cs =
        QJsonDocument::fromJson(QByteArray::fromStdString(test::readText(cpp / "summary.json")))
            .object();
    const QJsonObject rs =
        QJsonDocument::fromJson(QByteArray::fromStdString(test::readText(ref / "summary.json")))
            .object();
    for (const auto& p : cs["predictions"].toVariant().toList()) {
      const QVariantMap m = p.toMap();
      const QJsonObject rp = rs["preds"].toObject()[m["name"].toString()].toObject();
      const QVariantMap auc = m["auc"].toMap();
      for (const char* k : {"auc_j", "pa_auc_j", "auc_v", "pa_auc_v"})
        QVERIFY2(close(auc[k].toDouble(), rp[k].toDouble(), 1e-9), qPrintable(k));
    }
  }

 private Q_SLOTS:
  void randomMasksMatch() {
    std::mt19937 rng(42);
    for (int trial = 0; trial < 12; ++trial) {
      const int labels = trial % 2 ? 6 : 1;
      const int w = 40 + trial * 7, h = 64 - trial;
      writeGrayImage(root() / "p.png", randomMask(rng, w, h, labels));
      writeGrayImage(root() / "g.png", randomMask(rng, w, h, labels));
      for (const QString mode : {"max", "pooled"}) {
        const QStringList args = {q(root() / "p.png"), q(root() / "g.png"),
                                  "--hd-mode",         mode,
                                  "--hd-empty",        trial % 3 ? "nan" : "diagonal"};
        const auto c = test::runCli(QStringList{"metrics"} + args);
        const auto r = test::runPython(QStringList{reference(), "metrics"} + args);
        QVERIFY2(c.exitCode == 0 && r.exitCode == 0, qPrintable(c.err + r.err));
        const QJsonObject a = QJsonDocument::fromJson(c.out.toUtf8()).object(),
                          b = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject ac = a["classes"].toObject(), bc = b["classes"].toObject();
        QCOMPARE(ac.keys(), bc.keys());
        for (const QString& k : bc.keys())
          for (const char* m : {"iou", "hd95"}) {
            const QJsonValue x = ac[k].toObject()[m], y = bc[k].toObject()[m];
            QVERIFY2(x.isNull() == y.isNull() && close(x.toDouble(), y.toDouble(), 1e-12),
                     qPrintable(QString("trial %1 %2 %3 %4: %5 vs %6")
                                    .arg(trial)
                                    .arg(mode, k, m)
                                    .arg(x.toDouble())
                                    .arg(y.toDouble())));
          }
        for (const char* k : {"miou", "miou_fg", "hd95_mean"})
          QVERIFY2(a[k].isNull() == b[k].isNull() && close(a[k].toDouble(), b[k].toDouble(), 1e-12),
                   qPrintable(k));
      }
    }
  }
  void syntheticMeshesMatchWithDefaults() { compareEval({}); }
  void syntheticMeshesMatchPooledAtOtherResolution() {
    compareEval({"--hd-mode", "pooled", "--resolution", "160"});
  }
  void syntheticMeshesMatchWithMeshGroundTruth() {
    compareEval({"--gt-mask", "mesh", "--hd-empty", "diagonal"});
  }
  // Corrected masks (docs/metrics.md, "Ground truth"): hand layers resized like dataset masks,
  // part layers by nearest pixel centre, at a resolution other than the image size.
  void syntheticMeshesMatchWithCorrectedMasks() {
    const fs::path ann = root() / "ann";
    std::mt19937 rng(7);
    for (int sample : {1, 4, 6, 9, 13}) {
      char id[16];
      std::snprintf(id, sizeof id, "%08d.png", sample);
      fs::create_directories(ann / "mask");
      fs::create_directories(ann / "parts");
      if (sample % 3 == 0) {  // with a part layer
        const Image<std::uint8_t> parts = randomMask(rng, 224, 224, 6);
        Image<std::uint8_t> hand = parts;
        for (std::uint8_t& v : hand.pixels) v = v ? 255 : 0;
        writeGrayImage(ann / "parts" / id, parts);
        writeGrayImage(ann / "mask" / id, hand);
      } else {
        writeGrayImage(ann / "mask" / id, randomMask(rng, 224, 224, 1));
      }
    }
    const QStringList extra = {"--annotations", q(ann), "--resolution", "160"};
    compareEval(extra);
    // The C++ side used the five corrections (so matching it, the reference did too).
    const QJsonObject summary =
        QJsonDocument::fromJson(
            QByteArray::fromStdString(
                test::readText(root() / ("cpp" + extra.join("").toStdString()) / "summary.json")))
            .object();
    const QJsonObject used = summary["provenance"].toObject()["annotations"].toObject();
    QCOMPARE(used["corrected_masks"].toInt(), 5);
    QCOMPARE(used["corrected_parts"].toInt(), 2);
  }
};

QTEST_GUILESS_MAIN(TestReferenceCrossCheck)
#include "TestReferenceCrossCheck.moc"
