// The paper's tables from a summary: alignment (Table 2) and FreiHAND 3D (Table 1) as CSV,
// Markdown, LaTeX.
#pragma once

#include "eval/MetricRegistry.h"
#include "eval/Summary.h"

#include <string>
#include <vector>

namespace handalign {

// A table's columns are metric registry keys; header, unit, decimals and direction come from the
// registry (eval/MetricRegistry.h).
struct TableLayout {
  std::string title;
  std::vector<std::string> columns;
};

// Table 2 (hand- and finger-level alignment) and Table 1 (FreiHAND 3D metrics, aligned).
const std::vector<TableLayout>& paperTables();

// The value a table shows for a prediction (unscaled), by column key.
double tableValue(const PredictionSummary& s, const std::string& key);

std::string tableCsv(const RunInfo& info, const std::vector<PredictionSummary>& s);
std::string tableMarkdown(const RunInfo& info, const std::vector<PredictionSummary>& s);
std::string tableLatex(const RunInfo& info, const std::vector<PredictionSummary>& s);
// The same tables as aligned plain text for a terminal (what `eval` prints; no Markdown markup).
std::string tableText(const RunInfo& info, const std::vector<PredictionSummary>& s);

}  // namespace handalign
