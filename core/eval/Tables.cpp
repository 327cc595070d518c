#include "eval/Tables.h"

#include "io/Csv.h"
#include "io/JsonWriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace handalign {
namespace {

std::string fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "–";
  char buf[64];  // to_chars: locale-independent, unlike printf
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return std::string(buf, r.ptr);
}

double shownValue(double v, int decimals) {
  const std::string text = fixed(v, decimals);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

// Per column: is row r the best (ties included) among the finite displayed values?
std::vector<std::vector<bool>> bestCells(const TableLayout& t,
                                         const std::vector<PredictionSummary>& s) {
  std::vector<std::vector<bool>> best(s.size(), std::vector<bool>(t.columns.size(), false));
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const MetricInfo& col = *findMetric(t.columns[c]);
    double bestValue = std::nan("");
    for (std::size_t r = 0; r < s.size(); ++r) {
      const double v = tableValue(s[r], col.key) * col.displayScale();
      if (!std::isfinite(v)) continue;
      // Compare what the reader sees: rounded to the shown decimals.
      const double rounded = shownValue(v, col.decimals);
      if (std::isnan(bestValue) || (col.higherIsBetter ? rounded > bestValue : rounded < bestValue))
        bestValue = rounded;
    }
    if (s.size() < 2) continue;  // a single row has nothing to beat
    for (std::size_t r = 0; r < s.size(); ++r) {
      const double v = tableValue(s[r], col.key) * col.displayScale();
      best[r][c] = std::isfinite(v) && shownValue(v, col.decimals) == bestValue;
    }
  }
  return best;
}

std::string conventionLine(const RunInfo& info) {
  const EvalOptions& o = info.options;
  return "dataset " + info.datasetRoot + " (" + info.datasetFormat + ", " + info.split + ", " +
         std::to_string(info.datasetSize) + " samples" +
         (o.limit ? ", first " + std::to_string(o.limit) : "") + "); hand model " +
         info.handModelName + "; " + std::to_string(o.resolution) + "x" +
         std::to_string(o.resolution) + " px; mIoU per image; HD95 = " +
         (o.hd.mode == HdMode::Max ? "max of the two directed 95th percentiles"
                                   : "95th percentile of both directions pooled") +
         " (class in one mask only: " +
         (o.hd.empty == HdEmpty::Nan ? "excluded" : "image diagonal") +
         "); 3D after Procrustes with scale (FreiHAND); " + info.tool + " " + info.version;
}

// The value as the table prints it: in the registry's unit and decimals.
std::string shown(const PredictionSummary& s, const std::string& key) {
  const MetricInfo& m = *findMetric(key);
  return fixed(tableValue(s, key) * m.displayScale(), m.decimals);
}

// What HD95 left out, per method: a class in exactly one of the two masks has no distance.
std::string excludedLine(const std::vector<PredictionSummary>& s) {
  std::string out = "HD95 left out (class in one mask only):";
  for (std::size_t r = 0; r < s.size(); ++r)
    out += std::string(r ? ";" : "") + " " + s[r].name + " " +
           std::to_string(s[r].handHd95Missing) + " hand, " +
           std::to_string(s[r].fingerHd95Missing) + " (sample, part) pairs";
  return out;
}

std::string latexEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string("_%&#$").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

const std::vector<TableLayout>& paperTables() {
  static const std::vector<TableLayout> tables = {
      {"Alignment (hand and finger level)",
       {"hand_miou", "hand_hd95", "finger_miou", "finger_hd95"}},
      {"3D accuracy (FreiHAND protocol)",
       {"pa_mpjpe_mm", "pa_mpvpe_mm", "pa_auc_j", "pa_auc_v", "pa_f5", "pa_f15"}},
  };
  return tables;
}

double tableValue(const PredictionSummary& s, const std::string& key) {
  if (key == "auc_j") return s.aucJ;  // dataset-level: not a mean of per-sample values
  if (key == "pa_auc_j") return s.paAucJ;
  if (key == "auc_v") return s.aucV;
  if (key == "pa_auc_v") return s.paAucV;
  const auto it = s.mean.find(key);
  return it == s.mean.end() ? std::nan("") : it->second;
}

std::string tableCsv(const RunInfo& info, const std::vector<PredictionSummary>& s) {
  std::string out = "method,samples";
  std::vector<std::string> keys;  // every registry metric but the single parts' ones
  for (const MetricInfo& m : metricRegistry())
    if (m.level != MetricLevel::Part) keys.push_back(m.key);
  for (const std::string& k : keys) out += "," + k;
  out += ",hand_hd95_missing,finger_hd95_missing_parts\n";
  for (const PredictionSummary& p : s) {
    out += csvField(p.name) + "," + std::to_string(p.samples);
    for (const std::string& k : keys) out += "," + formatNumber(tableValue(p, k));
    out +=
        "," + std::to_string(p.handHd95Missing) + "," + std::to_string(p.fingerHd95Missing) + "\n";
  }
  return out;
}

std::string tableMarkdown(const RunInfo& info, const std::vector<PredictionSummary>& s) {
  std::string out;
  for (const TableLayout& t : paperTables()) {
    const auto best = bestCells(t, s);
    out += "**" + t.title + "**\n\n| Method |";
    for (const std::string& key : t.columns) {
      const MetricInfo& c = *findMetric(key);
      out += " " + c.labelWithUnit() + (c.higherIsBetter ? " ↑" : " ↓") + " |";
    }
    out += "\n|---|";
    for (std::size_t c = 0; c < t.columns.size(); ++c) out += "---:|";
    out += "\n";
    for (std::size_t r = 0; r < s.size(); ++r) {
      out += "| " + s[r].name + " |";
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const std::string v = shown(s[r], t.columns[c]);
        out += " " + (best[r][c] ? "**" + v + "**" : v) + " |";
      }
      out += "\n";
    }
    out += "\n";
  }
  out += "<sub>" + conventionLine(info) + ". " + excludedLine(s) + ".</sub>\n";
  return out;
}

std::string tableLatex(const RunInfo& info, const std::vector<PredictionSummary>& s) {
  std::string out =
      "% Generated by " + info.tool + " " + info.version + "; needs \\usepackage{booktabs}\n";
  out += "% " + conventionLine(info) + "\n% " + excludedLine(s) + "\n";
  for (const TableLayout& t : paperTables()) {
    const auto best = bestCells(t, s);
    out += "% " + t.title + "\n\\begin{tabular}{l";
    out += std::string(t.columns.size(), 'c') + "}\n\\toprule\nMethod";
    for (const std::string& key : t.columns) {
      const MetricInfo& c = *findMetric(key);
      out += " & " + latexEscape(c.labelWithUnit()) +
             (c.higherIsBetter ? " $\\uparrow$" : " $\\downarrow$");
    }
    out += " \\\\\n\\midrule\n";
    for (std::size_t r = 0; r < s.size(); ++r) {
      out += latexEscape(s[r].name);
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        std::string v = shown(s[r], t.columns[c]);
        if (v == "–") v = "--";
        out += " & " + (best[r][c] ? "\\textbf{" + v + "}" : v);
      }
      out += " \\\\\n";
    }
    out += "\\bottomrule\n\\end{tabular}\n\n";
  }
  return out;
}

std::string tableText(const RunInfo& info, const std::vector<PredictionSummary>& s) {
  // Column widths in characters (UTF-8 aware enough for ↑ ↓: counted as one each).
  auto width = [](const std::string& t) {
    std::size_t n = 0;
    for (unsigned char c : t) n += (c & 0xC0) != 0x80;
    return n;
  };
  auto pad = [&](const std::string& t, std::size_t w, bool right) {
    const std::string fill(w > width(t) ? w - width(t) : 0, ' ');
    return right ? fill + t : t + fill;
  };
  std::string out;
  for (const TableLayout& t : paperTables()) {
    const auto best = bestCells(t, s);
    std::vector<std::vector<std::string>> cells(s.size() + 1);
    cells[0].push_back("Method");
    for (const std::string& key : t.columns) {
      const MetricInfo& c = *findMetric(key);
      cells[0].push_back(c.labelWithUnit() + (c.higherIsBetter ? " ↑" : " ↓"));
    }
    for (std::size_t r = 0; r < s.size(); ++r) {
      cells[r + 1].push_back(s[r].name);
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        cells[r + 1].push_back(shown(s[r], t.columns[c]) + (best[r][c] ? "*" : " "));
    }
    std::vector<std::size_t> w(cells[0].size(), 0);
    for (const auto& row : cells)
      for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], width(row[c]));
    out += t.title + "\n";
    for (std::size_t r = 0; r < cells.size(); ++r) {
      for (std::size_t c = 0; c < cells[r].size(); ++c)
        out += (c ? "  " : "") + pad(cells[r][c], w[c], c > 0);
      out += "\n";
      if (r == 0) {
        std::size_t total = 0;
        for (std::size_t c = 0; c < w.size(); ++c) total += w[c] + (c ? 2 : 0);
        out += std::string(total, '-') + "\n";
      }
    }
    out += "\n";
  }
  out += "* best. " + conventionLine(info) + ". " + excludedLine(s) + ".\n";
  return out;
}

}  // namespace handalign
