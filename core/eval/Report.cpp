#include "eval/Report.h"

#include "eval/Tables.h"
#include "io/OutputFolder.h"

#include <QCryptographicHash>
#include <QFile>

namespace handalign {

void writeEvalOutputs(const std::filesystem::path& dir, const RunInfo& info,
                      const EvalResult& result) {
  const std::vector<PredictionSummary> summaries = summarize(result);
  StagedFolder out(dir, evalOutputNames());
  out.add("per_sample.csv", perSampleCsv(result));
  out.add("summary.json", summaryJson(info, summaries));
  out.add("totals.json", totalsJson(info, result));
  out.add("table.csv", tableCsv(info, summaries));
  out.add("table.md", tableMarkdown(info, summaries));
  out.add("table.tex", tableLatex(info, summaries));
  out.commit();
}

const std::vector<std::string>& evalOutputNames() {
  static const std::vector<std::string> names = {"per_sample.csv", "summary.json", "totals.json",
                                                 "table.csv",      "table.md",     "table.tex"};
  return names;
}

void checkEvalOutput(const std::filesystem::path& dir,
                     const std::vector<std::filesystem::path>& inputs) {
  refuseOutputOverInputs(dir, inputs);
  checkReplaceable(dir, evalOutputNames());
}

std::string fileFingerprint(const std::filesystem::path& file) {
  QFile f(QString::fromStdString(file.string()));
  if (!f.open(QIODevice::ReadOnly)) return {};
  constexpr qint64 kEdge = 64 << 10;
  QCryptographicHash hash(QCryptographicHash::Sha256);
  const qint64 size = f.size();
  hash.addData(QByteArray::number(size));
  hash.addData(f.read(kEdge));
  if (size > 2 * kEdge) f.seek(size - kEdge);
  hash.addData(f.read(kEdge));
  return "size " + std::to_string(size) + ", sha256(size, first and last 64 KiB) " +
         hash.result().toHex().toStdString();
}

}  // namespace handalign
