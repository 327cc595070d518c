// A small command-line parser for `handalign <command> [options]`: --key value, --key=value, flags.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace handalign::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  // `valued`: options that take a value (may repeat); `flags`: options without one.
  Args(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
       const std::vector<std::string>& flags);

  bool has(const std::string& key) const { return values_.count(key) || flags_.count(key); }
  std::string get(const std::string& key, const std::string& fallback = {}) const;
  std::vector<std::string> all(const std::string& key) const;
  // Parses an integer in [min, max]; throws UsageError naming the option otherwise.
  long getInt(const std::string& key, long fallback, long min, long max) const;
  std::string required(const std::string& key) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::map<std::string, bool> flags_;
  std::vector<std::string> positional_;
};

// The dataset plugin's id: --dataset-format ID, or --format ID where --format does not name an
// output format (text, json); empty: detect.
std::string datasetFormat(const Args& args);
// The output format of a command that prints results: --format text (default) or json.
bool wantsJson(const Args& args);

}  // namespace handalign::cli
