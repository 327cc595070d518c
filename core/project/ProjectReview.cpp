// ProjectStore: review states of corrected masks and the annotator's resume point.
#include "project/ProjectStore.h"

#include "project/ProjectSql.h"
#include "util/Error.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

namespace handalign {
using namespace projectsql;
namespace {

constexpr std::array<const char*, 4> kStateNames = {"todo", "in_progress", "accepted",
                                                    "needs_another_look"};
constexpr const char* kResumeKey = "resume";

}  // namespace

std::string toString(ReviewState state) { return kStateNames[std::size_t(state)]; }

bool parseReviewState(const std::string& text, ReviewState& out) {
  for (std::size_t i = 0; i < kStateNames.size(); ++i)
    if (text == kStateNames[i]) {
      out = ReviewState(i);
      return true;
    }
  return false;
}

void ProjectStore::setReviewState(const SampleRef& sample, ReviewState state) {
  requireOpen();
  QSqlDatabase db = QSqlDatabase::database(connection_);
  Transaction tx(db);
  if (!tx.begun()) fail("cannot start a transaction", tx.error());
  QSqlQuery query(db);
  query.prepare(
      "INSERT OR REPLACE INTO review (dataset_id, sample_index, sample_id, state, updated_at, "
      "user) VALUES (?, ?, ?, ?, ?, ?)");
  for (const QVariant& v : {QVariant(qint64(sample.datasetId)), QVariant(qint64(sample.index)),
                            QVariant(q(sample.id)), QVariant(q(toString(state))),
                            QVariant(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)),
                            QVariant(q(currentUserName()))})
    query.addBindValue(v);
  if (!query.exec()) fail("cannot save the review state", query.lastError().text());
  query.finish();
  insertJournal(sample, "review: " + toString(state), false, nullptr, nullptr);
  if (!tx.commit()) fail("cannot save the review state", tx.error());
}

std::vector<ReviewRecord> ProjectStore::reviewRecords(std::int64_t datasetId) const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.setForwardOnly(true);
  query.prepare(
      "SELECT sample_index, sample_id, state, user, updated_at FROM review WHERE dataset_id = ? "
      "ORDER BY sample_index");
  query.addBindValue(qint64(datasetId));
  if (!query.exec()) fail("cannot read the review states", query.lastError().text());
  std::vector<ReviewRecord> out;
  while (nextRow(query, "cannot read the review states")) {
    ReviewRecord r;
    r.sampleIndex = std::size_t(query.value(0).toLongLong());
    r.sampleId = s(query.value(1));
    if (!parseReviewState(s(query.value(2)), r.state))
      fail("damaged project (review state \"" + s(query.value(2)) + "\")", {});
    r.user = s(query.value(3));
    r.updatedAt = s(query.value(4));
    out.push_back(std::move(r));
  }
  return out;
}

void ProjectStore::setResume(const ResumePoint& point) {
  requireOpen();
  const QJsonObject o{{"dataset_id", qint64(point.datasetId)},
                      {"sample_index", qint64(point.sampleIndex)},
                      {"sample_id", q(point.sampleId)},
                      {"tool", q(point.tool)},
                      {"updated_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  query.addBindValue(QString::fromLatin1(kResumeKey));
  query.addBindValue(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
  if (!query.exec()) fail("cannot save where the annotator was", query.lastError().text());
}

std::optional<ResumePoint> ProjectStore::resume() const {
  requireOpen();
  QSqlQuery query(QSqlDatabase::database(connection_));
  query.prepare("SELECT value FROM meta WHERE key = ?");
  query.addBindValue(QString::fromLatin1(kResumeKey));
  if (!query.exec()) fail("cannot read the meta table", query.lastError().text());
  if (!nextRow(query, "cannot read the meta table")) return std::nullopt;
  const QJsonObject o = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
  if (!o.contains("dataset_id") || !o.contains("sample_index")) return std::nullopt;
  ResumePoint p;
  p.datasetId = o["dataset_id"].toInteger();
  p.sampleIndex = std::size_t(o["sample_index"].toInteger());
  p.sampleId = o["sample_id"].toString().toStdString();
  p.tool = o["tool"].toString().toStdString();
  p.updatedAt = o["updated_at"].toString().toStdString();
  return p;
}

}  // namespace handalign
