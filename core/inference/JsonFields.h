// Typed, checked access to the small JSON files of a model (manifest, box and root-depth lists):
// every problem becomes one InputError naming the file and the key.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

namespace handalign {

// Parses a whole JSON file. Throws InputError for a missing, unreadable or malformed file.
QJsonDocument readJsonFile(const std::filesystem::path& file);

// Integers of a JSON list (what: how the message calls the list).
std::vector<int> intList(const QJsonArray& a, const std::filesystem::path& file,
                         const std::string& what);

// One JSON object of a file, addressed by its dotted path ("crop", "coordinates.root_depth").
class Fields {
 public:
  // Throws when `object` has a key outside `allowed`.
  Fields(std::filesystem::path file, QJsonObject object, std::string path,
         std::initializer_list<const char*> allowed);

  bool has(const char* key) const { return object_.contains(QLatin1String(key)); }
  QJsonValue value(const char* key) const { return object_.value(QLatin1String(key)); }
  // A nested object (absent: an empty one).
  Fields object(const char* key, std::initializer_list<const char*> allowed) const;
  std::string string(const char* key, const std::string& fallback) const;
  std::string choice(const char* key, const std::string& fallback,
                     std::initializer_list<const char*> options) const;
  double number(const char* key, double fallback) const;
  bool boolean(const char* key, bool fallback) const;
  int integer(const char* key, int fallback, int min, int max) const;
  // Three numbers, or one number used for all three.
  std::array<double, 3> triple(const char* key, std::array<double, 3> fallback) const;

  [[noreturn]] void fail(const char* key, const std::string& problem) const;
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  QJsonObject object_;
  std::string path_;
};

}  // namespace handalign
