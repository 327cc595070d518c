// The options of `eval` and `infer`, one list each: their own parsers and `slurm` (which checks
// the options it passes on before submitting anything) read them.
#pragma once

#include <string>
#include <vector>

namespace handalign::cli {

struct OptionList {
  std::vector<std::string> valued, flags;
  bool takesValue(const std::string& key) const;
  bool knows(const std::string& key) const;
};

const OptionList& evalOptions();
const OptionList& inferOptions();

}  // namespace handalign::cli
