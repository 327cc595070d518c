#include "io/NumericJson.h"

#include "io/GrowingArray.h"
#include "io/JsonItemScanner.h"
#include "util/Error.h"

#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace handalign {
namespace {

using detail::ByteRange;
using detail::describeByte;
using detail::InputFile;
namespace ondemand = simdjson::ondemand;

// The scanning thread reads blocks of about kBlockBytes and cuts them into batches of about
// kBatchBytes, the unit of work of the parsing threads.
constexpr std::uint64_t kBlockBytes = 4u << 20;
constexpr std::uint64_t kBatchBytes = 1u << 20;

std::string_view trimmed(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' ||
                            token.back() == '\t'))
    token.remove_suffix(1);
  return token;
}

bool allowedInNumericJson(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' ||
         c == ',' || c == '[' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// simdjson 3.0.1 (Debian 12) mis-rounds "0." followed by 20 or more significant digits (simdjson
// issue #2093, fixed in 3.6.3). Such tokens are at least this long; Python's json.dump writes at
// most 17 significant digits, so only the odd "-0.000123…" reaches the exact path below.
constexpr std::size_t kLongNumberToken = 22;

// The correctly rounded value of a (long) number token that simdjson has already validated.
double exactValue(std::string_view token, double parsed) {
  std::size_t digits = 0;
  for (char c : token) digits += (c >= '0' && c <= '9');
  if (digits < 20) return parsed;
  double value = parsed;
  std::from_chars(token.data(), token.data() + token.size(), value);  // exact, locale-independent
  return value;
}

// Parses single items ([[x, y, z], ...]) with simdjson On-Demand; one per thread.
class ItemParser {
 public:
  // `data` holds the item's `length` bytes followed by at least SIMDJSON_PADDING readable bytes;
  // `fileOffset` is where data[0] lies in the file (for messages). rows < 0 only counts the rows
  // (nothing is written); otherwise exactly rows × cols numbers go to `out`. Returns the problem
  // (empty on success) and the number of rows found.
  std::string parse(const char* data, std::size_t length, std::size_t capacity,
                    std::uint64_t fileOffset, int rows, int cols, double* out, long* rowsFound,
                    const char* rowsNote = "") {
    data_ = data;
    length_ = length;
    fileOffset_ = fileOffset;
    ondemand::document doc;
    simdjson::error_code error =
        parser_.iterate(simdjson::padded_string_view(data, length, capacity)).get(doc);
    if (error) return locate(nullptr, error);
    ondemand::array rowList;
    if ((error = doc.get_array().get(rowList))) return locate(&doc, error);

    long r = 0;
    for (auto rowResult : rowList) {
      ondemand::array row;
      if ((error = rowResult.get_array().get(row))) {
        std::string_view token;
        if (error == simdjson::INCORRECT_TYPE && !rowResult.raw_json_token().get(token))
          return "row " + std::to_string(r) + ": expected a list of " + std::to_string(cols) +
                 " numbers, found " + describeToken(token);
        return locate(&doc, error);
      }
      double* destination = (rows >= 0 && r < rows) ? out + r * cols : nullptr;
      int c = 0;
      for (auto valueResult : row) {
        double value;
        std::string_view token;  // up to the next ',' or ']': the number and any blanks after it
        if ((error = valueResult.raw_json_token().get(token)) ||
            (error = valueResult.get_double().get(value)))
          return numberProblem(doc, valueResult, error, r);
        if (simdjson_unlikely(token.size() >= kLongNumberToken))
          value = exactValue(trimmed(token), value);
        if (!std::isfinite(value)) return nonFinite(r, std::string_view{});
        if (destination && c < cols) destination[c] = value;
        ++c;
      }
      if (c != cols)
        return "expected rows of " + std::to_string(cols) + " numbers, row " + std::to_string(r) +
               " has " + std::to_string(c) + (c == 1 ? " number" : " numbers");
      ++r;
    }
    *rowsFound = r;
    if (rows >= 0 && r != rows)
      return "expected " + std::to_string(rows) + " rows of " + std::to_string(cols) +
             " numbers, found " + std::to_string(r) + (r == 1 ? " row" : " rows") + rowsNote;
    return {};
  }

 private:
  std::uint64_t offsetOf(const char* p) const {
    return fileOffset_ + static_cast<std::uint64_t>(p - data_);
  }

  static std::string describeToken(std::string_view token) {
    token = trimmed(token);
    if (!token.empty() && token.front() == '[') return "a list";
    if (!token.empty() && token.front() == '{') return "an object";
    if (token.size() > 24) token = token.substr(0, 24);
    return "'" + std::string(token) + "'";
  }

  std::string nonFinite(long row, std::string_view token) const {
    std::string where = "row " + std::to_string(row);
    if (!token.empty())
      where = "'" + std::string(token) + "' in " + where + " at byte " +
              std::to_string(offsetOf(token.data()));
    return "NaN or infinite value (" + where + ")";
  }

  std::string numberProblem(ondemand::document& doc,
                            simdjson::simdjson_result<ondemand::value>& valueResult,
                            simdjson::error_code error, long row) {
    std::string_view token;
    if (valueResult.raw_json_token().get(token)) return locate(&doc, error);
    token = trimmed(token);
    if (token.empty()) return locate(&doc, error);
    // Python's json module writes these for non-finite floats.
    if (token == "NaN" || token == "Infinity" || token == "-Infinity") return nonFinite(row, token);
    const std::uint64_t at = offsetOf(token.data());
    if (error == simdjson::NUMBER_ERROR) {
      // simdjson rejects both malformed numbers and ones beyond the double range (1e400).
      double value = 0;
      const auto [end, status] = std::from_chars(token.data(), token.data() + token.size(), value);
      if (end == token.data() + token.size() && status == std::errc::result_out_of_range)
        return nonFinite(row, token);
      return "not JSON (malformed number '" + std::string(token.substr(0, 32)) + "' at byte " +
             std::to_string(at) + ")";
    }
    if (token == "null" || token == "true" || token == "false" || token.front() == '[' ||
        token.front() == '{')
      return "row " + std::to_string(row) + ": expected a number, found " + describeToken(token) +
             " at byte " + std::to_string(at);
    return "not JSON (unexpected " + describeByte(token.front()) + " at byte " +
           std::to_string(at) + ")";
  }

  // A structural error: point at the offending byte as well as we can.
  std::string locate(ondemand::document* doc, simdjson::error_code error) const {
    for (std::size_t i = 0; i < length_; ++i)  // simdjson reports some errors without a position
      if (!allowedInNumericJson(data_[i]))
        return "not JSON (unexpected " + describeByte(data_[i]) + " at byte " +
               std::to_string(fileOffset_ + i) + ")";
    const char* location = nullptr;
    if (doc && !doc->current_location().get(location) && location >= data_ &&
        location < data_ + length_)
      return "not JSON (unexpected " + describeByte(*location) + " at byte " +
             std::to_string(offsetOf(location)) + ")";
    return std::string("not JSON (") + simdjson::error_message(error) + ")";
  }

  ondemand::parser parser_;
  const char* data_ = nullptr;
  std::size_t length_ = 0;
  std::uint64_t fileOffset_ = 0;
};

// The scanning thread reads the file in blocks and cuts batches of items out of them; all threads
// parse batches straight from the block buffers, which return to a small pool once parsed.
struct Block {
  std::vector<char> bytes;   // the block, then at least SIMDJSON_PADDING spare bytes
  std::uint64_t offset = 0;  // file offset of bytes[0]
};

struct Batch {
  std::shared_ptr<const Block> block;
  std::size_t list = 0;
  std::size_t first = 0;  // list index of items[0]
  std::vector<ByteRange> items;
};

// Problems are reported in file order: the first bad item, whatever the thread count.
using ItemKey = std::pair<std::size_t, std::size_t>;  // (list, item)

std::string itemLabel(std::size_t list, std::size_t item, bool multipleLists) {
  std::string label = "item " + std::to_string(item);
  return multipleLists ? "list " + std::to_string(list) + ", " + label : label;
}

// Most items a list can hold in `fileSize` bytes: each takes at least 1 + rows·(2·cols + 2) bytes
// ("[[1,2,3],[4,5,6]]") plus a separator.
std::size_t maxItemCount(std::uint64_t fileSize, int rows, int cols) {
  const std::uint64_t minBytes =
      2 + static_cast<std::uint64_t>(rows) * (2 * static_cast<std::uint64_t>(cols) + 2);
  return static_cast<std::size_t>((fileSize + 1) / minBytes + 1);
}

class Pipeline {
 public:
  Pipeline(const std::filesystem::path& path, const std::vector<ItemShape>& shapes,
           bool multipleLists, int threads)
      : file_(path),
        shapes_(shapes),
        multipleLists_(multipleLists),
        threads_(threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency())),
        scanner_(path, file_.size(), multipleLists ? 2 : 1),
        outputs_(shapes.size()) {
    // No more threads than batches: a 3 KB file of camera matrices is read on this one.
    const std::uint64_t batches = file_.size() / kBatchBytes + 1;
    threads_ = static_cast<int>(
        std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::max(threads_, 1)), 1, batches));
    maxBlocks_ = threads_ == 1 ? 1 : 2 * static_cast<std::size_t>(threads_) + 1;
  }

  std::vector<NumericArray> run() {
    std::vector<std::thread> pool;
    try {
      for (int t = 1; t < threads_; ++t)
        pool.emplace_back([this] {
          ItemParser parser;
          work(parser);
        });
    } catch (...) {
      // Fewer threads than asked for: the ones running (and this one) still do all the work.
    }
    ItemParser parser;
    std::exception_ptr scanError;
    try {
      scan(parser);
    } catch (...) {
      scanError = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      scanningOver_ = true;
    }
    workAvailable_.notify_all();
    work(parser);
    for (auto& thread : pool) thread.join();
    queue_.clear();

    if (error_) std::rethrow_exception(error_);  // an item before wherever the scanner stopped
    if (scanError) std::rethrow_exception(scanError);
    return finish();
  }

 private:
  struct ListOutput {
    int rows = 0;
    std::unique_ptr<GrowingArray> array;
    const char* rowsNote = "";
  };

  void scan(ItemParser& parser) {
    const std::uint64_t size = file_.size();
    std::uint64_t scanned = 0;
    while (scanned < size) {
      std::shared_ptr<Block> block = acquireBlock(parser);
      if (!block) return;  // an item failed: nothing after it matters
      // An item cut by the previous block's end is read again whole, so every item lies in one
      // block; the carried part grows geometrically for items larger than a block.
      const std::uint64_t start = scanner_.insideItem() ? scanner_.itemBegin() : scanned;
      const std::uint64_t carried = scanned - start;
      const auto length = static_cast<std::size_t>(std::min<std::uint64_t>(
          size - start, carried + std::max<std::uint64_t>(kBlockBytes, carried)));
      if (block->bytes.size() < length + simdjson::SIMDJSON_PADDING)
        block->bytes.resize(length + simdjson::SIMDJSON_PADDING);
      file_.readAt(start, block->bytes.data(), length);
      block->offset = start;
      scanner_.feed(block->bytes.data() + carried, length - static_cast<std::size_t>(carried),
                    scanned);
      scanned = start + length;
      publish(block, parser);
    }
    scanner_.finish();
  }

  // A block from the pool; while none is free, helps parsing the queued batches.
  std::shared_ptr<Block> acquireBlock(ItemParser& parser) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      if (failed_) return nullptr;
      if (!freeBlocks_.empty() || blocksOut_ < maxBlocks_) {
        std::unique_ptr<Block> block;
        if (!freeBlocks_.empty()) {
          block = std::move(freeBlocks_.back());
          freeBlocks_.pop_back();
        } else {
          block = std::make_unique<Block>();
        }
        ++blocksOut_;
        return std::shared_ptr<Block>(block.release(), [this](Block* returned) {
          std::lock_guard<std::mutex> guard(mutex_);
          freeBlocks_.emplace_back(returned);
          --blocksOut_;
          blockReturned_.notify_one();
        });
      }
      if (!queue_.empty()) {
        Batch batch = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        process(batch, parser);
        batch.block.reset();  // its deleter takes the lock
        lock.lock();
        continue;
      }
      blockReturned_.wait(lock);
    }
  }

  void publish(const std::shared_ptr<Block>& block, ItemParser& parser) {
    auto& found = scanner_.found();
    for (std::size_t k = 0; k < found.size();) {
      const auto& first = found[k];
      if (first.list >= shapes_.size()) {  // an extra list: counted, reported at the end
        ++k;
        continue;
      }
      ListOutput& output = outputs_[first.list];
      if (!output.array) startList(first, *block, parser);
      // Past the bound some earlier item must be too short for its shape; that item's problem is
      // reported (it was queued before), this is only the fallback.
      if (first.index >= output.array->maxCount())
        throw InputError(file_.path(), itemLabel(first.list, first.index, multipleLists_) +
                                           ": more items than the file can hold at this shape");
      Batch batch;
      batch.block = block;
      batch.list = first.list;
      batch.first = first.index;
      std::size_t end = k;
      while (end < found.size() && found[end].list == first.list &&
             found[end].index < output.array->maxCount() &&
             (end == k || found[end].range.end - first.range.begin <= kBatchBytes))
        batch.items.push_back(found[end++].range);
      output.array->commit(found[end - 1].index + 1);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(std::move(batch));
      }
      workAvailable_.notify_one();
      k = end;
    }
    found.clear();
  }

  // At the list's first item: with rows < 0 that item decides the row count for all.
  void startList(const detail::ItemScanner::Found& first, const Block& block, ItemParser& parser) {
    const ItemShape shape = shapes_[first.list];
    ListOutput& output = outputs_[first.list];
    output.rows = shape.rows;
    if (shape.rows < 0) {
      const auto offset = static_cast<std::size_t>(first.range.begin - block.offset);
      long rows = 0;
      const std::string problem = parser.parse(
          block.bytes.data() + offset,
          static_cast<std::size_t>(first.range.end - first.range.begin),
          block.bytes.size() - offset, first.range.begin, -1, shape.cols, nullptr, &rows);
      if (!problem.empty())
        throw InputError(file_.path(), itemLabel(first.list, 0, multipleLists_) + ": " + problem);
      if (rows > std::numeric_limits<int>::max())
        throw InputError(file_.path(),
                         itemLabel(first.list, 0, multipleLists_) + ": too many rows");
      output.rows = static_cast<int>(rows);
      output.rowsNote = " (as item 0)";
    }
    output.array = std::make_unique<GrowingArray>(
        maxItemCount(file_.size(), output.rows, shape.cols), output.rows, shape.cols);
  }

  void work(ItemParser& parser) {
    for (;;) {
      Batch batch;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        workAvailable_.wait(lock, [this] { return !queue_.empty() || scanningOver_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      process(batch, parser);
    }
  }

  void process(const Batch& batch, ItemParser& parser) {
    if (failed_) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (ItemKey{batch.list, batch.first} > errorKey_) return;
    }
    const ListOutput& output = outputs_[batch.list];
    const Block& block = *batch.block;
    const int cols = shapes_[batch.list].cols;
    std::size_t item = batch.first;
    try {
      for (const ByteRange& range : batch.items) {
        const auto offset = static_cast<std::size_t>(range.begin - block.offset);
        long rowsFound = 0;
        const std::string problem = parser.parse(
            block.bytes.data() + offset, static_cast<std::size_t>(range.end - range.begin),
            block.bytes.size() - offset, range.begin, output.rows, cols, output.array->item(item),
            &rowsFound, output.rowsNote);
        if (!problem.empty())
          throw InputError(file_.path(),
                           itemLabel(batch.list, item, multipleLists_) + ": " + problem);
        ++item;
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (ItemKey{batch.list, item} < errorKey_) {
        errorKey_ = {batch.list, item};
        error_ = std::current_exception();
      }
      failed_ = true;
      blockReturned_.notify_all();
    }
  }

  std::vector<NumericArray> finish() {
    const std::vector<std::size_t>& counts = scanner_.itemCounts();
    if (multipleLists_) {
      if (counts.size() != shapes_.size())
        throw InputError(file_.path(), "expected a list of " + std::to_string(shapes_.size()) +
                                           (shapes_.size() == 1 ? " list" : " lists") + ", found " +
                                           std::to_string(counts.size()));
      // An empty list is allowed beside full ones (FreiHAND predictions with vertices only).
      std::size_t reference = 0;
      for (std::size_t c : counts) reference = std::max(reference, c);
      for (std::size_t k = 0; k < counts.size(); ++k)
        if (counts[k] != 0 && counts[k] != reference)
          throw InputError(file_.path(), "lists have different lengths (" +
                                             std::to_string(reference) + " vs " +
                                             std::to_string(counts[k]) + ")");
    }
    std::vector<NumericArray> arrays;
    for (std::size_t k = 0; k < shapes_.size(); ++k) {
      if (outputs_[k].array)
        arrays.push_back(outputs_[k].array->finish(counts[k]));
      else
        arrays.emplace_back(0, std::max(0, shapes_[k].rows), shapes_[k].cols);
    }
    return arrays;
  }

  InputFile file_;
  const std::vector<ItemShape> shapes_;
  const bool multipleLists_;
  int threads_;
  detail::ItemScanner scanner_;
  std::vector<ListOutput> outputs_;  // written by the scanning thread before a list's first batch

  std::mutex mutex_;
  std::condition_variable workAvailable_;  // a batch was queued, or scanning is over
  std::condition_variable blockReturned_;  // a block came back, or an item failed
  std::vector<std::unique_ptr<Block>> freeBlocks_;
  std::size_t blocksOut_ = 0;
  std::size_t maxBlocks_ = 1;
  std::deque<Batch> queue_;  // declared after the pool: queued blocks return to it
  bool scanningOver_ = false;
  std::atomic<bool> failed_{false};
  ItemKey errorKey_{std::numeric_limits<std::size_t>::max(),
                    std::numeric_limits<std::size_t>::max()};
  std::exception_ptr error_;
};

std::vector<NumericArray> readLists(const std::filesystem::path& path,
                                    const std::vector<ItemShape>& shapes, int threads,
                                    bool multipleLists) {
  for (const ItemShape& shape : shapes)
    if (shape.cols < 0) throw std::invalid_argument("readNumericItems: negative column count");
  Pipeline pipeline(path, shapes, multipleLists, threads);
  return pipeline.run();
}

}  // namespace

NumericArray readNumericItems(const std::filesystem::path& path, ItemShape shape, int threads) {
  return std::move(readLists(path, {shape}, threads, false).front());
}

std::vector<NumericArray> readNumericItemLists(const std::filesystem::path& path,
                                               const std::vector<ItemShape>& shapes, int threads) {
  if (shapes.empty()) throw std::invalid_argument("readNumericItemLists: no shapes");
  return readLists(path, shapes, threads, true);
}

}  // namespace handalign
