// The paper's tables from a summary: alignment (Table 2) and FreiHAND 3D (Table 1) as CSV,
// Markdown, LaTeX.
#pragma once

#include "eval/Summary.h"

#include <string>
#include <vector>

namespace handalign {

struct TableColumn {
  std::string key;     // summary metric, e.g. "hand_miou", or "auc_j"
  std::string header;  // e.g. "Hand mIoU (%)"
  bool higherIsBetter;
  double scale;  // displayed value = mean · scale
  int decimals;
};

struct TableLayout {
  std::string title;
  std::vector<TableColumn> columns;
};

// Table 2 (hand- and finger-level alignment) and Table 1 (FreiHAND 3D metrics, aligned).
const std::vector<TableLayout>& paperTables();

// The value a table shows for a prediction (unscaled), by column key.
double tableValue(const PredictionSummary& s, const std::string& key);

std::string tableCsv(const RunInfo& info, const std::vector<PredictionSummary>& s);
std::string tableMarkdown(const RunInfo& info, const std::vector<PredictionSummary>& s);
std::string tableLatex(const RunInfo& info, const std::vector<PredictionSummary>& s);

}  // namespace handalign
