#include "browser/FilterExpression.h"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace handalign {

struct FilterExpression::Node {
  enum Kind { Compare, Worse, And, Or, Not } kind = Compare;
  int column = -1;
  int other = -1;              // Worse: the column `column` is compared with
  bool higherIsBetter = true;  // Worse: the metric's direction
  QString op;
  double number = 0;
  std::shared_ptr<const Node> a, b;
};

namespace {

using NodePtr = std::shared_ptr<const FilterExpression::Node>;
using Node = FilterExpression::Node;

struct Token {
  enum Type { Name, Number, Op, Open, Close, End } type = End;
  QString text;
  int pos = 0;
  bool quoted = false;
};

// Parse errors travel as this exception inside the parser only; parse() turns it into a string.
struct SyntaxError {
  QString message;
};

std::vector<Token> tokenize(const QString& s) {
  std::vector<Token> out;
  int i = 0;
  const int n = int(s.size());
  auto isNameStart = [](QChar c) { return c.isLetter() || c == '_'; };
  auto isNameChar = [](QChar c) { return c.isLetterOrNumber() || c == '_' || c == '.'; };
  while (i < n) {
    const QChar c = s[i];
    if (c.isSpace()) {
      ++i;
      continue;
    }
    Token t;
    t.pos = i;
    if (isNameStart(c)) {
      int j = i;
      while (j < n && isNameChar(s[j])) ++j;
      t = {Token::Name, s.mid(i, j - i), i};
      i = j;
    } else if (c == '"') {
      const int j = int(s.indexOf('"', i + 1));
      if (j < 0) throw SyntaxError{QStringLiteral("unterminated quoted name at %1").arg(i + 1)};
      t = {Token::Name, s.mid(i + 1, j - i - 1), i, true};
      i = j + 1;
    } else if (c.isDigit() || c == '.' ||
               ((c == '-' || c == '+') && i + 1 < n && (s[i + 1].isDigit() || s[i + 1] == '.'))) {
      int j = i + 1;
      while (j < n && (s[j].isDigit() || s[j] == '.')) ++j;
      if (j < n && (s[j] == 'e' || s[j] == 'E')) {
        int k = j + 1;
        if (k < n && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < n && s[k].isDigit()) {
          while (k < n && s[k].isDigit()) ++k;
          j = k;
        }
      }
      t = {Token::Number, s.mid(i, j - i), i};
      i = j;
    } else if (QStringLiteral("<>=!").contains(c)) {
      const bool two = i + 1 < n && s[i + 1] == '=';
      t = {Token::Op, s.mid(i, two ? 2 : 1), i};
      if (t.text == "!")
        throw SyntaxError{QStringLiteral("'!' at %1: did you mean '!='?").arg(i + 1)};
      if (t.text == "=") t.text = QStringLiteral("==");
      i += two ? 2 : 1;
    } else if (c == '(' || c == ')') {
      t = {c == '(' ? Token::Open : Token::Close, QString(c), i};
      ++i;
    } else {
      throw SyntaxError{QStringLiteral("unexpected '%1' at %2").arg(c).arg(i + 1)};
    }
    out.push_back(t);
  }
  out.push_back({Token::End, {}, n});
  return out;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, const FilterExpression::Context& context)
      : t_(std::move(tokens)), ctx_(context) {}

  NodePtr parseAll() {
    NodePtr e = parseOr();
    if (peek().type != Token::End) throw SyntaxError{unexpected(peek())};
    return e;
  }

 private:
  const Token& peek(int ahead = 0) const {
    return t_[std::min(p_ + std::size_t(ahead), t_.size() - 1)];
  }
  bool keyword(const char* word, int ahead = 0) const {
    const Token& t = peek(ahead);
    return t.type == Token::Name && !t.quoted && t.text.compare(word, Qt::CaseInsensitive) == 0;
  }
  static QString unexpected(const Token& t) {
    if (t.type == Token::End) return QStringLiteral("unexpected end of the expression");
    return QStringLiteral("unexpected '%1' at %2").arg(t.text).arg(t.pos + 1);
  }
  static NodePtr binary(Node::Kind kind, NodePtr a, NodePtr b) {
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->a = std::move(a);
    n->b = std::move(b);
    return n;
  }

  NodePtr parseOr() {
    NodePtr e = parseAnd();
    while (keyword("or")) {
      ++p_;
      e = binary(Node::Or, e, parseAnd());
    }
    return e;
  }
  NodePtr parseAnd() {
    NodePtr e = parseUnary();
    while (keyword("and")) {
      ++p_;
      e = binary(Node::And, e, parseUnary());
    }
    return e;
  }
  NodePtr parseUnary() {
    if (keyword("not")) {
      ++p_;
      return binary(Node::Not, parseUnary(), nullptr);
    }
    if (peek().type == Token::Open) {
      ++p_;
      NodePtr e = parseOr();
      if (peek().type != Token::Close)
        throw SyntaxError{QStringLiteral("missing ')': ") + unexpected(peek())};
      ++p_;
      return e;
    }
    if (peek().type == Token::Name && (keyword("worse", 1) || keyword("better", 1)) &&
        keyword("than", 2))
      return parseMethodComparison();
    return parseComparison();
  }
  // A worse than B [on METRIC]: A's value is worse than B's by the metric's direction.
  NodePtr parseMethodComparison() {
    const Token a = peek();
    const bool better = keyword("better", 1);
    p_ += 3;
    const Token b = peek();
    if (b.type != Token::Name)
      throw SyntaxError{unexpected(b) + QStringLiteral(" (expected a method name)")};
    ++p_;
    QString metric;
    if (keyword("on")) {
      ++p_;
      if (peek().type != Token::Name)
        throw SyntaxError{unexpected(peek()) + QStringLiteral(" (expected a metric name)")};
      metric = peek().text;
      ++p_;
    }
    QString why;
    const auto c = ctx_.compare ? ctx_.compare(a.text, b.text, metric, &why) : std::nullopt;
    if (!c) throw SyntaxError{why.isEmpty() ? QStringLiteral("cannot compare methods") : why};
    auto n = std::make_shared<Node>();
    n->kind = Node::Worse;
    n->column = better ? c->b : c->a;
    n->other = better ? c->a : c->b;
    n->higherIsBetter = c->higherIsBetter;
    return n;
  }
  NodePtr parseComparison() {
    const Token name = peek();
    if (name.type != Token::Name)
      throw SyntaxError{unexpected(name) + QStringLiteral(" (expected a column name)")};
    QString why;
    const int column = ctx_.resolve ? ctx_.resolve(name.text, &why) : -1;
    if (column < 0)
      throw SyntaxError{why.isEmpty() ? QStringLiteral("unknown column '%1'").arg(name.text) : why};
    ++p_;
    const Token op = peek();
    if (op.type != Token::Op)
      throw SyntaxError{
          QStringLiteral("expected a comparison (> >= < <= == !=) after '%1'").arg(name.text)};
    ++p_;
    const Token num = peek();
    bool ok = false;
    double value = num.type == Token::Number ? num.text.toDouble(&ok) : 0;
    if (num.type == Token::Name && !num.quoted && ctx_.constant)  // e.g. review == accepted
      if (const std::optional<double> c = ctx_.constant(num.text)) value = *c, ok = true;
    if (!ok)
      throw SyntaxError{QStringLiteral("expected a number after '%1': ").arg(op.text) +
                        unexpected(num)};
    ++p_;
    auto n = std::make_shared<Node>();
    n->column = column;
    n->op = op.text;
    n->number = value;
    return n;
  }

  std::vector<Token> t_;
  std::size_t p_ = 0;
  const FilterExpression::Context& ctx_;
};

// SQL's three-valued logic: a comparison with NaN is unknown, and only rows that are surely true
// pass, so `not (x > 8)` does not bring back the rows where x is missing.
enum class Truth { False, True, Unknown };

Truth evaluate(const Node& n, const std::function<double(int)>& value) {
  switch (n.kind) {
    case Node::And: {
      const Truth a = evaluate(*n.a, value);
      if (a == Truth::False) return a;
      const Truth b = evaluate(*n.b, value);
      return b == Truth::False ? b : (a == Truth::Unknown ? a : b);
    }
    case Node::Or: {
      const Truth a = evaluate(*n.a, value);
      if (a == Truth::True) return a;
      const Truth b = evaluate(*n.b, value);
      return b == Truth::True ? b : (a == Truth::Unknown ? a : b);
    }
    case Node::Not: {
      const Truth a = evaluate(*n.a, value);
      return a == Truth::Unknown ? a : (a == Truth::True ? Truth::False : Truth::True);
    }
    case Node::Worse: {
      const double a = value(n.column), b = value(n.other);
      if (std::isnan(a) || std::isnan(b)) return Truth::Unknown;
      return (n.higherIsBetter ? a < b : a > b) ? Truth::True : Truth::False;
    }
    case Node::Compare:
      break;
  }
  const double v = value(n.column);
  if (std::isnan(v)) return Truth::Unknown;
  bool r;
  if (n.op == QLatin1String(">"))
    r = v > n.number;
  else if (n.op == QLatin1String(">="))
    r = v >= n.number;
  else if (n.op == QLatin1String("<"))
    r = v < n.number;
  else if (n.op == QLatin1String("<="))
    r = v <= n.number;
  else if (n.op == QLatin1String("=="))
    r = v == n.number;
  else
    r = v != n.number;
  return r ? Truth::True : Truth::False;
}

}  // namespace

bool FilterExpression::parse(const QString& text, const Context& context, QString* error) {
  try {
    if (text.trimmed().isEmpty()) {
      root_.reset();
      return true;
    }
    root_ = Parser(tokenize(text), context).parseAll();
    return true;
  } catch (const SyntaxError& e) {
    if (error) *error = e.message;
    return false;
  }
}

bool FilterExpression::matches(const std::function<double(int)>& value) const {
  return !root_ || evaluate(*root_, value) == Truth::True;
}

}  // namespace handalign
