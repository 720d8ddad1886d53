// Lowers a checked model to bytecode: one straight run of code that evaluates every rule's
// condition and fires it, then every reject clause. Enum and set members become small integers and
// bitmasks, literal string tests become case-folded substring searches (never the regex engine),
// each /regex/ is compiled once, and constant subexpressions are folded.
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include <re2/re2.h>

#include "leadscore/limits.hpp"

#include "common/arith.hpp"
#include "common/constant_fold.hpp"
#include "leadscore/compile.hpp"

namespace leadscore {

namespace {

using ast::Expr;
using ast::ExprKind;
using ast::TypeKind;

constexpr int stack_effect(Op op) { return op_info(op).pushes - op_info(op).pops; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class Compiler {
 public:
  Compiler(const ast::Model& model, const Schema& schema, Program& out)
      : model_(model), schema_(schema), p_(out) {}

  void run();

 private:
  std::uint32_t emit(Op op, std::uint32_t arg, Span span, std::uint8_t flag = 0);
  void patch(std::uint32_t at) { p_.code[at].arg = static_cast<std::uint32_t>(p_.code.size()); }
  std::uint32_t number(double x);
  std::uint32_t string(std::string s);
  std::uint32_t mask(std::uint64_t m);
  const Expr& let_value(const Expr& name) const {
    return *model_.lets[static_cast<std::size_t>(name.index)].value;
  }
  const Expr& list_of(const Expr& collection) const {
    return collection.kind == ExprKind::List ? collection : let_value(collection);
  }
  const Field& field(int index) const { return schema_.fields[static_cast<std::size_t>(index)]; }

  void value(const Expr& e);
  std::size_t arith_prefix(const Expr& chain);
  void condition(const Expr& e);
  void constant(const Constant& c, Span span);
  void field_load(const Expr& e);
  void compare(const Expr& e);
  void to_day(const Expr& operand);
  static Op builtin_op(std::string_view name);
  static ArithOp operator_of(char symbol);
  static Op arith_opcode(ArithOp op);
  void membership(const Expr& e);
  void set_test(const Expr& e);
  void string_test(const Expr& e);
  std::uint64_t member_mask(const Expr& list, int set_field) const;
  std::uint32_t strings_list(const Expr& list, bool lower);

  const ast::Model& model_;
  const Schema& schema_;
  Program& p_;
  int depth_ = 0;
  std::unordered_map<const Expr*, std::uint32_t> regex_index_;  // one RE2 per /regex/ literal
  std::unordered_map<std::string, std::uint32_t> string_index_;  // each string constant once
};

std::uint32_t Compiler::emit(Op op, std::uint32_t arg, Span span, std::uint8_t flag) {
  p_.code.push_back(Instr{op, flag, arg});
  p_.spans.push_back(span);
  depth_ += stack_effect(op);
  p_.max_stack = std::max(p_.max_stack, static_cast<std::uint32_t>(std::max(depth_, 0)));
  if (op_info(op).scratch) ++p_.scratch_strings;
  return static_cast<std::uint32_t>(p_.code.size() - 1);
}

std::uint32_t Compiler::number(double x) {
  p_.numbers.push_back(x);
  return static_cast<std::uint32_t>(p_.numbers.size() - 1);
}

std::uint32_t Compiler::string(std::string s) {
  auto [it, added] = string_index_.try_emplace(s, static_cast<std::uint32_t>(p_.strings.size()));
  if (added) p_.strings.push_back(std::move(s));
  return it->second;
}

std::uint32_t Compiler::mask(std::uint64_t m) {
  p_.masks.push_back(m);
  return static_cast<std::uint32_t>(p_.masks.size() - 1);
}

void Compiler::constant(const Constant& c, Span span) {
  using Kind = Constant::Kind;
  switch (c.kind) {
    case Kind::Number: emit(Op::CONST_NUM, number(c.number), span); break;
    case Kind::String: emit(Op::CONST_STR, string(c.text), span); break;
    case Kind::Date:
      emit(Op::CONST_DATE, static_cast<std::uint32_t>(static_cast<std::int32_t>(c.number)), span);
      break;
    case Kind::Truth: emit(Op::CONST_BOOL, c.number != 0 ? 1 : 0, span); break;
  }
}

void Compiler::field_load(const Expr& e) {
  auto index = static_cast<std::uint32_t>(e.index);
  switch (field(e.index).type) {
    case FieldType::String: emit(Op::FIELD_STR, index, e.span); break;
    case FieldType::Int:
    case FieldType::Number: emit(Op::FIELD_NUM, index, e.span); break;
    case FieldType::Bool: emit(Op::FIELD_BOOL, index, e.span); break;
    case FieldType::Date: emit(Op::FIELD_DATE, index, e.span); break;
    case FieldType::Timestamp: emit(Op::FIELD_TIME, index, e.span); break;
    case FieldType::Enum: emit(Op::FIELD_ENUM, index, e.span); break;
    case FieldType::Set: emit(Op::FIELD_SET, index, e.span); break;
    case FieldType::StringSet: emit(Op::FIELD_STRSET, index, e.span); break;
  }
}

// Emits the longest constant start of an arithmetic chain as one number (or its first operand when
// that is not constant); returns the index of the first operand still to emit.
std::size_t Compiler::arith_prefix(const Expr& chain) {
  auto first = fold(*chain.kids[0], model_.lets);
  if (!first || first->kind != Constant::Kind::Number) {
    value(*chain.kids[0]);
    return 1;
  }
  double x = first->number;
  std::size_t next = 1;
  for (; next < chain.kids.size(); ++next) {
    auto b = fold(*chain.kids[next], model_.lets);
    if (!b || b->kind != Constant::Kind::Number) break;
    const auto result = apply(operator_of(chain.ops[next - 1]), x, b->number);
    if (!result) break;  // a division by zero: missing, which the VM computes
    x = *result;
  }
  emit(Op::CONST_NUM, number(x), Span{chain.span.file, chain.span.begin, chain.kids[next - 1]->span.end});
  return next;
}

void Compiler::value(const Expr& e) {
  if (e.type.kind == TypeKind::Condition) {
    condition(e);
    return;
  }
  if (auto c = fold(e, model_.lets)) {
    constant(*c, e.span);
    return;
  }
  switch (e.kind) {
    case ExprKind::Name:
      if (e.ref == ast::NameRef::Field) field_load(e);
      else if (e.ref == ast::NameRef::Let) value(let_value(e));
      else throw std::logic_error("compiler: unresolved name " + e.text);
      return;
    case ExprKind::Paren: value(*e.kids[0]); return;
    case ExprKind::Neg:
      value(*e.kids[0]);
      emit(Op::NEG, 0, e.span);
      return;
    case ExprKind::Arith:
      // Left to right: each operator applies to the result so far and the next operand, and is
      // located at the chain from its start to that operand (as a nested pair would be).
      // A constant start (`1 + 2 + x`) is folded into one number, as the nested pair was.
      for (std::size_t i = arith_prefix(e); i < e.kids.size(); ++i) {
        value(*e.kids[i]);
        emit(arith_opcode(operator_of(e.ops[i - 1])), 0, Span{e.span.file, e.span.begin, e.kids[i]->span.end});
      }
      return;
    case ExprKind::Call: {
      value(*e.kids[0]);
      const Op op = builtin_op(e.text);
      to_day(*e.kids[0]);  // a built-in that takes a date takes a timestamp's day
      // COUNT's flag: 1 for a set of strings (a range of items), 0 for a bitmask.
      emit(op, 0, e.span, e.kids[0]->type.kind == TypeKind::StringSet ? 1 : 0);
      return;
    }
    default: throw std::logic_error("compiler: not a value expression");
  }
}

void Compiler::condition(const Expr& e) {
  if (auto c = fold(e, model_.lets)) {
    constant(*c, e.span);
    return;
  }
  switch (e.kind) {
    case ExprKind::Name:
      if (e.ref == ast::NameRef::Let) condition(let_value(e));
      else field_load(e);  // a bool field
      return;
    case ExprKind::Paren: condition(*e.kids[0]); return;
    case ExprKind::Not:
      condition(*e.kids[0]);
      emit(Op::NOT, 0, e.span);
      return;
    case ExprKind::And:
    case ExprKind::Or: {
      // Operands that fold to the neutral value (true for 'and') are left out.
      std::vector<const Expr*> kids;
      for (const auto& k : e.kids) {
        if (!fold(*k, model_.lets)) kids.push_back(k.get());
      }
      std::vector<std::uint32_t> exits;
      for (std::size_t i = 0; i < kids.size(); ++i) {
        if (i > 0) emit(Op::POP, 0, e.span);
        condition(*kids[i]);
        if (i + 1 < kids.size()) {
          exits.push_back(emit(e.kind == ExprKind::And ? Op::JUMP_IF_FALSE : Op::JUMP_IF_TRUE, 0, e.span));
        }
      }
      for (auto at : exits) patch(at);
      return;
    }
    case ExprKind::Compare: compare(e); return;
    case ExprKind::In:
    case ExprKind::NotIn: membership(e); return;
    case ExprKind::SetHas:
    case ExprKind::AnyOf:
    case ExprKind::AllOf: set_test(e); return;
    case ExprKind::Matches:
    case ExprKind::StartsWith:
    case ExprKind::EndsWith:
    case ExprKind::Contains: string_test(e); return;
    case ExprKind::IsPresent:
    case ExprKind::IsMissing:
      value(*e.kids[0]);
      emit(e.kind == ExprKind::IsPresent ? Op::PRESENT : Op::ABSENT, 0, e.span);
      return;
    case ExprKind::Within:
    case ExprKind::OlderThan:
      value(*e.kids[0]);
      to_day(*e.kids[0]);
      emit(Op::DAYS_SINCE, 0, e.span);
      emit(Op::CONST_NUM, number(e.number), e.span);
      emit(Op::CMP_NUM, 0, e.span,
           static_cast<std::uint8_t>(e.kind == ExprKind::Within ? CmpFlag::Le : CmpFlag::Gt));
      return;
    case ExprKind::Before:
    case ExprKind::After:
      value(*e.kids[0]);
      to_day(*e.kids[0]);
      emit(Op::CONST_DATE, static_cast<std::uint32_t>(e.kids[1]->date), e.kids[1]->span);
      emit(Op::CMP_INT, 0, e.span,
           static_cast<std::uint8_t>(e.kind == ExprKind::Before ? CmpFlag::Lt : CmpFlag::Gt));
      return;
    default: throw std::logic_error("compiler: not a condition");
  }
}

// The operator spelled `symbol` in a chain; the grammar lets no other symbol through.
ArithOp Compiler::operator_of(char symbol) {
  if (const auto op = arith_op(symbol)) return *op;
  throw std::logic_error(std::string("compiler: unknown operator ") + symbol);
}

// The opcode of an arithmetic operator (operators.def).
Op Compiler::arith_opcode(ArithOp op) {
  switch (op) {
#define ARITH(symbol, name, precedence, opcode) \
  case ArithOp::name: return Op::opcode;
#include "leadscore/operators.def"
#undef ARITH
  }
  throw std::logic_error("compiler: unknown operator");
}

// The opcode of built-in `name` (builtins.def); the checker let no other name through.
Op Compiler::builtin_op(std::string_view name) {
#define BUILTIN(builtin, argument, result, opcode, lowest, highest, signature, doc) \
  if (name == #builtin) return Op::opcode;
#include "leadscore/builtins.def"
#undef BUILTIN
  throw std::logic_error("compiler: unknown built-in " + std::string(name));
}

// Date tests and `days_since` read a timestamp as the UTC day it falls on.
void Compiler::to_day(const Expr& operand) {
  if (operand.type.kind == TypeKind::Timestamp) emit(Op::TO_DAY, 0, operand.span);
}

void Compiler::compare(const Expr& e) {
  const Expr& l = *e.kids[0];
  const Expr& r = *e.kids[1];
  auto flag = static_cast<std::uint8_t>(e.op);  // CompareOp and CmpFlag share their order
  auto side = [&](const Expr& x) {
    if (x.type.kind == TypeKind::Member) emit(Op::CONST_INT, static_cast<std::uint32_t>(x.index), x.span);
    else value(x);
  };
  side(l);
  side(r);
  TypeKind k = l.type.kind == TypeKind::Member ? r.type.kind : l.type.kind;
  Op op = k == TypeKind::Number ? Op::CMP_NUM : k == TypeKind::String ? Op::CMP_STR : Op::CMP_INT;
  emit(op, 0, e.span, flag);
}

std::uint64_t Compiler::member_mask(const Expr& list, int set_field) const {
  std::uint64_t m = 0;
  for (const auto& item : list.kids) {
    int idx = field(set_field).member_index(item->text);
    if (idx >= 0) m |= std::uint64_t{1} << idx;
  }
  return m;
}

std::uint32_t Compiler::strings_list(const Expr& list, bool lower) {
  std::vector<std::string> items;
  for (const auto& item : list.kids) items.push_back(lower ? ascii_lower(item->text) : item->text);
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  p_.string_lists.push_back(std::move(items));
  return static_cast<std::uint32_t>(p_.string_lists.size() - 1);
}

void Compiler::membership(const Expr& e) {
  const Expr& v = *e.kids[0];
  const Expr& list = list_of(*e.kids[1]);
  std::uint8_t negated = e.kind == ExprKind::NotIn ? 1 : 0;
  value(v);
  // An enum of more members than a mask word has bits is tested against its members' indexes
  // (FIELD_ENUM pushes the index as a number too): a shift by 64 or more is undefined.
  const bool wide_enum = v.type.kind == TypeKind::Enum && field(v.type.field).members.size() > max_set_members;
  switch (wide_enum ? TypeKind::Number : v.type.kind) {
    case TypeKind::Enum: emit(Op::IN_MASK, mask(member_mask(list, v.type.field)), e.span, negated); return;
    case TypeKind::String: emit(Op::IN_STRS, strings_list(list, false), e.span, negated); return;
    default: {
      std::vector<double> nums;
      for (const auto& item : list.kids) {
        if (wide_enum) nums.push_back(static_cast<double>(field(v.type.field).member_index(item->text)));
        else nums.push_back(item->kind == ExprKind::Date ? static_cast<double>(item->date) : item->number);
      }
      std::sort(nums.begin(), nums.end());
      p_.number_lists.push_back(std::move(nums));
      emit(Op::IN_NUMS, static_cast<std::uint32_t>(p_.number_lists.size() - 1), e.span, negated);
    }
  }
}

void Compiler::set_test(const Expr& e) {
  const Expr& set = *e.kids[0];
  value(set);
  bool all = e.kind == ExprKind::AllOf;
  if (set.type.kind == TypeKind::Set) {
    std::uint64_t m = e.kind == ExprKind::SetHas
                          ? std::uint64_t{1} << field(set.type.field).member_index(e.kids[1]->text)
                          : member_mask(list_of(*e.kids[1]), set.type.field);
    emit(all ? Op::SET_ALL : Op::SET_ANY, mask(m), e.span);
    return;
  }
  if (e.kind == ExprKind::SetHas) {
    p_.string_lists.push_back({e.kids[1]->text});
    emit(Op::STRSET_ANY, static_cast<std::uint32_t>(p_.string_lists.size() - 1), e.span);
    return;
  }
  emit(all ? Op::STRSET_ALL : Op::STRSET_ANY, strings_list(list_of(*e.kids[1]), false), e.span);
}

void Compiler::string_test(const Expr& e) {
  value(*e.kids[0]);
  const Expr* pattern = e.kids[1].get();
  if (e.kind != ExprKind::Matches) {
    Op op = e.kind == ExprKind::StartsWith ? Op::STARTS_CI : e.kind == ExprKind::EndsWith ? Op::ENDS_CI
                                                                                          : Op::CONTAINS_CI;
    emit(op, string(ascii_lower(pattern->text)), e.span);
    return;
  }
  while (pattern->kind == ExprKind::Name && pattern->ref == ast::NameRef::Let) pattern = &let_value(*pattern);
  if (pattern->kind == ExprKind::Regex) {
    auto [it, added] = regex_index_.try_emplace(pattern, static_cast<std::uint32_t>(p_.regexes.size()));
    if (added) {
      RE2::Options options;
      options.set_log_errors(false);
      options.set_case_sensitive(pattern->flags.find('i') == std::string::npos);
      options.set_max_mem(limits::max_regex_memory);  // as the checker compiled it
      p_.regexes.push_back(std::make_unique<RE2>(pattern->text, options));
    }
    emit(Op::REGEX, it->second, e.span);
  } else if (pattern->kind == ExprKind::List) {
    emit(Op::CONTAINS_ANY_CI, strings_list(*pattern, true), e.span);
  } else if (pattern->kind == ExprKind::String ||
             (pattern->kind == ExprKind::Name && pattern->ref == ast::NameRef::Unresolved)) {
    emit(Op::CONTAINS_CI, string(ascii_lower(pattern->text)), e.span);  // a word is its own text
  } else {
    value(*pattern);  // a let bound to a computed string: searched for at run time
    emit(Op::CONTAINS_DYN_CI, 0, e.span);
  }
}

void Compiler::run() {
  p_.schema = schema_;
  p_.display_name = model_.display_name.value_or("");
  for (const auto& g : model_.groups) {
    GroupInfo info;
    info.name = g.name;
    info.min = g.min;
    info.max = g.max;
    info.span = g.span;
    if (g.decay) {
      info.decays = true;
      info.decay_base = 1.0 - g.decay->percent / 100.0;
      info.decay_every = g.decay->every_days;
      info.decay_field = schema_.find(g.decay->field);
    }
    p_.groups.push_back(std::move(info));
  }
  int implicit = -1;
  for (const auto& rule : model_.rules) {
    if (rule.group < 0 && implicit < 0) {
      implicit = static_cast<int>(p_.groups.size());
      p_.groups.push_back(GroupInfo{});
    }
  }
  for (const auto& rule : model_.rules) {
    RuleInfo info;
    info.label = rule.label;
    info.group = rule.group < 0 ? implicit : rule.group;
    info.points = rule.points;
    info.per = rule.per != nullptr;
    info.up_to = rule.up_to.value_or(std::numeric_limits<double>::infinity());
    info.span = rule.span;
    auto index = static_cast<std::uint32_t>(p_.rules.size());
    p_.rules.push_back(std::move(info));

    auto folded = fold(*rule.condition, model_.lets);
    if (folded && folded->number == 0) continue;  // can never fire: no code at all
    std::uint32_t skip = 0;
    if (!folded) {
      condition(*rule.condition);
      skip = emit(Op::BRANCH_FALSE, 0, rule.span);
    }
    if (rule.per) {
      value(*rule.per);
      emit(Op::FIRE_PER, index, rule.span);
    } else {
      emit(Op::FIRE, index, rule.span);
    }
    if (!folded) patch(skip);
  }
  for (const auto& rej : model_.rejects) {
    auto index = static_cast<std::uint32_t>(p_.rejects.size());
    p_.rejects.push_back(RejectInfo{rej.reason, rej.span});
    auto folded = fold(*rej.condition, model_.lets);
    if (folded && folded->number == 0) continue;
    std::uint32_t skip = 0;
    if (!folded) {
      condition(*rej.condition);
      skip = emit(Op::BRANCH_FALSE, 0, rej.span);
    }
    emit(Op::REJECT, index, rej.span);
    if (!folded) patch(skip);
  }
  emit(Op::HALT, 0, Span{});
  if (!model_.score_bounds.empty()) {
    p_.score_min = model_.score_bounds[0].min;
    p_.score_max = model_.score_bounds[0].max;
  }
  if (!model_.qualifies.empty()) p_.qualify_at = model_.qualifies[0].at;
  for (const auto& t : model_.tiers) p_.tiers.push_back(TierInfo{t.name, t.at});
}

}  // namespace

Program compile_model(const CheckedModel& checked) {
  Program p;
  Compiler(checked.model(), checked.schema(), p).run();
  return p;
}

}  // namespace leadscore
