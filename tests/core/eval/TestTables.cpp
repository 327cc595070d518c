// Paper tables: best value in bold per column with the right direction, arrows, escaping,
// provenance.
#include "eval/Tables.h"

#include <QTest>

using namespace handalign;

namespace {
PredictionSummary method(const std::string& name, double handMiou, double handHd, double paMpjpe,
                         double aucJ) {
  PredictionSummary s;
  s.name = name;
  for (const std::string& c : metricColumns()) s.mean[c] = 0.5;
  s.mean["hand_miou"] = handMiou;
  s.mean["hand_hd95"] = handHd;
  s.mean["pa_mpjpe_mm"] = paMpjpe;
  s.paAucJ = aucJ;
  return s;
}
RunInfo info() {
  RunInfo r;
  r.version = "test";
  r.datasetRoot = "/data/x";
  r.datasetFormat = "freihand";
  r.split = "training";
  r.datasetSize = 10;
  r.handModelName = "hm";
  return r;
}
}  // namespace

class TestTables : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void bestIsBoldInTheRightDirection() {
    const std::vector<PredictionSummary> s = {method("rough_mesh", 0.90, 7.0, 9.0, 0.70),
                                              method("refined", 0.93, 5.0, 8.0, 0.72)};
    const std::string md = tableMarkdown(info(), s);
    QVERIFY2(md.find("| refined | **93.00** | **5.00** |") != std::string::npos, md.c_str());
    QVERIFY2(md.find("| rough_mesh | 90.00 | 7.00 |") != std::string::npos, md.c_str());
    QVERIFY(md.find("Hand mIoU (%) ↑") != std::string::npos);
    QVERIFY(md.find("Hand HD95 (px) ↓") != std::string::npos);
    QVERIFY(md.find("**8.00**") != std::string::npos);  // lower PA-MPJPE wins
    QVERIFY(md.find("/data/x") != std::string::npos);   // provenance line
    const std::string tex = tableLatex(info(), s);
    QVERIFY2(tex.find("rough\\_mesh & 90.00 & 7.00") != std::string::npos, tex.c_str());
    QVERIFY(tex.find("\\textbf{93.00}") != std::string::npos);
    QVERIFY(tex.find("\\toprule") != std::string::npos &&
            tex.find("\\bottomrule") != std::string::npos);
    QVERIFY(tex.find("$\\uparrow$") != std::string::npos);
  }
  void tiesAtShownPrecisionAreAllBoldAndNaNIsADash() {
    std::vector<PredictionSummary> s = {method("a", 0.91234, 5.001, 8.0, 0.7),
                                        method("b", 0.91229, 5.004, std::nan(""), 0.7)};
    const std::string md = tableMarkdown(info(), s);
    QVERIFY2(md.find("| a | **91.23** | **5.00** |") != std::string::npos, md.c_str());
    QVERIFY2(md.find("| b | **91.23** | **5.00** |") != std::string::npos, md.c_str());
    QVERIFY(md.find("–") != std::string::npos);
  }
  void csvHasEveryMethodAndFullPrecision() {
    const std::vector<PredictionSummary> s = {method("x,y", 0.123456789, 1, 2, 0.5)};
    const std::string csv = tableCsv(info(), s);
    QVERIFY(csv.rfind("method,samples,hand_iou", 0) == 0);
    QVERIFY(csv.find("\"x,y\"") != std::string::npos);
    QVERIFY(csv.find("0.123456789") != std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestTables)
#include "TestTables.moc"
