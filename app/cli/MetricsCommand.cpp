// handalign metrics PRED GT: IoU and HD95 of two masks (PNG label images or JPEG/PNG hand masks).
#include "Args.h"
#include "Commands.h"

#include "hand/Part.h"
#include "io/ImageIO.h"
#include "io/JsonWriter.h"
#include "metrics/MaskMetrics.h"
#include "util/Error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace handalign::cli {
namespace {

// A JPEG is lossy: it can only be a hand mask, read as the evaluator reads dataset masks (value
// >= 128 is the hand). A PNG is taken as stored (a label image 0..6, or a binary mask).
LabelImage readMask(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext != ".jpg" && ext != ".jpeg") return readPng8(file);
  LabelImage mask = binaryHandMask(readMask8(file));
  for (std::uint8_t& v : mask.pixels) v = v ? 255 : 0;  // binary mode: non-zero is the hand
  return mask;
}

}  // namespace

int runMetrics(const std::vector<std::string>& argv) {
  const Args args(argv, {"hd-mode", "hd-empty"}, {});
  if (args.positional().size() != 2)
    throw UsageError("metrics needs exactly two mask files: PRED GT (PNG or JPEG)");
  HdOptions hd;
  if (!parseHdMode(args.get("hd-mode", "max"), hd.mode))
    throw UsageError("--hd-mode must be max or pooled");
  if (!parseHdEmpty(args.get("hd-empty", "nan"), hd.empty))
    throw UsageError("--hd-empty must be nan or diagonal");
  const std::filesystem::path predFile = args.positional()[0], gtFile = args.positional()[1];
  const LabelImage pred = readMask(predFile);
  const LabelImage gt = readMask(gtFile);
  if (pred.width != gt.width || pred.height != gt.height)
    throw InputError(predFile, "is " + std::to_string(pred.width) + "x" +
                                   std::to_string(pred.height) + ", " + gtFile.string() + " is " +
                                   std::to_string(gt.width) + "x" + std::to_string(gt.height));

  const auto inRange = [](const LabelImage& m) {
    return std::all_of(m.pixels.begin(), m.pixels.end(),
                       [](std::uint8_t v) { return v <= kPartCount; });
  };
  const bool labels = inRange(pred) && inRange(gt);
  std::vector<std::string> names = {"background"};
  if (labels) {
    for (auto n : kPartNames) names.emplace_back(n);
  } else {
    names.emplace_back("hand");
  }

  MaskScorer scorer(hd);
  std::vector<std::uint8_t> p(pred.pixels.size()), g(gt.pixels.size());
  JsonWriter w;
  w.beginObject().key("mode").value(labels ? "labels" : "binary");
  w.key("hd_mode").value(toString(hd.mode)).key("hd_empty").value(toString(hd.empty));
  w.key("classes").beginObject();
  double iouSum = 0, iouFgSum = 0, hdSum = 0;
  int iouN = 0, iouFgN = 0, hdN = 0;
  for (std::size_t c = 0; c < names.size(); ++c) {
    for (std::size_t i = 0; i < p.size(); ++i) {
      const bool pv = labels ? pred.pixels[i] == c : (c == 0) == (pred.pixels[i] == 0);
      const bool gv = labels ? gt.pixels[i] == c : (c == 0) == (gt.pixels[i] == 0);
      p[i] = pv, g[i] = gv;
    }
    const ClassScore s = scorer.score(p.data(), g.data(), pred.width, pred.height);
    w.key(names[c]).beginObject().key("iou").value(s.iou).key("hd95").value(s.hd95).endObject();
    if (!std::isnan(s.iou)) iouSum += s.iou, ++iouN;
    if (c > 0 && !std::isnan(s.iou)) iouFgSum += s.iou, ++iouFgN;
    if (c > 0 && !std::isnan(s.hd95)) hdSum += s.hd95, ++hdN;
  }
  w.endObject();
  const double nan = std::nan("");
  w.key("miou").value(iouN ? iouSum / iouN : nan);
  w.key("miou_fg").value(iouFgN ? iouFgSum / iouFgN : nan);
  w.key("hd95_mean").value(hdN ? hdSum / hdN : nan);
  w.endObject();
  std::fputs(w.str().c_str(), stdout);
  return 0;
}

}  // namespace handalign::cli
