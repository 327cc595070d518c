#include "project/ProjectStore.h"

#include "eval/Merge.h"
#include "eval/MetricRegistry.h"

#include "project/ProjectSql.h"
#include "project/StudioLock.h"
#include "util/Error.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>

namespace handalign {
using namespace projectsql;
namespace {

constexpr const char* kSqliteMagic = "SQLite format 3";  // + '\0': the first 16 bytes of the file

QString metricColumnList() {
  QStringList cols;
  for (const auto& c : metricColumns()) cols << quoted(c);
  return cols.join(", ");
}

// NaN is stored as NULL: SQLite has no NaN, and NULL reads back unambiguously as "missing".
QVariant toSql(double v) { return std::isnan(v) ? QVariant() : QVariant(v); }

QString optionsJson(const RunInfo& info, const EvalResult& result) {
  const EvalOptions& o = info.options;
  QJsonObject options{{"resolution", o.resolution},
                      {"hd_mode", q(toString(o.hd.mode))},
                      {"hd_empty", q(toString(o.hd.empty))},
                      {"gt_mask", o.gtMask == GtMaskSource::Dataset ? "dataset" : "mesh"},
                      {"limit", qint64(o.limit)},
                      {"shard", q(o.shard.str())}};
  if (!o.annotations.empty())
    options["annotations"] = QJsonObject{{"folder", q(o.annotations.string())},
                                         {"corrected_masks", qint64(info.correctedMasks)},
                                         {"corrected_parts", qint64(info.correctedParts)}};
  QJsonArray shards, predictions;
  for (const auto& sh : info.shards) shards.append(q(sh));
  for (const auto& p : result.predictionNames) predictions.append(q(p));
  QJsonObject root{{"tool", q(info.tool)},
                   {"version", q(info.version)},
                   {"hand_model", QJsonObject{{"name", q(info.handModelName)},
                                              {"file", q(info.handModelFile)},
                                              {"fingerprint", q(info.handModelFingerprint)}}},
                   {"options", options},
                   {"shards", shards},
                   {"evaluated_together", predictions}};
  return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

// Byte offsets of the metric columns in SampleMetrics (the registry's), in column order: no name
// lookup per value of 65k rows.
const std::vector<std::ptrdiff_t>& metricOffsets() {
  static const std::vector<std::ptrdiff_t> offsets = [] {
    std::vector<std::ptrdiff_t> v;
    for (const MetricInfo* m : perSampleMetrics()) v.push_back(std::ptrdiff_t(m->offset));
    return v;
  }();
  return offsets;
}
double& slotAt(SampleMetrics& m, std::ptrdiff_t offset) {
  return *reinterpret_cast<double*>(reinterpret_cast<char*>(&m) + offset);
}
double slotAt(const SampleMetrics& m, std::ptrdiff_t offset) {
  return *reinterpret_cast<const double*>(reinterpret_cast<const char*>(&m) + offset);
}

std::atomic<int> connectionCounter{0};

}  // namespace

ProjectStore::ProjectStore()
    : connection_(QStringLiteral("handalign-project-%1").arg(connectionCounter.fetch_add(1))) {}

ProjectStore::~ProjectStore() { close(); }

void ProjectStore::fail(const std::string& what, const QString& sqlError) const {
  throw InputError(path_, what + (sqlError.isEmpty() ? "" : ": " + sqlError.toStdString()));
}

bool ProjectStore::nextRow(QSqlQuery& query, const std::string& what) const {
  if (query.next()) return true;
  if (query.lastError().isValid())
    fail(what + " (damaged or truncated file)", query.lastError().text());
  return false;
}

// The header records the database's size in pages (valid when its "version-valid-for" equals its
// change counter): a shorter file lost its tail, and SQLite would read the missing pages as a
// smaller database. With a non-empty WAL, the file may legitimately lag (pages not checkpointed).
void ProjectStore::checkNotTruncated() {
  unsigned char h[100] = {};
  std::ifstream in(path_, std::ios::binary);
  if (!in.read(reinterpret_cast<char*>(h), sizeof h))
    fail("damaged project (truncated header)", {});
  auto be32 = [&](int at) {
    return std::uint64_t(h[at]) << 24 | std::uint64_t(h[at + 1]) << 16 |
           std::uint64_t(h[at + 2]) << 8 | std::uint64_t(h[at + 3]);
  };
  const std::uint64_t pageSize =
      h[16] == 0 && h[17] == 1 ? 65536 : (std::uint64_t(h[16]) << 8 | h[17]);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
    fail("not a HandAlign project (damaged SQLite header)", {});
  const std::uint64_t pages = be32(28);
  if (be32(92) != be32(24) || pages == 0) return;  // size field not maintained
  std::error_code ec;
  const auto wal = std::filesystem::file_size(path_.string() + "-wal", ec);
  if (!ec && wal > 0) return;
  const std::uint64_t size = std::filesystem::file_size(path_, ec);
  if (!ec && size < pages * pageSize)
    fail("damaged project (truncated: " + std::to_string(size) + " of " +
             std::to_string(pages * pageSize) + " bytes)",
         {});
}

void ProjectStore::close() {
  if (!QSqlDatabase::contains(connection_)) return;
  {
    QSqlDatabase db = QSqlDatabase::database(connection_, false);
    db.close();
  }
  QSqlDatabase::removeDatabase(connection_);
  open_ = false;
  lock_.reset();
}

void ProjectStore::open(const std::filesystem::path& path, Access access) {
  close();
  path_ = path;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    if (!std::filesystem::is_regular_file(path, ec))
      fail("not a HandAlign project (not a file)", {});
    // Checked before SQLite sees it: SQLite opens any file lazily and fails later with a vaguer
    // "file is not a database".
    if (std::filesystem::file_size(path, ec) > 0) {
      char header[16] = {};
      std::ifstream in(path, std::ios::binary);
      in.read(header, sizeof header);
      if (!in || std::string(header, 15) != kSqliteMagic || header[15] != '\0')
        fail("not a HandAlign project (not a SQLite database)", {});
      checkNotTruncated();
    }
  }

  // The studio's lock before SQLite touches the file: a second studio changes nothing.
  if (access == Access::Studio) lock_ = StudioLock::acquire(path);
  QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_);
  db.setDatabaseName(q(path.string()));
  db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
  try {
    if (!db.open()) fail("cannot open the project", db.lastError().text());
    QSqlQuery query(db);
    // Reading the schema is the first real access: a damaged file fails here.
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")))
      fail("not a HandAlign project (unreadable database)", query.lastError().text());
    std::set<QString> tables;
    while (nextRow(query, "not a HandAlign project (unreadable database)"))
      tables.insert(query.value(0).toString());
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
      fail("cannot enable foreign keys", query.lastError().text());
    // WAL: a crash mid-write loses at most the unfinished transaction, readers never block.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
      fail("cannot set the journal mode", query.lastError().text());
    // FULL: a commit is on disk before it returns, so a journal row precedes its mask files even
    // across a power cut (docs/adr/0009).
    if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
      fail("cannot set the synchronous mode", query.lastError().text());
    query.finish();
    open_ = true;
    if (tables.empty())
      createSchema();
    else if (!tables.count(QStringLiteral("meta")))
      fail("not a HandAlign project (no meta table)", {});
    else
      checkSchema();
  } catch (...) {
    db = QSqlDatabase();
    close();
    throw;
  }
}

std::vector<std::int64_t> ProjectStore::saveRun(const RunInfo& info, const EvalResult& result,
                                                const ProgressCallback& progress,
                                                const CancellationToken* cancel) {
  requireOpen();
  // Everything that can be checked is checked before writing.
  std::map<std::string, std::size_t> predIndex;
  for (std::size_t i = 0; i < result.predictionNames.size(); ++i)
    predIndex[result.predictionNames[i]] = i;
  for (const auto& row : result.rows)
    if (!predIndex.count(row.pred))
      fail("cannot save the run: row of unknown prediction '" + row.pred + "'", {});

  QSqlDatabase db = QSqlDatabase::database(connection_);
  Transaction tx(db);
  if (!tx.begun()) fail("cannot start a transaction", tx.error());

  // The dataset: one entry per (root, format, split), shared by its runs.
  const qint64 datasetId =
      upsertDataset(DatasetKey{info.datasetRoot, info.datasetFormat, info.split, info.datasetSize});
  QSqlQuery query(db);

  std::vector<std::size_t> counts(result.predictionNames.size(), 0);
  for (const auto& row : result.rows) ++counts[predIndex[row.pred]];
  const QString created = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
  const QString options = optionsJson(info, result);
  std::vector<std::int64_t> runIds;
  for (std::size_t p = 0; p < result.predictionNames.size(); ++p) {
    const std::string& name = result.predictionNames[p];
    std::string file, fingerprint;
    for (std::size_t f = 0; f < info.predictionFiles.size(); ++f)
      if (info.predictionFiles[f].first == name) {
        file = info.predictionFiles[f].second;
        if (f < info.predictionFingerprints.size()) fingerprint = info.predictionFingerprints[f];
      }
    query.prepare(
        "INSERT INTO runs (name, dataset_id, prediction_file, fingerprint, options_json, "
        "created_at, sample_count, totals_json, role, refines) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)");
    const std::string rough = refinedFrom(info.refinements, name);
    // The PCK histograms and pooled counts, so a reopened run draws its PCK curves.
    const QVariant totals = p < result.totals.size()
                                ? QVariant(q(predictionTotalsJson(result.totals[p])))
                                : QVariant(QMetaType(QMetaType::QString));
    for (const QVariant& v :
         {QVariant(q(name)), QVariant(datasetId), QVariant(q(file)), QVariant(q(fingerprint)),
          QVariant(options), QVariant(created), QVariant(qint64(counts[p])), totals,
          QVariant(q(toString(roleOf(info.refinements, name)))),
          rough.empty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(q(rough))})
      query.addBindValue(v);
    if (!query.exec()) fail("cannot save run " + name, query.lastError().text());
    runIds.push_back(query.lastInsertId().toLongLong());
  }

  // One prepared statement re-bound per row: parsing SQL once is what makes 65k rows fast.
  const auto& cols = metricColumns();
  const int width = 3 + int(cols.size()) + 2;
  QStringList marks;
  for (int i = 0; i < width; ++i) marks << QStringLiteral("?");
  QSqlQuery insert(db);
  if (!insert.prepare("INSERT INTO sample_metrics (run_id, sample_index, sample_id, " +
                      metricColumnList() + ", hand_hd95_missing, finger_hd95_missing) VALUES (" +
                      marks.join(",") + ")"))
    fail("cannot save the samples", insert.lastError().text());
  const std::vector<std::ptrdiff_t>& offsets = metricOffsets();
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    const SampleRow& row = result.rows[r];
    if ((r & 4095) == 0) {
      if (cancel && cancel->isCancelled()) throw Cancelled{};
      if (progress) progress(r, result.rows.size());
    }
    int k = 0;
    insert.bindValue(k++, QVariant(qint64(runIds[predIndex[row.pred]])));
    insert.bindValue(k++, QVariant(qint64(row.index)));
    insert.bindValue(k++, QVariant(q(row.sample)));
    for (std::ptrdiff_t off : offsets) insert.bindValue(k++, toSql(slotAt(row.m, off)));
    insert.bindValue(k++, QVariant(row.m.handHdMissing));
    insert.bindValue(k++, QVariant(row.m.fingerHdMissing));
    if (!insert.exec())
      fail("cannot save sample " + row.sample + " of " + row.pred, insert.lastError().text());
  }
  insert.finish();
  query.finish();
  if (!tx.commit()) fail("cannot commit the run", tx.error());
  if (progress) progress(result.rows.size(), result.rows.size());
  return runIds;
}

std::vector<StoredRun> ProjectStore::runs() const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  if (!query.exec("SELECT r.id, r.name, r.dataset_id, d.root, d.format, d.split, d.size, "
                  "r.prediction_file, r.fingerprint, r.options_json, r.created_at, r.sample_count, "
                  "r.role, r.refines, r.metrics_complete "
                  "FROM runs r JOIN datasets d ON d.id = r.dataset_id ORDER BY r.id"))
    fail("cannot list the runs", query.lastError().text());
  std::vector<StoredRun> out;
  while (nextRow(query, "cannot list the runs")) {
    StoredRun r;
    r.id = query.value(0).toLongLong();
    r.name = s(query.value(1));
    r.datasetId = query.value(2).toLongLong();
    r.datasetRoot = s(query.value(3));
    r.datasetFormat = s(query.value(4));
    r.split = s(query.value(5));
    r.datasetSize = std::size_t(query.value(6).toLongLong());
    r.predictionFile = s(query.value(7));
    r.fingerprint = s(query.value(8));
    r.optionsJson = s(query.value(9));
    r.createdAt = s(query.value(10));
    r.sampleCount = std::size_t(query.value(11).toLongLong());
    const QString role = query.value(12).toString();
    r.role = role == QLatin1String("rough")     ? PredictionRole::Rough
             : role == QLatin1String("refined") ? PredictionRole::Refined
                                                : PredictionRole::Plain;
    r.refines = s(query.value(13));
    r.metricsComplete = query.value(14).toInt() != 0;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<SampleRow> ProjectStore::loadRun(std::int64_t runId) const {
  requireOpen();
  QSqlDatabase db = QSqlDatabase::database(connection_);
  QSqlQuery query(db);
  query.prepare("SELECT name FROM runs WHERE id = ?");
  query.addBindValue(qint64(runId));
  if (!query.exec()) fail("cannot read run " + std::to_string(runId), query.lastError().text());
  if (!nextRow(query, "cannot read the run")) fail("no run with id " + std::to_string(runId), {});
  const std::string name = s(query.value(0));

  query.finish();
  // 65k rows × 30 columns: read through SQLite's own API on Qt's connection (QVariant per value
  // costs ~5× more; docs/benchmarks.md, reopening a 32,560-sample dataset).
  sqlite3* handle = nullptr;
  const QVariant h = db.driver()->handle();
  if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
    handle = *static_cast<sqlite3* const*>(h.data());
  if (!handle) fail("cannot read run " + std::to_string(runId), "no SQLite handle");
  const std::string sql = "SELECT sample_index, sample_id, " + metricColumnList().toStdString() +
                          ", hand_hd95_missing, finger_hd95_missing FROM sample_metrics WHERE "
                          "run_id = ? ORDER BY sample_index";
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    fail("cannot read run " + std::to_string(runId), QString::fromUtf8(sqlite3_errmsg(handle)));
  struct Finalize {
    sqlite3_stmt* s;
    ~Finalize() { sqlite3_finalize(s); }
  } finalize{stmt};
  sqlite3_bind_int64(stmt, 1, runId);
  const std::vector<std::ptrdiff_t>& offsets = metricOffsets();
  std::vector<SampleRow> out;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    SampleRow row;
    row.index = std::size_t(sqlite3_column_int64(stmt, 0));
    const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
    row.sample = id ? id : "";
    row.pred = name;
    int k = 2;
    for (std::ptrdiff_t off : offsets) {  // NULL is a missing value (NaN)
      slotAt(row.m, off) = sqlite3_column_type(stmt, k) == SQLITE_NULL
                               ? std::numeric_limits<double>::quiet_NaN()
                               : sqlite3_column_double(stmt, k);
      ++k;
    }
    row.m.handHdMissing = sqlite3_column_int(stmt, k++);
    row.m.fingerHdMissing = sqlite3_column_int(stmt, k++);
    out.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE)  // a damaged page mid-way: nothing half read is returned
    fail("cannot read run " + std::to_string(runId), QString::fromUtf8(sqlite3_errmsg(handle)));
  return out;
}

std::optional<PredictionTotals> ProjectStore::loadRunTotals(std::int64_t runId) const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare("SELECT totals_json FROM runs WHERE id = ?");
  query.addBindValue(qint64(runId));
  if (!query.exec()) fail("cannot read run " + std::to_string(runId), query.lastError().text());
  if (!nextRow(query, "cannot read the run")) fail("no run with id " + std::to_string(runId), {});
  if (query.value(0).isNull()) return std::nullopt;  // stored before the totals were kept
  return parsePredictionTotals(s(query.value(0)),
                               path_.string() + " (run " + std::to_string(runId) + ")");
}

void ProjectStore::deleteRun(std::int64_t runId) {
  requireOpen();
  QSqlDatabase db = QSqlDatabase::database(connection_);
  QSqlQuery query(db);
  // ON DELETE CASCADE removes the run's samples in the same statement.
  query.prepare("DELETE FROM runs WHERE id = ?");
  query.addBindValue(qint64(runId));
  if (!query.exec()) fail("cannot delete run " + std::to_string(runId), query.lastError().text());
  if (query.numRowsAffected() != 1) fail("no run with id " + std::to_string(runId), {});
}

}  // namespace handalign
