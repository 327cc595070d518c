// ProjectStore: the journal of corrected masks (docs/adr/0009).
#include "project/ProjectStore.h"

#include "project/ProjectSql.h"
#include "util/Error.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace handalign {
using namespace projectsql;
namespace {

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

constexpr const char* kEntryColumns =
    "id, dataset_id, sample_index, sample_id, user, time, action, changes_mask, "
    "prev_hand IS NOT NULL, new_hash, applied";

JournalEntry entryFrom(const QSqlQuery& query) {
  JournalEntry e;
  e.id = query.value(0).toLongLong();
  e.sample.datasetId = query.value(1).toLongLong();
  e.sample.index = std::size_t(query.value(2).toLongLong());
  e.sample.id = s(query.value(3));
  e.user = s(query.value(4));
  e.time = s(query.value(5));
  e.action = s(query.value(6));
  e.changesMask = query.value(7).toInt() != 0;
  e.hadCorrection = query.value(8).toInt() != 0;
  e.newHash = s(query.value(9));
  e.applied = query.value(10).toInt() != 0;
  return e;
}

}  // namespace

std::string currentUserName() {
  for (const char* var : {"USER", "USERNAME"}) {
    const QString name = qEnvironmentVariable(var);
    if (!name.isEmpty()) return name.toStdString();
  }
  return "unknown";
}

void ProjectStore::requireOpen() const {
  if (!open_) throw InputError(path_, "no project is open");
}

std::int64_t ProjectStore::upsertDataset(const DatasetKey& key) {
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare("SELECT id FROM datasets WHERE root = ? AND format = ? AND split = ?");
  query.addBindValue(q(key.root));
  query.addBindValue(q(key.format));
  query.addBindValue(q(key.split));
  if (!query.exec()) fail("cannot read the datasets", query.lastError().text());
  qint64 id = 0;
  if (nextRow(query, "cannot read the datasets")) {
    id = query.value(0).toLongLong();
    query.prepare("UPDATE datasets SET size = ? WHERE id = ?");
    query.addBindValue(qint64(key.size));
    query.addBindValue(id);
  } else {
    query.prepare("INSERT INTO datasets (root, format, split, size) VALUES (?, ?, ?, ?)");
    query.addBindValue(q(key.root));
    query.addBindValue(q(key.format));
    query.addBindValue(q(key.split));
    query.addBindValue(qint64(key.size));
  }
  if (!query.exec()) fail("cannot save the dataset", query.lastError().text());
  return id ? id : query.lastInsertId().toLongLong();
}

std::int64_t ProjectStore::datasetId(const DatasetKey& key) {
  requireOpen();
  QSqlDatabase db = QSqlDatabase::database(connection_);
  Transaction tx(db);
  if (!tx.begun()) fail("cannot save the dataset", tx.error());
  const std::int64_t id = upsertDataset(key);
  if (!tx.commit()) fail("cannot save the dataset", tx.error());
  return id;
}

std::int64_t ProjectStore::insertJournal(const SampleRef& sample, const std::string& action,
                                         bool changesMask, const MaskFiles* previous,
                                         const MaskFiles* next) {
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare(
      "INSERT INTO journal (dataset_id, sample_index, sample_id, user, time, action, "
      "changes_mask, prev_hand, prev_parts, new_hash, pending_hand, pending_parts, applied) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const MaskFiles none;
  const MaskFiles& prev = previous ? *previous : none;
  const MaskFiles& pending = next ? *next : none;
  for (const QVariant& v :
       {QVariant(qint64(sample.datasetId)), QVariant(qint64(sample.index)), QVariant(q(sample.id)),
        QVariant(q(currentUserName())), QVariant(now()), QVariant(q(action)),
        QVariant(int(changesMask)), blob(prev.hand), blob(prev.parts), QVariant(q(pending.hash())),
        blob(pending.hand), blob(pending.parts), QVariant(int(!changesMask))})
    query.addBindValue(v);
  if (!query.exec())
    fail("cannot write the journal (sample " + sample.id + ")", query.lastError().text());
  return query.lastInsertId().toLongLong();
}

std::int64_t ProjectStore::recordSave(const SampleRef& sample, const std::string& action,
                                      const MaskFiles& previous, const MaskFiles& next,
                                      const std::vector<std::int64_t>& landed) {
  requireOpen();
  QSqlDatabase db = QSqlDatabase::database(connection_);
  Transaction tx(db);
  if (!tx.begun()) fail("cannot start a transaction", tx.error());
  for (std::int64_t done : landed) markApplied(done);
  const std::int64_t id = insertJournal(sample, action, true, &previous, &next);
  QSqlQuery query(db);
  query.prepare(
      "INSERT INTO review (dataset_id, sample_index, sample_id, state, updated_at, user) "
      "VALUES (?, ?, ?, 'in_progress', ?, ?) ON CONFLICT (dataset_id, sample_index) DO UPDATE "
      "SET state = 'in_progress', updated_at = excluded.updated_at, user = excluded.user "
      "WHERE review.state = 'todo'");
  for (const QVariant& v :
       {QVariant(qint64(sample.datasetId)), QVariant(qint64(sample.index)), QVariant(q(sample.id)),
        QVariant(now()), QVariant(q(currentUserName()))})
    query.addBindValue(v);
  if (!query.exec()) fail("cannot update the review state", query.lastError().text());
  query.finish();
  if (!tx.commit()) fail("cannot commit the journal", tx.error());
  return id;
}

void ProjectStore::markApplied(std::int64_t journalId) {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare(
      "UPDATE journal SET applied = 1, pending_hand = NULL, pending_parts = NULL WHERE id = ?");
  query.addBindValue(qint64(journalId));
  if (!query.exec()) fail("cannot update the journal", query.lastError().text());
}

void ProjectStore::discardPending(std::int64_t journalId) {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare("DELETE FROM journal WHERE id = ? AND applied = 0");
  query.addBindValue(qint64(journalId));
  if (!query.exec()) fail("cannot update the journal", query.lastError().text());
}

std::vector<JournalEntry> ProjectStore::journal(std::int64_t datasetId,
                                                std::size_t sampleIndex) const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare(QStringLiteral("SELECT %1 FROM journal WHERE dataset_id = ? AND sample_index = ? "
                               "ORDER BY id")
                    .arg(kEntryColumns));
  query.addBindValue(qint64(datasetId));
  query.addBindValue(qint64(sampleIndex));
  if (!query.exec()) fail("cannot read the journal", query.lastError().text());
  std::vector<JournalEntry> out;
  while (nextRow(query, "cannot read the journal")) out.push_back(entryFrom(query));
  return out;
}

std::vector<JournalEntry> ProjectStore::pendingEntries(std::int64_t datasetId) const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare(
      QStringLiteral("SELECT %1 FROM journal WHERE dataset_id = ? AND applied = 0 ORDER BY id")
          .arg(kEntryColumns));
  query.addBindValue(qint64(datasetId));
  if (!query.exec()) fail("cannot read the journal", query.lastError().text());
  std::vector<JournalEntry> out;
  while (nextRow(query, "cannot read the journal")) out.push_back(entryFrom(query));
  return out;
}

JournalEntry ProjectStore::journalEntry(std::int64_t journalId) const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare(QStringLiteral("SELECT %1 FROM journal WHERE id = ?").arg(kEntryColumns));
  query.addBindValue(qint64(journalId));
  if (!query.exec()) fail("cannot read the journal", query.lastError().text());
  if (!nextRow(query, "cannot read the journal"))
    fail("no journal entry with id " + std::to_string(journalId), {});
  return entryFrom(query);
}

MaskFiles ProjectStore::pendingVersion(std::int64_t journalId) const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare("SELECT pending_hand, pending_parts FROM journal WHERE id = ?");
  query.addBindValue(qint64(journalId));
  if (!query.exec()) fail("cannot read the journal", query.lastError().text());
  if (!nextRow(query, "cannot read the journal"))
    fail("no journal entry with id " + std::to_string(journalId), {});
  return MaskFiles{bytes(query.value(0)), bytes(query.value(1))};
}

MaskFiles ProjectStore::previousVersion(std::int64_t journalId) const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare("SELECT changes_mask, prev_hand, prev_parts FROM journal WHERE id = ?");
  query.addBindValue(qint64(journalId));
  if (!query.exec()) fail("cannot read the journal", query.lastError().text());
  if (!nextRow(query, "cannot read the journal"))
    fail("no journal entry with id " + std::to_string(journalId), {});
  if (!query.value(0).toInt())
    fail("journal entry " + std::to_string(journalId) + " changed no mask (a review change)", {});
  return MaskFiles{bytes(query.value(1)), bytes(query.value(2))};
}

}  // namespace handalign
