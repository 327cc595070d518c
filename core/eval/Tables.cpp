#include "eval/Tables.h"

#include "io/Csv.h"
#include "io/JsonWriter.h"

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
    const TableColumn& col = t.columns[c];
    double bestValue = std::nan("");
    for (std::size_t r = 0; r < s.size(); ++r) {
      const double v = tableValue(s[r], col.key) * col.scale;
      if (!std::isfinite(v)) continue;
      // Compare what the reader sees: rounded to the shown decimals.
      const double rounded = shownValue(v, col.decimals);
      if (std::isnan(bestValue) || (col.higherIsBetter ? rounded > bestValue : rounded < bestValue))
        bestValue = rounded;
    }
    if (s.size() < 2) continue;  // a single row has nothing to beat
    for (std::size_t r = 0; r < s.size(); ++r) {
      const double v = tableValue(s[r], col.key) * col.scale;
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
       {{"hand_miou", "Hand mIoU (%)", true, 100.0, 2},
        {"hand_hd95", "Hand HD95 (px)", false, 1.0, 2},
        {"finger_miou", "Finger mIoU (%)", true, 100.0, 2},
        {"finger_hd95", "Finger HD95 (px)", false, 1.0, 2}}},
      {"3D accuracy (FreiHAND protocol)",
       {{"pa_mpjpe_mm", "PA-MPJPE (mm)", false, 1.0, 2},
        {"pa_mpvpe_mm", "PA-MPVPE (mm)", false, 1.0, 2},
        {"pa_auc_j", "AUC-J", true, 1.0, 3},
        {"pa_auc_v", "AUC-V", true, 1.0, 3},
        {"pa_f5", "F@5mm", true, 1.0, 3},
        {"pa_f15", "F@15mm", true, 1.0, 3}}},
  };
  return tables;
}

double tableValue(const PredictionSummary& s, const std::string& key) {
  if (key == "auc_j") return s.aucJ;
  if (key == "pa_auc_j") return s.paAucJ;
  if (key == "auc_v") return s.aucV;
  if (key == "pa_auc_v") return s.paAucV;
  const auto it = s.mean.find(key);
  return it == s.mean.end() ? std::nan("") : it->second;
}

std::string tableCsv(const RunInfo& info, const std::vector<PredictionSummary>& s) {
  std::string out = "method,samples";
  std::vector<std::string> keys = {
      "hand_iou", "hand_miou",   "hand_hd95", "finger_miou", "finger_miou_fg", "finger_hd95",
      "mpjpe_mm", "pa_mpjpe_mm", "mpvpe_mm",  "pa_mpvpe_mm", "auc_j",          "pa_auc_j",
      "auc_v",    "pa_auc_v",    "f5",        "f15",         "pa_f5",          "pa_f15"};
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
    for (const TableColumn& c : t.columns)
      out += " " + c.header + (c.higherIsBetter ? " ↑" : " ↓") + " |";
    out += "\n|---|";
    for (std::size_t c = 0; c < t.columns.size(); ++c) out += "---:|";
    out += "\n";
    for (std::size_t r = 0; r < s.size(); ++r) {
      out += "| " + s[r].name + " |";
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const std::string v =
            fixed(tableValue(s[r], t.columns[c].key) * t.columns[c].scale, t.columns[c].decimals);
        out += " " + (best[r][c] ? "**" + v + "**" : v) + " |";
      }
      out += "\n";
    }
    out += "\n";
  }
  out += "<sub>" + conventionLine(info) + "</sub>\n";
  return out;
}

std::string tableLatex(const RunInfo& info, const std::vector<PredictionSummary>& s) {
  std::string out =
      "% Generated by " + info.tool + " " + info.version + "; needs \\usepackage{booktabs}\n";
  out += "% " + conventionLine(info) + "\n";
  for (const TableLayout& t : paperTables()) {
    const auto best = bestCells(t, s);
    out += "% " + t.title + "\n\\begin{tabular}{l";
    out += std::string(t.columns.size(), 'c') + "}\n\\toprule\nMethod";
    for (const TableColumn& c : t.columns)
      out += " & " + latexEscape(c.header) + (c.higherIsBetter ? " $\\uparrow$" : " $\\downarrow$");
    out += " \\\\\n\\midrule\n";
    for (std::size_t r = 0; r < s.size(); ++r) {
      out += latexEscape(s[r].name);
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        std::string v =
            fixed(tableValue(s[r], t.columns[c].key) * t.columns[c].scale, t.columns[c].decimals);
        if (v == "–") v = "--";
        out += " & " + (best[r][c] ? "\\textbf{" + v + "}" : v);
      }
      out += " \\\\\n";
    }
    out += "\\bottomrule\n\\end{tabular}\n\n";
  }
  return out;
}

}  // namespace handalign
