// Fuzzes per_sample.csv rows (eval/SampleResult: parseRow) and their round trip through formatRow.
#include "FuzzSupport.h"
#include "eval/SampleResult.h"

using namespace handalign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  SampleRow row;
  if (!parseRow(line, row)) return 0;
  // What parseRow accepts, formatRow writes back in a form parseRow reads as the same row.
  SampleRow again;
  if (!parseRow(formatRow(row), again)) std::abort();
  if (again.sample != row.sample || again.pred != row.pred || again.index != row.index ||
      formatRow(again) != formatRow(row))
    std::abort();
  return 0;
}
