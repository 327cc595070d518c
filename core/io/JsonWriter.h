// A small streaming JSON writer: shortest round-trip numbers, NaN/Inf as null, pretty indentation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace handalign {

// Shortest decimal text that reads back as the same double ("nan"/"inf" for non-finite values).
std::string formatNumber(double v);

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(double v);  // NaN and infinities become null
  JsonWriter& value(std::int64_t v);
  JsonWriter& value(int v) { return value(std::int64_t(v)); }
  JsonWriter& value(std::size_t v) { return value(std::int64_t(v)); }
  JsonWriter& value(bool v);
  JsonWriter& value(std::string_view v);
  JsonWriter& value(const char* v) { return value(std::string_view(v)); }
  JsonWriter& null();
  // Writes a flat array on one line.
  JsonWriter& array(const std::vector<double>& values);
  JsonWriter& array(const std::vector<std::int64_t>& values);

  const std::string& str() const { return out_; }

 private:
  void beforeValue();
  void newline();
  std::string out_;
  std::vector<bool> hasItems_;  // per open container
  bool afterKey_ = false;
  int indent_;
};

std::string jsonEscape(std::string_view s);

}  // namespace handalign
