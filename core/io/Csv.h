// Minimal RFC 4180 CSV helpers for the tables the tool writes and merges.
#pragma once

#include <string>
#include <vector>

namespace handalign {

std::string csvField(const std::string& s);  // quotes when needed
std::vector<std::string> splitCsvLine(const std::string& line);
// Numbers as written by formatNumber; "nan", "inf", "-inf" and "" (NaN) accepted.
bool parseCsvNumber(const std::string& s, double& out);

}  // namespace handalign
