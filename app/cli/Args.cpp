#include "Args.h"

#include <algorithm>
#include <cstdlib>

namespace handalign::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
           const std::vector<std::string>& flags) {
  auto isOne = [](const std::vector<std::string>& v, const std::string& k) {
    return std::find(v.begin(), v.end(), k) != v.end();
  };
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      positional_.push_back(a);
      continue;
    }
    std::string key = a.substr(2), value;
    const std::size_t eq = key.find('=');
    const bool inlineValue = eq != std::string::npos;
    if (inlineValue) value = key.substr(eq + 1), key = key.substr(0, eq);
    if (isOne(flags, key)) {
      if (inlineValue) throw UsageError("option --" + key + " takes no value");
      flags_[key] = true;
    } else if (isOne(valued, key)) {
      if (!inlineValue) {
        if (i + 1 >= argv.size()) throw UsageError("option --" + key + " needs a value");
        value = argv[++i];
      }
      values_[key].push_back(value);
    } else {
      throw UsageError("unknown option --" + key);
    }
  }
}

std::string Args::get(const std::string& key, const std::string& fallback) const {
  const auto it = values_.find(key);
  return it == values_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& key) const {
  const auto it = values_.find(key);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

long Args::getInt(const std::string& key, long fallback, long min, long max) const {
  if (!values_.count(key)) return fallback;
  const std::string v = get(key);
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end || n < min || n > max)
    throw UsageError("--" + key + " must be an integer in " + std::to_string(min) + ".." +
                     std::to_string(max) + " (got \"" + v + "\")");
  return n;
}

std::string Args::required(const std::string& key) const {
  if (!values_.count(key)) throw UsageError("missing required option --" + key);
  return get(key);
}

std::string datasetFormat(const Args& args) {
  if (args.has("dataset-format")) return args.get("dataset-format");
  const std::string f = args.get("format");
  return f == "text" || f == "json" ? std::string() : f;
}

bool wantsJson(const Args& args) { return args.get("format") == "json"; }

}  // namespace handalign::cli
