// The canonical text of an expression, so that conditions written differently but meaning the same
// by their form compare equal (duplicate-condition, `x and not x`).
#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "lint/analysis.hpp"

namespace leadscore::lint {

using ast::CompareOp;
using ast::Expr;
using ast::ExprKind;

namespace {

std::string lowered(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string quoted(const std::string& s) { return fmt::format("\"{}\"", s); }

const char* op_text(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
  }
  return "?";
}

std::string joined_sorted(std::vector<std::string> parts, const char* separator) {
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  return fmt::format("{}", fmt::join(parts, separator));
}

void operands(const Expr& e, ExprKind kind, const Context& cx, std::vector<std::string>& out) {
  const Expr& u = unwrap(e, cx);
  if (u.kind != kind) {
    out.push_back(canonical(u, cx));
    return;
  }
  for (const auto& k : u.kids) operands(*k, kind, cx, out);
}

// `a > b` is `b < a`; `=` and `!=` put their operands in order.
std::string comparison(const Expr& e, const Context& cx) {
  std::string l = canonical(*e.kids[0], cx), r = canonical(*e.kids[1], cx);
  CompareOp op = e.op;
  if (op == CompareOp::Gt || op == CompareOp::Ge) {
    std::swap(l, r);
    op = op == CompareOp::Gt ? CompareOp::Lt : CompareOp::Le;
  }
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && r < l) std::swap(l, r);
  return fmt::format("({} {} {})", l, op_text(op), r);
}

// The pattern of a case-insensitive test: `matches gmail` is `matches "gmail"`.
std::string pattern(const Expr& p, const Context& cx) {
  const Expr& u = unwrap(p, cx);
  if (u.kind == ExprKind::Regex) return fmt::format("/{}/{}", u.text, u.flags);
  if (u.kind == ExprKind::String || u.kind == ExprKind::Name) return quoted(lowered(u.text));
  return canonical(u, cx);
}

}  // namespace

std::string canonical(const Expr& raw, const Context& cx) {
  const Expr& e = unwrap(raw, cx);
  auto kid = [&](std::size_t i) { return i < e.kids.size() ? canonical(*e.kids[i], cx) : std::string(); };
  switch (e.kind) {
    case ExprKind::Number: return fmt::format("{}", e.number);
    case ExprKind::String: return quoted(e.text);
    case ExprKind::Date: return fmt::format("@{}", e.date);
    case ExprKind::Bool: return e.boolean ? "true" : "false";
    case ExprKind::Regex: return fmt::format("/{}/{}", e.text, e.flags);
    case ExprKind::Name: return e.text;
    case ExprKind::List: {
      std::vector<std::string> items;
      for (const auto& k : e.kids) items.push_back(canonical(*k, cx));
      return fmt::format("[{}]", joined_sorted(std::move(items), ", "));
    }
    case ExprKind::Neg: return fmt::format("-{}", kid(0));
    case ExprKind::Arith: {
      // Bracketed pairwise, left to right: `a + b + c` is ((a + b) + c).
      std::string acc = kid(0);
      for (std::size_t i = 1; i < e.kids.size(); ++i) {
        acc = fmt::format("({} {} {})", acc, e.ops[i - 1], kid(i));
      }
      return acc;
    }
    case ExprKind::Compare: return comparison(e, cx);
    case ExprKind::In: return fmt::format("({} in {})", kid(0), kid(1));
    case ExprKind::NotIn: return fmt::format("({} not in {})", kid(0), kid(1));
    case ExprKind::SetHas: return fmt::format("({} has {})", kid(0), kid(1));
    case ExprKind::AnyOf: return fmt::format("({} any of {})", kid(0), kid(1));
    case ExprKind::AllOf: return fmt::format("({} all of {})", kid(0), kid(1));
    case ExprKind::Matches: return fmt::format("({} matches {})", kid(0), pattern(*e.kids[1], cx));
    case ExprKind::StartsWith: return fmt::format("({} starts with {})", kid(0), pattern(*e.kids[1], cx));
    case ExprKind::EndsWith: return fmt::format("({} ends with {})", kid(0), pattern(*e.kids[1], cx));
    case ExprKind::Contains: return fmt::format("({} contains {})", kid(0), pattern(*e.kids[1], cx));
    case ExprKind::IsPresent: return fmt::format("({} is present)", kid(0));
    case ExprKind::IsMissing: return fmt::format("({} is missing)", kid(0));
    case ExprKind::Within: return fmt::format("({} within {})", kid(0), e.number);
    case ExprKind::OlderThan: return fmt::format("({} older than {})", kid(0), e.number);
    case ExprKind::Before: return fmt::format("({} before {})", kid(0), kid(1));
    case ExprKind::After: return fmt::format("({} after {})", kid(0), kid(1));
    case ExprKind::And:
    case ExprKind::Or: {
      std::vector<std::string> parts;
      operands(e, e.kind, cx, parts);
      const char* separator = e.kind == ExprKind::And ? " and " : " or ";
      return fmt::format("({})", joined_sorted(std::move(parts), separator));
    }
    case ExprKind::Not: {
      const Expr& inner = unwrap(*e.kids[0], cx);
      if (inner.kind == ExprKind::Not) return canonical(*inner.kids[0], cx);
      return "not " + canonical(inner, cx);
    }
    case ExprKind::Call: {
      std::vector<std::string> args;
      for (const auto& k : e.kids) args.push_back(canonical(*k, cx));
      return fmt::format("{}({})", e.text, fmt::join(args, ", "));
    }
    case ExprKind::Paren: return kid(0);
  }
  return "?";
}

}  // namespace leadscore::lint
