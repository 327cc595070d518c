// SQL helpers shared by ProjectStore's translation units (internal, not part of the API).
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <string>

namespace handalign::projectsql {

inline QString q(const std::string& s) { return QString::fromStdString(s); }
inline std::string s(const QVariant& v) { return v.toString().toStdString(); }
// Metric columns are SQL identifiers as they are (lowercase, digits, underscores); quoted anyway.
inline QString quoted(const std::string& column) { return "\"" + q(column) + "\""; }

// Bytes as a BLOB; no bytes as NULL (a layer that does not exist).
inline QVariant blob(const std::string& bytes) {
  return bytes.empty() ? QVariant(QMetaType(QMetaType::QByteArray))
                       : QVariant(QByteArray(bytes.data(), qsizetype(bytes.size())));
}
inline std::string bytes(const QVariant& v) {
  const QByteArray b = v.toByteArray();
  return std::string(b.constData(), std::size_t(b.size()));
}

// Rolls back unless committed, so every early exit (exception, cancellation) leaves nothing.
// BEGIN IMMEDIATE: the write lock is taken (waiting up to the busy timeout) before the first read,
// so a transaction that reads then writes never fails half-way with "database is locked" because
// another process wrote in between (a deferred BEGIN cannot be upgraded then).
class Transaction {
 public:
  explicit Transaction(QSqlDatabase& db) : db_(db) {
    QSqlQuery begin(db_);
    begun_ = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!begun_) error_ = begin.lastError().text();
  }
  ~Transaction() {
    if (begun_ && !committed_) QSqlQuery(db_).exec(QStringLiteral("ROLLBACK"));
  }
  bool begun() const { return begun_; }
  QString error() const { return error_; }  // why BEGIN failed
  bool commit() {
    QSqlQuery end(db_);
    committed_ = end.exec(QStringLiteral("COMMIT"));
    if (!committed_) error_ = end.lastError().text();
    return committed_;
  }

 private:
  QSqlDatabase& db_;
  bool begun_ = false, committed_ = false;
  QString error_;
};

}  // namespace handalign::projectsql
