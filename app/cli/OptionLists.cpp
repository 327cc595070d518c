#include "OptionLists.h"

#include <algorithm>

namespace handalign::cli {

bool OptionList::takesValue(const std::string& key) const {
  return std::find(valued.begin(), valued.end(), key) != valued.end();
}

bool OptionList::knows(const std::string& key) const {
  return takesValue(key) || std::find(flags.begin(), flags.end(), key) != flags.end();
}

const OptionList& evalOptions() {
  static const OptionList o = {
      {"dataset", "split", "format", "dataset-format", "hand-model", "pred", "refines", "out",
       "resolution", "threads", "hd-mode", "hd-empty", "gt-mask", "limit", "shard", "annotations"},
      {"quiet"}};
  return o;
}

const OptionList& inferOptions() {
  static const OptionList o = {
      {"model", "dataset", "split", "format", "dataset-format", "hand-model", "out", "device",
       "batch", "limit", "threads", "shard"},
      {"half", "quiet", "segmentation"}};
  return o;
}

}  // namespace handalign::cli
