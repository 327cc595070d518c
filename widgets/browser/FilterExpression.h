// The sample browser's filter language: `finger_hd95 > 8 and not (delta.hand_miou >= 0)`.
#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace handalign {

// Grammar (keywords case-insensitive):
//   expr       := and ('or' and)*
//   and        := unary ('and' unary)*
//   unary      := 'not' unary | '(' expr ')' | method ('worse'|'better') 'than' method
//                 ['on' metric] | column op value
//   value      := number | constant name (e.g. `review == accepted`)
//   op         := > >= < <= == = !=
//   column     := name [A-Za-z_][A-Za-z0-9_.]* or "quoted name"
// A comparison with a missing (NaN) value is unknown (SQL's NULL logic) and only rows that are
// true pass: `x < 3`, `x >= 3` and `not (x < 3)` all skip rows where x is missing.
class FilterExpression {
 public:
  struct Context {
    // Column name → column, -1 if unknown (then `why`, if set, may say more than "unknown").
    std::function<int(const QString& name, QString* why)> resolve;
    // Named values allowed where a number is (case-insensitive), e.g. review states; or empty.
    std::function<std::optional<double>(const QString&)> constant;
    // "A worse than B on METRIC": the two methods' columns of the metric and its direction;
    // nullopt with `why` set when a method or the metric is unknown. metric empty: the default.
    struct Comparison {
      int a = -1, b = -1;
      bool higherIsBetter = true;
    };
    std::function<std::optional<Comparison>(const QString& a, const QString& b,
                                            const QString& metric, QString* why)>
        compare;
  };

  // An empty text gives an expression that accepts everything. Returns false with `error` set
  // (and this expression unchanged) when the text is invalid.
  bool parse(const QString& text, const Context& context, QString* error);
  bool isEmpty() const { return !root_; }
  bool matches(const std::function<double(int column)>& value) const;

  struct Node;

 private:
  std::shared_ptr<const Node> root_;
};

}  // namespace handalign
