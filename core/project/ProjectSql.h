// SQL helpers shared by ProjectStore's translation units (internal, not part of the API).
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
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
class Transaction {
 public:
  explicit Transaction(QSqlDatabase& db) : db_(db) { begun_ = db_.transaction(); }
  ~Transaction() {
    if (begun_ && !committed_) db_.rollback();
  }
  bool begun() const { return begun_; }
  bool commit() { return committed_ = db_.commit(); }

 private:
  QSqlDatabase& db_;
  bool begun_ = false, committed_ = false;
};

}  // namespace handalign::projectsql
