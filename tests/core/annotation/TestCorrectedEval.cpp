// Corrected masks in the evaluation: `eval --annotations` changes exactly the corrected samples'
// mask metrics (checked against hand computations), shards merge, bad files are named; the live
// re-score agrees with the evaluation; `annotations export` and `annotations check`.
#include "eval/CorrectedGroundTruth.h"
#include "eval/EvalSession.h"
#include "eval/MaskScoring.h"
#include "project/AnnotationSession.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <map>
#include <sstream>

using namespace handalign;
namespace fs = std::filesystem;

namespace {

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

QJsonObject readJson(const fs::path& f) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(test::readText(f))).object();
}

// per_sample.csv as (sample index, prediction) → (line, parsed row).
std::map<std::pair<std::size_t, std::string>, std::pair<std::string, SampleRow>> rows(
    const fs::path& dir) {
  std::map<std::pair<std::size_t, std::string>, std::pair<std::string, SampleRow>> out;
  std::istringstream in(test::readText(dir / "per_sample.csv"));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    SampleRow row;
    if (!parseRow(line, row)) qFatal("malformed row %s", line.c_str());
    out[{row.index, row.pred}] = {line, row};
  }
  return out;
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

const std::vector<std::string> k3dColumns = {"mpjpe_mm", "pa_mpjpe_mm", "mpvpe_mm", "pa_mpvpe_mm",
                                             "f5",       "f15",         "pa_f5",    "pa_f15"};

}  // namespace

class TestCorrectedEval : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  fs::path data_;
  std::unique_ptr<EvalSession> session_;
  std::vector<LabelImage> refined_, rough_, gt_;  // rendered at R = 224, per sample
  fs::path root() const { return fs::path(tmp_.path().toStdString()); }

  QStringList evalArgs(const fs::path& out, const QStringList& extra = {}) const {
    return test::evalArgs(data_, out) + extra;
  }
  MaskAnnotation handOf(const LabelImage& labels, bool withParts) const {
    MaskAnnotation a;
    a.hand.reset(labels.width, labels.height);
    for (std::size_t i = 0; i < labels.pixels.size(); ++i) a.hand.pixels[i] = labels.pixels[i] != 0;
    if (withParts) a.parts = labels;
    return a;
  }
  MaskAnnotation rectangle() const {
    MaskAnnotation a;
    a.hand.reset(224, 224);
    for (int y = 50; y < 170; ++y)
      for (int x = 60; x < 160; ++x) a.hand.at(x, y) = 1;
    return a;
  }
  // Corrections of samples 3 (= refined silhouette), 5 (= refined silhouette and parts) and 7 (a
  // rectangle), written by the store into `folder`.
  void writeCorrections(const fs::path& folder) {
    AnnotationStore store(folder, SampleCatalog::of(*session_->dataset));
    store.save(3, handOf(refined_[3], false));
    store.save(5, handOf(refined_[5], true));
    store.save(7, rectangle());
  }

 private Q_SLOTS:
  void initTestCase() {
    data_ = test::synthDataset(root(), 12, 11);
    EvalRequest request;
    request.dataset = data_;
    request.predictions = {{"rough", data_ / "pred_rough.json"},
                           {"refined", data_ / "pred_refined.json"}};
    session_ = std::make_unique<EvalSession>(openEvalSession(request));
    QCOMPARE(session_->dataset->imageWidth(), 224);
    const EvalContext ctx = session_->context();
    SampleEvaluator evaluator(ctx);
    for (std::size_t i = 0; i < session_->dataset->size(); ++i) {
      rough_.emplace_back(), refined_.emplace_back(), gt_.emplace_back();
      evaluator.renderPrediction(i, 0, rough_.back());
      evaluator.renderPrediction(i, 1, refined_.back());
      evaluator.renderGroundTruth(i, gt_.back());
    }
    writeCorrections(root() / "ann");
  }

  void evalChangesExactlyTheCorrectedSamples() {
    QCOMPARE(test::runCli(evalArgs(root() / "e0")).exitCode, 0);
    const auto r = test::runCli(evalArgs(root() / "e1", {"--annotations", q(root() / "ann")}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto before = rows(root() / "e0"), after = rows(root() / "e1");
    QCOMPARE(after.size(), before.size());
    for (const auto& [key, value] : after) {
      const auto& [line, row] = value;
      const SampleRow& old = before.at(key).second;
      if (key.first != 3 && key.first != 5 && key.first != 7) {
        QCOMPARE(line, before.at(key).first);  // untouched, to the last digit
        continue;
      }
      for (const std::string& c : k3dColumns)  // only the masks changed
        QVERIFY(same(metricValue(row.m, c), metricValue(old.m, c)));
      QVERIFY2(!same(row.m.handIou, old.m.handIou), line.c_str());  // against the correction
    }
    // The corrected mask equals the rendered refined prediction: IoU 1, HD95 0.
    for (std::size_t s : {std::size_t(3), std::size_t(5)}) {
      const SampleMetrics& m = after.at({s, "refined"}).second.m;
      QCOMPARE(m.handIou, 1.0);
      QCOMPARE(m.handMiou, 1.0);
      QCOMPARE(m.handHd95, 0.0);
    }
    // Sample 3 has no part layer: the finger level still uses the rendered GT mesh.
    QVERIFY(same(after.at({3, "refined"}).second.m.fingerMiou,
                 before.at({3, "refined"}).second.m.fingerMiou));
    // Sample 5's part layer is the refined labels: every part matches.
    const SampleMetrics& m5 = after.at({5, "refined"}).second.m;
    QCOMPARE(m5.fingerMiou, 1.0);
    QCOMPARE(m5.fingerHd95, 0.0);
    QVERIFY(!same(after.at({5, "rough"}).second.m.fingerMiou,
                  before.at({5, "rough"}).second.m.fingerMiou));
    // Sample 7: the hand IoU against the rectangle, counted here.
    for (const auto& [pred, labels] : {std::pair{"rough", &rough_[7]}, {"refined", &refined_[7]}}) {
      std::int64_t inter = 0, uni = 0;
      for (int y = 0; y < 224; ++y)
        for (int x = 0; x < 224; ++x) {
          const bool p = labels->at(x, y) != 0, g = x >= 60 && x < 160 && y >= 50 && y < 170;
          inter += p && g, uni += p || g;
        }
      QCOMPARE(after.at({7, pred}).second.m.handIou, double(inter) / double(uni));
    }
    const QJsonObject summary = readJson(root() / "e1" / "summary.json");
    const QJsonObject ann = summary["provenance"].toObject()["annotations"].toObject();
    QCOMPARE(ann["corrected_masks"].toInt(), 3);
    QCOMPARE(ann["corrected_parts"].toInt(), 1);
    QCOMPARE(ann["folder"].toString(), q(root() / "ann"));
    QVERIFY(summary["conventions"].toObject()["gt_hand_mask"].toString().startsWith("corrected"));
    QVERIFY(
        readJson(root() / "e0" / "summary.json")["provenance"].toObject()["annotations"].isNull());
    // Only the selected samples are counted.
    QCOMPARE(
        test::runCli(evalArgs(root() / "e2", {"--annotations", q(root() / "ann"), "--limit", "4"}))
            .exitCode,
        0);
    QCOMPARE(readJson(root() / "e2" / "summary.json")["provenance"]
                 .toObject()["annotations"]
                 .toObject()["corrected_masks"]
                 .toInt(),
             1);
  }

  // The editor's live numbers are the evaluation's numbers.
  void liveRescoreAgreesWithTheEvaluation() {
    const auto after = rows(root() / "e1");
    CorrectionScorer scorer;
    const MaskAnnotation corrections[] = {handOf(refined_[5], true), rectangle()};
    const std::size_t samples[] = {5, 7};
    for (int k = 0; k < 2; ++k)
      for (const auto& [pred, labels] :
           {std::pair{"rough", &rough_[samples[k]]}, {"refined", &refined_[samples[k]]}}) {
        const SampleMetrics live = scorer.score(*labels, corrections[k], gt_[samples[k]]);
        const SampleMetrics& evaluated = after.at({samples[k], pred}).second.m;
        for (const std::string& c : metricColumns()) {
          if (std::find(k3dColumns.begin(), k3dColumns.end(), c) != k3dColumns.end()) continue;
          QVERIFY2(same(metricValue(live, c), metricValue(evaluated, c)),
                   (c + " of sample " + std::to_string(samples[k]) + " " + pred).c_str());
        }
      }
  }

  void liveRescoreTiming() {
    CorrectionScorer scorer;
    auto time = [&](const LabelImage& pred, const MaskAnnotation& a, const LabelImage& gt) {
      scorer.score(pred, a, gt);  // warm the buffers
      QElapsedTimer t;
      t.start();
      const int n = 20;
      for (int i = 0; i < n; ++i) scorer.score(pred, a, gt);
      return double(t.nsecsElapsed()) / n / 1e6;
    };
    MaskAnnotation big = handOf(refined_[7], true);  // the same hand at 1024² by nearest pixel
    big.parts = correctedPartsAt(big, 1024);
    big.hand = handOf(big.parts, false).hand;
    const double small = time(refined_[7], handOf(refined_[7], true), gt_[7]);
    const double bigAt224 = time(rough_[7], big, gt_[7]);
    const LabelImage pred1024 = correctedPartsAt(handOf(rough_[7], true), 1024);
    const double bigAt1024 = time(pred1024, big, correctedPartsAt(handOf(gt_[7], true), 1024));
    qInfo(
        "live re-score: 224² mask at R=224 %.2f ms; 1024² mask at R=224 %.2f ms; 1024² at "
        "R=1024 %.2f ms",
        small, bigAt224, bigAt1024);
    QVERIFY2(small < 50 && bigAt224 < 200 && bigAt1024 < 500, "live re-score far too slow");
  }

  void shardsMergeWithCorrections() {
    QStringList shardDirs;
    for (int k = 0; k < 2; ++k) {
      const fs::path out = root() / ("shard" + std::to_string(k));
      QCOMPARE(test::runCli(evalArgs(out, {"--annotations", q(root() / "ann"), "--shard",
                                           QString("%1/2").arg(k)}))
                   .exitCode,
               0);
      shardDirs << q(out);
    }
    const auto r =
        test::runCli(QStringList{"merge", "--out", q(root() / "merged"), "--quiet"} + shardDirs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(test::readText(root() / "merged" / "per_sample.csv") ==
            test::readText(root() / "e1" / "per_sample.csv"));
    const auto ann = [&](const char* dir) -> QJsonObject {
      const QJsonObject provenance =
          readJson(root() / dir / "summary.json")["provenance"].toObject();
      return provenance["annotations"].toObject();
    };
    QCOMPARE(ann("merged"), ann("e1"));
    // A shard evaluated without the corrections does not merge with one that used them.
    QCOMPARE(test::runCli(evalArgs(root() / "plain1", {"--shard", "1/2"})).exitCode, 0);
    const auto mixed =
        test::runCli({"merge", "--out", q(root() / "mixed"), shardDirs[0], q(root() / "plain1")});
    QCOMPARE(mixed.exitCode, 1);
    QVERIFY2(mixed.err.contains("annotation folder"), qPrintable(mixed.err));
  }

  void foreignFilesWarnAndBadMasksFail() {
    const fs::path ann = root() / "ann-bad";
    writeCorrections(ann);
    test::writeText(ann / "mask" / "notes.txt", "todo: sample 9");
    auto r = test::runCli(evalArgs(root() / "w", {"--annotations", q(ann)}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(q(ann / "mask" / "notes.txt") + ": not a corrected mask"),
             qPrintable(r.err));
    QVERIFY(test::readText(root() / "w" / "per_sample.csv") ==
            test::readText(root() / "e1" / "per_sample.csv"));
    test::writeText(ann / "mask" / "00000008.png",
                    encodeMaskAnnotation(rectangle()).hand.substr(0, 50));  // truncated
    r = test::runCli(evalArgs(root() / "x", {"--annotations", q(ann)}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(q(ann / "mask" / "00000008.png") + ": truncated"), qPrintable(r.err));
    QVERIFY(!fs::exists(root() / "x" / "per_sample.csv"));
    r = test::runCli(evalArgs(root() / "x", {"--annotations", q(root() / "nowhere")}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no such annotation folder"), qPrintable(r.err));
    r = test::runCli(evalArgs(root() / "x", {"--annotations", q(ann / "mask")}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("has no mask/ folder"), qPrintable(r.err));
    // `annotations check` lists them; the folder is left as it was.
    r = test::runCli({"annotations", "check", "--dataset", q(data_), "--annotations", q(ann)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("invalid: " + q(ann / "mask" / "00000008.png")), qPrintable(r.out));
    QVERIFY2(r.out.contains("ignored: " + q(ann / "mask" / "notes.txt")), qPrintable(r.out));
    QVERIFY(fs::exists(ann / "mask" / "notes.txt"));
    r = test::runCli(
        {"annotations", "check", "--dataset", q(data_), "--annotations", q(root() / "ann")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("3 corrected masks (1 with parts), 0 invalid"), qPrintable(r.out));
  }

  void exportWritesFreihandLayoutAndReviewCsv() {
    qputenv("USER", "exporter");
    const fs::path projectFile = root() / "projects" / "abc.handalign";
    fs::create_directories(projectFile.parent_path());
    std::string pendingHash;
    {
      ProjectStore project;
      project.open(projectFile);
      auto session = AnnotationSession::open(project, *session_->dataset);
      QCOMPARE(session->store().folder(), root() / "projects" / "abc.annotations" / "training");
      session->save(3, handOf(refined_[3], false), "brush");
      session->save(5, handOf(refined_[5], true), "polygon fill");
      session->setReviewState(3, ReviewState::Accepted);
      session->setReviewState(9, ReviewState::NeedsAnotherLook);
      // A studio killed after journaling a save of sample 7: the export finishes it first.
      const MaskFiles next = encodeMaskAnnotation(rectangle());
      pendingHash = next.hash();
      project.recordSave(SampleRef{session->datasetId(), 7, "00000007"}, "brush", MaskFiles{},
                         next);
    }
    const fs::path out = root() / "export";
    const QStringList args = {"annotations", "export", "--project", q(projectFile),
                              "--dataset",   q(data_), "--out",     q(out)};
    auto r = test::runCli(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("finished 1 interrupted save"), qPrintable(r.out));
    const fs::path folder = annotationFolderFor(projectFile, "training");
    for (const char* f :
         {"mask/00000003.png", "mask/00000005.png", "parts/00000005.png", "mask/00000007.png"})
      QVERIFY2(test::readText(out / f) == test::readText(folder / f), f);
    QVERIFY(!fs::exists(out / "parts" / "00000003.png"));
    const MaskFiles exported7{test::readText(out / "mask" / "00000007.png"), ""};
    QCOMPARE(exported7.hash(), pendingHash);
    std::istringstream csv(test::readText(out / "review.csv"));
    std::vector<std::string> lines;
    for (std::string l; std::getline(csv, l);) lines.push_back(l);
    QCOMPARE(lines.size(), std::size_t(13));
    QCOMPARE(lines[0],
             std::string("sample_index,sample_id,state,user,updated_at,has_correction,has_parts"));
    QCOMPARE(lines[1], std::string("0,00000000,todo,,,0,0"));
    QVERIFY2(lines[4].rfind("3,00000003,accepted,exporter,", 0) == 0 &&
                 lines[4].substr(lines[4].size() - 4) == ",1,0",
             lines[4].c_str());
    QVERIFY2(lines[6].rfind("5,00000005,in_progress,exporter,", 0) == 0 &&
                 lines[6].substr(lines[6].size() - 4) == ",1,1",
             lines[6].c_str());
    QVERIFY2(lines[10].rfind("9,00000009,needs_another_look,", 0) == 0, lines[10].c_str());
    const QJsonObject provenance = readJson(out / "provenance.json");
    QCOMPARE(provenance["format"].toString(), QString("handalign.annotations_export"));
    QCOMPARE(provenance["masks"].toInt(), 3);
    QCOMPARE(provenance["parts"].toInt(), 1);
    for (const auto& e : fs::directory_iterator(root()))
      QVERIFY2(e.path().filename().string().find(".tmp-") == std::string::npos, e.path().c_str());

    // The export layout is the evaluation's: the same numbers as from the studio's folder.
    QCOMPARE(test::runCli(evalArgs(root() / "from-export", {"--annotations", q(out)})).exitCode, 0);
    QCOMPARE(test::runCli(evalArgs(root() / "from-studio", {"--annotations", q(folder)})).exitCode,
             0);
    QVERIFY(test::readText(root() / "from-export" / "per_sample.csv") ==
            test::readText(root() / "from-studio" / "per_sample.csv"));

    // An existing export is replaced only when asked; any other folder never.
    r = test::runCli(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("exists and is not empty"), qPrintable(r.err));
    QCOMPARE(test::runCli(args + QStringList{"--overwrite", "--quiet"}).exitCode, 0);
    QVERIFY(fs::exists(out / "review.csv"));
    const fs::path other = root() / "precious";
    test::writeText(other / "thesis.tex", "do not delete");
    r = test::runCli({"annotations", "export", "--project", q(projectFile), "--dataset", q(data_),
                      "--out", q(other), "--overwrite"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not an earlier annotation export"), qPrintable(r.err));
    QVERIFY(fs::exists(other / "thesis.tex"));
    r = test::runCli({"annotations", "export", "--project", q(root() / "none.handalign"),
                      "--dataset", q(data_), "--out", q(root() / "y")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no such project file"), qPrintable(r.err));
    QVERIFY(!fs::exists(root() / "none.handalign"));

    // kill -9 at every file operation of an export over an earlier one: the folder holds the old
    // export or the new one, never a mix; the next export removes what a killed one left.
    // The files of an export; provenance.json by its counts (it records the export's time).
    auto files = [](const fs::path& dir) {
      std::map<std::string, std::string> m;
      for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) m[fs::relative(e.path(), dir).string()] = test::readText(e.path());
      const QJsonObject p = readJson(dir / "provenance.json");
      m["provenance.json"] =
          QString("%1 %2").arg(p["masks"].toInt()).arg(p["parts"].toInt()).toStdString();
      return m;
    };
    const auto before = files(out);
    {
      ProjectStore project;
      project.open(projectFile);
      auto session = AnnotationSession::open(project, *session_->dataset);
      session->save(3, handOf(refined_[4], true), "brush");  // the new export differs
    }
    bool finished = false;
    int kills = 0;
    std::vector<std::map<std::string, std::string>> newer;  // killed after the swap
    for (int step = 1; step < 40 && !finished; ++step) {
      qputenv("HANDALIGN_KILL_AT", QByteArray::number(step));
      r = test::runCli(args + QStringList{"--overwrite", "--quiet"});
      qunsetenv("HANDALIGN_KILL_AT");
      finished = r.exitCode == 0;
      kills += r.exitCode == -1;
      QVERIFY2(finished || r.exitCode == -1, qPrintable(r.err));
      const auto now = files(out);
      if (!finished && now != before) newer.push_back(now);
      if (finished) {
        QVERIFY(now != before && now.count("parts/00000003.png"));
        for (const auto& state : newer) QVERIFY(state == now);  // all-new, never a mix
      }
    }
    QVERIFY(finished);
    QVERIFY2(kills >= 8, qPrintable(QString::number(kills)));
    QCOMPARE(test::runCli(args + QStringList{"--overwrite", "--quiet"}).exitCode, 0);
    for (const auto& e : fs::directory_iterator(root()))
      QVERIFY2(e.path().filename().string().find(".export.staging-") == std::string::npos,
               e.path().c_str());
  }
};

QTEST_GUILESS_MAIN(TestCorrectedEval)
#include "TestCorrectedEval.moc"
