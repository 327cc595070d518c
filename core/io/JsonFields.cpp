#include "io/JsonFields.h"

#include "util/Error.h"

namespace handalign {

std::string requiredText(simdjson::dom::element e, const char* pointer,
                         const std::filesystem::path& file) {
  std::string_view v;
  if (e.at_pointer(pointer).get_string().get(v))
    throw InputError(file, std::string("missing ") + pointer);
  return std::string(v);
}

std::int64_t requiredInt(simdjson::dom::element e, const char* pointer,
                         const std::filesystem::path& file) {
  std::int64_t v;
  if (e.at_pointer(pointer).get_int64().get(v))
    throw InputError(file, std::string("missing ") + pointer);
  return v;
}

}  // namespace handalign
