// Fuzzes the streaming numeric JSON reader (io/NumericJson: scanner, items, lists of lists).
#include "FuzzSupport.h"
#include "io/NumericJson.h"

using namespace handalign;

static void check(const NumericArray& a, ItemShape shape) {
  if (shape.rows >= 0 && !a.empty() && a.rows() != shape.rows) std::abort();
  if (!a.empty() && a.cols() != shape.cols) std::abort();
  fuzz::touch(a.item(0), a.count() * a.itemSize());
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::fs::path file = fuzz::freshDir("json") / "items.json";
  fuzz::writeFile(file, std::string(reinterpret_cast<const char*>(data), size));
  for (const ItemShape shape : {ItemShape{-1, 3}, ItemShape{3, 3}, ItemShape{21, 3}})
    fuzz::expect([&] { check(readNumericItems(file, shape, 2), shape); });
  const std::vector<ItemShape> pred{{21, 3}, {-1, 3}};  // FreiHAND pred.json: [xyz, verts]
  fuzz::expect([&] {
    const std::vector<NumericArray> lists = readNumericItemLists(file, pred, 1);
    if (lists.size() != pred.size()) std::abort();
    for (std::size_t i = 0; i < lists.size(); ++i) check(lists[i], pred[i]);
  });
  return 0;
}
