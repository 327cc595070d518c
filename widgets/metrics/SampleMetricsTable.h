// One sample's metrics side by side: rows = classes and summary metrics, columns = predictions
// and the delta (last − first), the best value per row highlighted.
#pragma once

#include "eval/SampleResult.h"

#include <QString>
#include <QTableWidget>

#include <string>
#include <utility>
#include <vector>

namespace handalign {

class SampleMetricsTable : public QTableWidget {
  Q_OBJECT
 public:
  enum class Kind { Iou, Hd, Mm, FScore };  // unit and direction of a row
  struct RowSpec {
    const char* label;   // untranslated; shown through tr()
    std::string column;  // metricColumns() name
    Kind kind;
  };
  static const std::vector<RowSpec>& rowSpecs();
  static bool higherIsBetter(Kind kind) { return kind == Kind::Iou || kind == Kind::FScore; }
  // "81.2 %", "4.3 px", "12.57 mm", "—" for NaN; `delta` adds a sign (and "pp" for percentages).
  static QString format(double value, Kind kind, bool delta = false);

  static constexpr int kValueRole = Qt::UserRole;     // the raw double of a cell
  static constexpr int kBestRole = Qt::UserRole + 1;  // true on the best cell of a row

  explicit SampleMetricsTable(QWidget* parent = nullptr);
  void setSample(const std::vector<std::pair<QString, SampleMetrics>>& perPrediction);
  int rowOf(const std::string& column) const;  // -1 when not shown
  bool hasDeltaColumn() const { return hasDelta_; }

 private:
  void fillRow(int row, const RowSpec& spec,
               const std::vector<std::pair<QString, SampleMetrics>>& perPrediction);
  bool hasDelta_ = false;
};

}  // namespace handalign
