// Required fields of a parsed JSON document, by JSON pointer ("/provenance/dataset/root"): one
// InputError naming the file and the field when it is missing or of another type.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace handalign {

std::string requiredText(simdjson::dom::element e, const char* pointer,
                         const std::filesystem::path& file);
std::int64_t requiredInt(simdjson::dom::element e, const char* pointer,
                         const std::filesystem::path& file);

}  // namespace handalign
