// Sorting (numeric, missing values last) and expression filtering over a SampleTableModel.
#pragma once

#include "browser/FilterExpression.h"

#include <QSortFilterProxyModel>

#include <string>

namespace handalign {

class SampleTableModel;

class SampleFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit SampleFilterProxy(QObject* parent = nullptr);

  void setSourceModel(QAbstractItemModel* model) override;

  // Applies a FilterExpression. An invalid text keeps the current filter, returns false and sets
  // errorString(); nothing is thrown.
  bool setFilterExpression(const QString& text);
  QString filterExpression() const { return text_; }
  QString errorString() const { return error_; }
  // Metric that "A worse than B" compares when no "on METRIC" is given (default finger_miou); its
  // direction comes from the metric registry.
  void setWorseMetric(const std::string& metric);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
  // NaN sorts last in both orders: the samples without a value are rarely the ones sought.
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  FilterExpression::Context context() const;
  void reapply();  // the source's columns changed: resolve the names again

  SampleTableModel* samples_ = nullptr;
  FilterExpression expression_;
  QString text_, error_;
  std::string worseMetric_ = "finger_miou";
};

}  // namespace handalign
