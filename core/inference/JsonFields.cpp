#include "inference/JsonFields.h"

#include "util/Error.h"

#include <QFile>
#include <QJsonParseError>

#include <cmath>

namespace handalign {
namespace fs = std::filesystem;

QJsonDocument readJsonFile(const fs::path& file) {
  std::error_code ec;
  const fs::file_status st = fs::status(file, ec);
  if (!fs::exists(st)) throw InputError(file, "no such file");
  // A device (/dev/zero) would be read without end, a FIFO would block: regular files only.
  if (!fs::is_regular_file(st))
    throw InputError(file, "is not a regular file (a folder, device or FIFO); name a JSON file");
  constexpr std::uintmax_t kMaxBytes = std::uintmax_t(1) << 30;
  if (fs::file_size(file, ec) > kMaxBytes) throw InputError(file, "is larger than 1 GiB");
  QFile f(QString::fromStdString(file.string()));
  if (!f.open(QIODevice::ReadOnly)) throw InputError(file, "cannot be read");
  const QByteArray bytes = f.readAll();
  if (bytes.trimmed().isEmpty()) throw InputError(file, "is empty");
  QJsonParseError error{};
  QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
  if (error.error != QJsonParseError::NoError)
    throw InputError(file, "is not valid JSON (" + error.errorString().toStdString() + " at byte " +
                               std::to_string(error.offset) + ")");
  return doc;
}

std::vector<int> intList(const QJsonArray& a, const fs::path& file, const std::string& what) {
  std::vector<int> out;
  out.reserve(std::size_t(a.size()));
  for (qsizetype i = 0; i < a.size(); ++i) {
    const double v = a.at(i).toDouble(std::nan(""));
    if (!a.at(i).isDouble() || v != std::floor(v) || std::abs(v) > 2e9)
      throw InputError(file, what + " holds a non-integer at position " + std::to_string(i));
    out.push_back(int(v));
  }
  return out;
}

Fields::Fields(fs::path file, QJsonObject object, std::string path,
               std::initializer_list<const char*> allowed)
    : file_(std::move(file)), object_(std::move(object)), path_(std::move(path)) {
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    bool known = false;
    for (const char* k : allowed) known = known || it.key() == QLatin1String(k);
    if (!known) {
      const std::string key = it.key().toStdString();
      throw InputError(file_, "unknown key \"" + (path_.empty() ? key : path_ + "." + key) +
                                  "\" (see docs/models.md)");
    }
  }
}

Fields Fields::object(const char* key, std::initializer_list<const char*> allowed) const {
  const QJsonValue v = value(key);
  if (!v.isUndefined() && !v.isNull() && !v.isObject()) fail(key, "must be an object");
  return Fields(file_, v.toObject(), path_.empty() ? key : path_ + "." + key, allowed);
}

std::string Fields::string(const char* key, const std::string& fallback) const {
  const QJsonValue v = value(key);
  if (v.isUndefined() || v.isNull()) return fallback;
  if (!v.isString()) fail(key, "must be a string");
  return v.toString().toStdString();
}

std::string Fields::choice(const char* key, const std::string& fallback,
                           std::initializer_list<const char*> options) const {
  const std::string s = string(key, fallback);
  std::string list;
  for (const char* o : options) {
    if (s == o) return s;
    list += std::string(list.empty() ? "" : ", ") + o;
  }
  fail(key, "must be one of " + list + " (got \"" + s + "\")");
}

double Fields::number(const char* key, double fallback) const {
  const QJsonValue v = value(key);
  if (v.isUndefined() || v.isNull()) return fallback;
  if (!v.isDouble() || !std::isfinite(v.toDouble())) fail(key, "must be a number");
  return v.toDouble();
}

bool Fields::boolean(const char* key, bool fallback) const {
  const QJsonValue v = value(key);
  if (v.isUndefined() || v.isNull()) return fallback;
  if (!v.isBool()) fail(key, "must be true or false");
  return v.toBool();
}

int Fields::integer(const char* key, int fallback, int min, int max) const {
  const double v = number(key, fallback);
  if (v != std::floor(v) || v < min || v > max)
    fail(key, "must be an integer in " + std::to_string(min) + ".." + std::to_string(max));
  return int(v);
}

std::array<double, 3> Fields::triple(const char* key, std::array<double, 3> fallback) const {
  const QJsonValue v = value(key);
  if (v.isUndefined() || v.isNull()) return fallback;
  if (v.isDouble()) return {v.toDouble(), v.toDouble(), v.toDouble()};
  const QJsonArray a = v.toArray();
  if (!v.isArray() || a.size() != 3 || !a[0].isDouble() || !a[1].isDouble() || !a[2].isDouble())
    fail(key, "must be a number or a list of 3 numbers (one per channel)");
  return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
}

void Fields::fail(const char* key, const std::string& problem) const {
  throw InputError(file_,
                   "\"" + (path_.empty() ? std::string(key) : path_ + "." + key) + "\" " + problem);
}

}  // namespace handalign
