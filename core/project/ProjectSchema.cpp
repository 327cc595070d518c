// ProjectStore: creating, checking and upgrading the schema of a project file.
#include "project/ProjectStore.h"

#include "project/ProjectSql.h"
#include "util/Error.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

#include <map>

namespace handalign {
using namespace projectsql;
namespace {

constexpr const char* kApplication = "handalign-studio";

// Schema 1: datasets, evaluation runs and their per-sample metrics.
QStringList schema1() {
  QStringList cols;
  for (const auto& c : metricColumns()) cols << quoted(c) + " REAL";
  return {
      "CREATE TABLE datasets (id INTEGER PRIMARY KEY, root TEXT NOT NULL, format TEXT NOT NULL, "
      "split TEXT NOT NULL, size INTEGER NOT NULL, UNIQUE (root, format, split))",
      // AUTOINCREMENT: a deleted run's id is never reused, so a stale id cannot name another run.
      "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
      "dataset_id INTEGER NOT NULL REFERENCES datasets(id), prediction_file TEXT NOT NULL, "
      "fingerprint TEXT NOT NULL, options_json TEXT NOT NULL, created_at TEXT NOT NULL, "
      "sample_count INTEGER NOT NULL)",
      "CREATE TABLE sample_metrics (run_id INTEGER NOT NULL REFERENCES runs(id) "
      "ON DELETE CASCADE, sample_index INTEGER NOT NULL, sample_id TEXT NOT NULL, " +
          cols.join(", ") +
          ", hand_hd95_missing INTEGER NOT NULL, finger_hd95_missing INTEGER NOT NULL, "
          "PRIMARY KEY (run_id, sample_index)) WITHOUT ROWID",
  };
}

// Added by schema 2: the runs' totals, the journal of corrected masks and the review state of
// each sample.
QStringList schema2() {
  return {
      // prev_*: the version the entry replaced (NULL layer: it did not exist). pending_*: the new
      // version until its files are on disk (docs/adr/0009). new_hash: MaskFiles::hash().
      "CREATE TABLE journal (id INTEGER PRIMARY KEY AUTOINCREMENT, "
      "dataset_id INTEGER NOT NULL REFERENCES datasets(id), sample_index INTEGER NOT NULL, "
      "sample_id TEXT NOT NULL, user TEXT NOT NULL, time TEXT NOT NULL, action TEXT NOT NULL, "
      "changes_mask INTEGER NOT NULL, prev_hand BLOB, prev_parts BLOB, new_hash TEXT NOT NULL, "
      "pending_hand BLOB, pending_parts BLOB, applied INTEGER NOT NULL)",
      // The PCK histograms and pooled counts of a run (predictionTotalsJson); NULL before v2.
      "ALTER TABLE runs ADD COLUMN totals_json TEXT",
      "CREATE INDEX journal_by_sample ON journal (dataset_id, sample_index, id)",
      "CREATE INDEX journal_pending ON journal (dataset_id, id) WHERE applied = 0",
      "CREATE TABLE review (dataset_id INTEGER NOT NULL REFERENCES datasets(id), "
      "sample_index INTEGER NOT NULL, sample_id TEXT NOT NULL, state TEXT NOT NULL CHECK (state "
      "IN ('todo', 'in_progress', 'accepted', 'needs_another_look')), updated_at TEXT NOT NULL, "
      "user TEXT NOT NULL, PRIMARY KEY (dataset_id, sample_index)) WITHOUT ROWID",
  };
}

// Added by schema 3: declared roles of the runs (docs/adr/0012), and whether every metric column
// of this version was filled when the run was stored (0: an older version stored it before a
// metric existed; the studio re-scores such runs).
QStringList schema3() {
  return {
      "ALTER TABLE runs ADD COLUMN role TEXT NOT NULL DEFAULT 'plain' CHECK (role IN ('plain', "
      "'rough', 'refined'))",
      "ALTER TABLE runs ADD COLUMN refines TEXT",
      "ALTER TABLE runs ADD COLUMN metrics_complete INTEGER NOT NULL DEFAULT 1",
  };
}

// The statements that take a file from schema `version` - 1 to `version`.
QStringList statementsFor(int version) {
  switch (version) {
    case 2:
      return schema2();
    case 3:
      return schema3();
    default:
      return {};  // no step known: upgradeTo refuses
  }
}

}  // namespace

void ProjectStore::createSchema() {
  QSqlDatabase db = QSqlDatabase::database(connection_);
  Transaction tx(db);
  if (!tx.begun()) fail("cannot create the project schema", tx.error());
  QSqlQuery query(db);
  // Another process may have created it since this one looked (both opened a new file).
  if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) ||
      !nextRow(query, "cannot create the project schema"))
    fail("cannot create the project schema", query.lastError().text());
  if (query.value(0).toLongLong() > 0) {
    query.finish();
    tx.commit();
    checkSchema();
    return;
  }
  const QStringList statements =
      QStringList{"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                  QStringLiteral("INSERT INTO meta VALUES ('application', '%1'), "
                                 "('schema_version', '%2')")
                      .arg(kApplication)
                      .arg(kSchemaVersion)} +
      schema1() + schema2() + schema3();
  for (const QString& sql : statements)
    if (!query.exec(sql)) fail("cannot create the project schema", query.lastError().text());
  if (!tx.commit()) fail("cannot create the project schema", tx.error());
}

void ProjectStore::upgradeTo(int version) {
  QSqlDatabase db = QSqlDatabase::database(connection_);
  const std::string what = "cannot upgrade the project to schema " + std::to_string(version);
  if (statementsFor(version).isEmpty()) fail(what + " (no such step)", {});
  Transaction tx(db);
  if (!tx.begun()) fail(what, tx.error());
  QSqlQuery query(db);
  // Another process may have upgraded it while this one waited for the write lock.
  if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) ||
      !nextRow(query, what))
    fail(what, query.lastError().text());
  if (query.value(0).toInt() >= version) return;
  for (const QString& sql :
       statementsFor(version) +
           QStringList{QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema_version'")
                           .arg(version)})
    if (!query.exec(sql)) fail(what + " (left unchanged)", query.lastError().text());
  query.finish();
  if (!tx.commit()) fail(what + " (left unchanged)", tx.error());
}

void ProjectStore::addMetricColumns(const std::vector<std::string>& missing) {
  // A metric added since the file was written: a new column, NULL (missing) in the old runs,
  // which are marked for re-scoring. One transaction: all columns or none.
  QSqlDatabase db = QSqlDatabase::database(connection_);
  Transaction tx(db);
  if (!tx.begun()) fail("cannot add metric columns", tx.error());
  QSqlQuery query(db);
  const QSqlRecord now = db.record(QStringLiteral("sample_metrics"));  // another process may have
  for (const std::string& c : missing)
    if (!now.contains(q(c)))
      if (!query.exec("ALTER TABLE sample_metrics ADD COLUMN " + quoted(c) + " REAL"))
        fail("cannot add the metric column " + c + " (left unchanged)", query.lastError().text());
  if (!query.exec(QStringLiteral("UPDATE runs SET metrics_complete = 0")))
    fail("cannot mark the runs for re-scoring (left unchanged)", query.lastError().text());
  query.finish();
  if (!tx.commit()) fail("cannot add metric columns (left unchanged)", tx.error());
}

void ProjectStore::checkSchema() {
  QSqlDatabase db = QSqlDatabase::database(connection_);
  QSqlQuery query(db);
  std::map<std::string, std::string> meta;
  if (!query.exec(QStringLiteral("SELECT key, value FROM meta")))
    fail("not a HandAlign project (unreadable meta table)", query.lastError().text());
  while (nextRow(query, "not a HandAlign project (unreadable meta table)"))
    meta[s(query.value(0))] = s(query.value(1));
  query.finish();
  if (meta["application"] != kApplication) fail("not a HandAlign project", {});
  bool ok = false;
  const int version = q(meta["schema_version"]).toInt(&ok);
  if (!ok || version < 1) fail("damaged project (no valid schema_version)", {});
  if (version > kSchemaVersion)
    fail("written by a newer HandAlign (project schema " + std::to_string(version) +
             ", this version reads up to " + std::to_string(kSchemaVersion) + ")",
         {});
  if (db.record(QStringLiteral("sample_metrics")).isEmpty())
    fail("damaged project (no sample_metrics table)", {});
  for (int v = version + 1; v <= kSchemaVersion; ++v) upgradeTo(v);
  for (const char* table : {"journal", "review"})
    if (db.record(QString::fromLatin1(table)).isEmpty())
      fail(std::string("damaged project (no ") + table + " table)", {});
  const QSqlRecord record = db.record(QStringLiteral("sample_metrics"));
  std::vector<std::string> missing;
  for (const auto& c : metricColumns())
    if (!record.contains(q(c))) missing.push_back(c);
  if (!missing.empty()) addMetricColumns(missing);
}

}  // namespace handalign
