#include "project/RunMatching.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace handalign {

namespace {
bool sameConventions(const StoredRun& run, const EvalOptions& o) {
  const QJsonObject options =
      QJsonDocument::fromJson(QByteArray::fromStdString(run.optionsJson))["options"].toObject();
  return options["resolution"].toInt() == o.resolution &&
         options["hd_mode"].toString().toStdString() == toString(o.hd.mode) &&
         options["hd_empty"].toString().toStdString() == toString(o.hd.empty) &&
         // a run of the first N samples (an imported `eval --limit N`) is no whole evaluation
         options["limit"].toInteger(0) == qint64(o.limit);
}
}  // namespace

std::vector<std::int64_t> matchingRuns(const std::vector<StoredRun>& runs, const RunQuery& query,
                                       bool anyConventions) {
  const std::string root = std::filesystem::absolute(query.dataset).lexically_normal().string();
  std::vector<std::int64_t> ids;
  for (const StoredRun& run : runs)
    if (run.datasetRoot == root && run.name == query.name && run.fingerprint == query.fingerprint &&
        (anyConventions || (run.metricsComplete && sameConventions(run, query.options))))
      ids.push_back(run.id);
  return ids;
}

}  // namespace handalign
