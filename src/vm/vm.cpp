// The VM.
//
// Invariants anyone editing this file must keep:
// - No allocation per record once warm: the stack, the scratch strings and every result vector
//   are sized from the Program when the VM is built and only cleared per record.
// - No field is looked up by name here: instructions carry field indices.
// - A missing value never makes a test true: every test opcode yields false on a missing operand
//   (SPEC 3, "Missing values"); `not` then negates that result.
// - Strings are views into the record or into scratch_; a scratch buffer is written once per
//   record, so a view into it stays valid until the next run.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "leadscore/vm.hpp"
#include "common/arith.hpp"
#include "common/same_text.hpp"
#include "vm/regex_match.hpp"
#include "vm/text.hpp"

namespace leadscore {

struct Vm::Value {
  double num;
  std::int64_t i;
  std::uint64_t bits;
  std::string_view str;
  bool present;
};

namespace {

// The operator an arithmetic opcode computes (operators.def).
ArithOp arith_of(Op op) {
  switch (op) {
#define ARITH(symbol, name, precedence, opcode) \
  case Op::opcode: return ArithOp::name;
#include "leadscore/operators.def"
#undef ARITH
    default: break;  // only the arithmetic opcodes reach here
  }
  return ArithOp::Add;
}

constexpr std::uint8_t op(Op o) { return static_cast<std::uint8_t>(o); }

// Fused instructions (Vm::fuse): codes past the last Op, each one test of a field against a
// constant followed by BRANCH_FALSE.
enum : std::uint8_t {
  fused_num_cmp = 200,  // FIELD_NUM f; CONST_NUM k; CMP_NUM; BRANCH_FALSE t
  fused_int_cmp,        // FIELD_ENUM|FIELD_DATE f; CONST_INT k; CMP_INT; BRANCH_FALSE t  (enum = member)
  fused_set_any,        // FIELD_SET f; SET_ANY m; BRANCH_FALSE t
  fused_enum_mask,      // FIELD_ENUM f; IN_MASK m; BRANCH_FALSE t
  fused_bool,           // FIELD_BOOL f; BRANCH_FALSE t
  fused_str_test,       // FIELD_STR f; CONTAINS_CI|STARTS_CI|ENDS_CI|IN_STRS|REGEX s; BRANCH_FALSE t
};

template <typename T>
bool compare(std::uint8_t flag, const T& a, const T& b) {
  switch (static_cast<CmpFlag>(flag)) {
    case CmpFlag::Eq: return a == b;
    case CmpFlag::Ne: return a != b;
    case CmpFlag::Lt: return a < b;
    case CmpFlag::Le: return a <= b;
    case CmpFlag::Gt: return a > b;
    case CmpFlag::Ge: return a >= b;
  }
  return false;
}

// `in [...]` of strings. A short list is searched in order (same_text): most lists in a model are
// a handful of codes or domains, where a binary search spends its time in comparisons that a length
// tells apart.
bool in_sorted(const std::vector<std::string>& list, std::string_view s) {
  if (list.size() <= 16) {
    for (const std::string& item : list)
      if (same_text(item, s)) return true;
    return false;
  }
  auto it = std::lower_bound(list.begin(), list.end(), s,
                             [](const std::string& a, std::string_view b) { return a < b; });
  return it != list.end() && *it == s;
}

}  // namespace

void Vm::fuse() {
  code_ = program_.code;
  const std::vector<Instr>& c = program_.code;
  for (std::size_t pc = 0; pc < c.size(); ++pc) {
    auto at = [&](std::size_t k, Op o) { return pc + k < c.size() && c[pc + k].op == o; };
    Fused f{c[pc].arg, 0, 0, Op::HALT, 0, 0};
    std::uint8_t kind = 0;
    if (at(0, Op::FIELD_NUM) && at(1, Op::CONST_NUM) && at(2, Op::CMP_NUM) && at(3, Op::BRANCH_FALSE)) {
      kind = fused_num_cmp;
      f.operand = c[pc + 1].arg;
      f.flag = c[pc + 2].flag;
      f.target = c[pc + 3].arg;
      f.next = static_cast<std::uint32_t>(pc + 4);
    } else if ((at(0, Op::FIELD_ENUM) || at(0, Op::FIELD_DATE)) && at(1, Op::CONST_INT) &&
               at(2, Op::CMP_INT) && at(3, Op::BRANCH_FALSE)) {
      kind = fused_int_cmp;
      f.test = c[pc].op;
      f.operand = c[pc + 1].arg;
      f.flag = c[pc + 2].flag;
      f.target = c[pc + 3].arg;
      f.next = static_cast<std::uint32_t>(pc + 4);
    } else if (at(0, Op::FIELD_SET) && at(1, Op::SET_ANY) && at(2, Op::BRANCH_FALSE)) {
      kind = fused_set_any;
      f.operand = c[pc + 1].arg;
      f.target = c[pc + 2].arg;
      f.next = static_cast<std::uint32_t>(pc + 3);
    } else if (at(0, Op::FIELD_ENUM) && at(1, Op::IN_MASK) && at(2, Op::BRANCH_FALSE)) {
      kind = fused_enum_mask;
      f.operand = c[pc + 1].arg;
      f.flag = c[pc + 1].flag;
      f.target = c[pc + 2].arg;
      f.next = static_cast<std::uint32_t>(pc + 3);
    } else if (at(0, Op::FIELD_BOOL) && at(1, Op::BRANCH_FALSE)) {
      kind = fused_bool;
      f.target = c[pc + 1].arg;
      f.next = static_cast<std::uint32_t>(pc + 2);
    } else if (at(0, Op::FIELD_STR) && at(2, Op::BRANCH_FALSE) &&
               (at(1, Op::CONTAINS_CI) || at(1, Op::STARTS_CI) || at(1, Op::ENDS_CI) ||
                at(1, Op::IN_STRS) || at(1, Op::REGEX))) {
      kind = fused_str_test;
      f.test = c[pc + 1].op;
      f.operand = c[pc + 1].arg;
      f.flag = c[pc + 1].flag;
      f.target = c[pc + 2].arg;
      f.next = static_cast<std::uint32_t>(pc + 3);
    }
    if (kind == 0) continue;
    // Jumps into the middle of the sequence still find its own instructions there.
    code_[pc] = Instr{static_cast<Op>(kind), 0, static_cast<std::uint32_t>(fused_.size())};
    fused_.push_back(f);
  }
}

Vm::Vm(const Program& program, RegexCopies regexes) : program_(program) {
  fuse();
  regexes_.reserve(program.regexes.size());
  for (const auto& re : program.regexes) regexes_.emplace_back(*re, regexes == RegexCopies::Own);
  stack_storage_.resize(sizeof(Value) * (program.max_stack + 1));
  scratch_.resize(program.scratch_strings);
  std::size_t g = program.groups.size();
  raw_.resize(g);
  decayed_.resize(g);
  final_.resize(g);
  decay_.resize(g);
  fired_.reserve(program.rules.size());
  points_.reserve(program.rules.size());
  rejects_held_.reserve(program.rejects.size());
}

Vm::~Vm() = default;

void Vm::execute(const Record& rec, Day as_of) {
  auto* stack = reinterpret_cast<Value*>(stack_storage_.data());
  Value* top = stack;  // one past the top element
  std::size_t scratch_used = 0;
  const Instr* code = code_.data();
  const Program& p = program_;
  auto truth = [](bool b) { return Value{0, b ? 1 : 0, 0, {}, true}; };
  auto missing = [] { return Value{0, 0, 0, {}, false}; };

  for (std::uint32_t pc = 0;;) {
    const Instr& in = code[pc++];
    switch (static_cast<std::uint8_t>(in.op)) {
      case op(Op::FIELD_NUM): {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{f.num, 0, 0, {}, f.present};
        break;
      }
      case op(Op::FIELD_STR): {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, 0, 0, f.str, f.present};
        break;
      }
      case op(Op::FIELD_BOOL): {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, f.present && f.b ? 1 : 0, 0, {}, f.present};
        break;
      }
      case op(Op::FIELD_DATE): {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{static_cast<double>(f.date), f.date, 0, {}, f.present};
        break;
      }
      case op(Op::FIELD_TIME): {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{f.num, f.i, 0, {}, f.present};
        break;
      }
      case op(Op::FIELD_ENUM): {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{static_cast<double>(f.member), static_cast<std::int64_t>(f.member), 0, {}, f.present};
        break;
      }
      case op(Op::FIELD_SET): {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, 0, f.set_bits, {}, f.present};
        break;
      }
      case op(Op::FIELD_STRSET): {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, f.items_begin, f.items_count, {}, f.present};
        break;
      }
      case op(Op::CONST_NUM): *top++ = Value{p.numbers[in.arg], 0, 0, {}, true}; break;
      case op(Op::CONST_STR): *top++ = Value{0, 0, 0, p.strings[in.arg], true}; break;
      case op(Op::CONST_DATE): {
        auto d = static_cast<std::int32_t>(in.arg);
        *top++ = Value{static_cast<double>(d), d, 0, {}, true};
        break;
      }
      case op(Op::CONST_INT): *top++ = Value{0, static_cast<std::int64_t>(in.arg), 0, {}, true}; break;
      case op(Op::CONST_BOOL): *top++ = truth(in.arg != 0); break;
      case op(Op::NEG): top[-1].num = -top[-1].num; break;
      // Every operator of operators.def: a new one needs no case label here.
#define ARITH(symbol, name, precedence, opcode) case op(Op::opcode):
#include "leadscore/operators.def"
#undef ARITH
      {
        Value b = *--top;
        Value& a = top[-1];
        const auto result = a.present && b.present ? apply(arith_of(in.op), a.num, b.num) : std::nullopt;
        if (result) a.num = *result;
        else a = missing();
        break;
      }
      case op(Op::CMP_NUM): {
        Value b = *--top;
        Value& a = top[-1];
        a = truth(a.present && b.present && compare(in.flag, a.num, b.num));
        break;
      }
      case op(Op::CMP_STR): {
        Value b = *--top;
        Value& a = top[-1];
        a = truth(a.present && b.present && compare(in.flag, a.str, b.str));
        break;
      }
      case op(Op::CMP_INT): {
        Value b = *--top;
        Value& a = top[-1];
        a = truth(a.present && b.present && compare(in.flag, a.i, b.i));
        break;
      }
      case op(Op::IN_NUMS): {
        Value& a = top[-1];
        const auto& list = p.number_lists[in.arg];
        bool found = a.present && std::binary_search(list.begin(), list.end(), a.num);
        a = truth(a.present && (found != (in.flag != 0)));
        break;
      }
      case op(Op::IN_STRS): {
        Value& a = top[-1];
        bool found = a.present && in_sorted(p.string_lists[in.arg], a.str);
        a = truth(a.present && (found != (in.flag != 0)));
        break;
      }
      case op(Op::IN_MASK): {
        Value& a = top[-1];
        bool found = a.present && ((p.masks[in.arg] >> a.i) & 1);
        a = truth(a.present && (found != (in.flag != 0)));
        break;
      }
      case op(Op::SET_ANY): {
        Value& a = top[-1];
        a = truth(a.present && (a.bits & p.masks[in.arg]) != 0);
        break;
      }
      case op(Op::SET_ALL): {
        Value& a = top[-1];
        a = truth(a.present && (a.bits & p.masks[in.arg]) == p.masks[in.arg]);
        break;
      }
      case op(Op::STRSET_ANY):
      case op(Op::STRSET_ALL): {
        Value& a = top[-1];
        bool result = false;
        if (a.present) {
          const auto& want = p.string_lists[in.arg];
          std::size_t hits = 0;
          for (const auto& w : want) {
            bool has = false;
            for (std::uint64_t k = 0; k < a.bits && !has; ++k) {
              has = rec.items[static_cast<std::size_t>(a.i) + k] == w;
            }
            hits += has ? 1 : 0;
          }
          result = in.op == Op::STRSET_ANY ? hits > 0 : hits == want.size();
        }
        a = truth(result);
        break;
      }
      case op(Op::CONTAINS_CI): {
        Value& a = top[-1];
        a = truth(a.present && text::contains_ci(a.str, p.strings[in.arg]));
        break;
      }
      case op(Op::STARTS_CI): {
        Value& a = top[-1];
        a = truth(a.present && text::starts_with_ci(a.str, p.strings[in.arg]));
        break;
      }
      case op(Op::ENDS_CI): {
        Value& a = top[-1];
        a = truth(a.present && text::ends_with_ci(a.str, p.strings[in.arg]));
        break;
      }
      case op(Op::CONTAINS_ANY_CI): {
        Value& a = top[-1];
        bool hit = false;
        if (a.present) {
          for (const auto& w : p.string_lists[in.arg]) {
            if (text::contains_ci(a.str, w)) {
              hit = true;
              break;
            }
          }
        }
        a = truth(hit);
        break;
      }
      case op(Op::CONTAINS_DYN_CI): {
        Value needle = *--top;
        Value& a = top[-1];
        a = truth(a.present && needle.present && text::contains_ci_both(a.str, needle.str));
        break;
      }
      case op(Op::REGEX): {
        Value& a = top[-1];
        a = truth(a.present && regexes_[in.arg].matches(a.str));
        break;
      }
      case op(Op::PRESENT): top[-1] = truth(top[-1].present); break;
      case op(Op::ABSENT): top[-1] = truth(!top[-1].present); break;
      case op(Op::NOT): top[-1] = truth(top[-1].i == 0); break;
      case op(Op::JUMP_IF_FALSE):
        if (top[-1].i == 0) pc = in.arg;
        break;
      case op(Op::JUMP_IF_TRUE):
        if (top[-1].i != 0) pc = in.arg;
        break;
      case op(Op::POP): --top; break;
      case op(Op::BRANCH_FALSE):
        if ((--top)->i == 0) pc = in.arg;
        break;
      case op(Op::LOWER):
      case op(Op::UPPER):
      case op(Op::EMAIL_DOMAIN): {
        Value& a = top[-1];
        if (!a.present) break;
        std::string& buf = scratch_[scratch_used++];
        if (in.op == Op::EMAIL_DOMAIN) {
          auto at = a.str.rfind('@');
          if (at == std::string_view::npos) {
            a = missing();
            break;
          }
          text::lower_into(buf, a.str.substr(at + 1));
        } else if (in.op == Op::LOWER) {
          text::lower_into(buf, a.str);
        } else {
          text::upper_into(buf, a.str);
        }
        a.str = buf;
        break;
      }
      case op(Op::LEN): {
        Value& a = top[-1];
        a.num = static_cast<double>(text::code_points(a.str));
        break;
      }
      case op(Op::COUNT): {
        Value& a = top[-1];
        a.num = static_cast<double>(in.flag ? a.bits : static_cast<std::uint64_t>(std::popcount(a.bits)));
        break;
      }
      case op(Op::TO_DAY): {
        Value& a = top[-1];
        a.i = day_of(a.i);
        a.num = static_cast<double>(a.i);
        break;
      }
      case op(Op::DAYS_SINCE): {
        Value& a = top[-1];
        a.num = std::max<double>(0, static_cast<double>(as_of) - static_cast<double>(a.i));
        break;
      }
      case op(Op::FIRE): {
        const RuleInfo& r = p.rules[in.arg];
        raw_[static_cast<std::size_t>(r.group)] += r.points;
        fired_.push_back(in.arg);
        points_.push_back(r.points);
        break;
      }
      case op(Op::FIRE_PER): {
        const RuleInfo& r = p.rules[in.arg];
        Value x = *--top;
        // `up to` limits the size of the change, for `subtract ... per` as for `add ... per`.
        double size = x.present ? std::min(std::abs(r.points) * std::max(x.num, 0.0), r.up_to) : 0.0;
        double add = r.points < 0 ? -size : size;
        raw_[static_cast<std::size_t>(r.group)] += add;
        fired_.push_back(in.arg);
        points_.push_back(add);
        break;
      }
      case op(Op::REJECT):
        if (reject_ < 0) reject_ = static_cast<int>(in.arg);
        rejects_held_.push_back(in.arg);
        break;
      case op(Op::HALT): return;
      case fused_num_cmp: {
        const Fused& f = fused_[in.arg];
        const FieldValue& v = rec.values[f.field];
        pc = v.present && compare(f.flag, v.num, p.numbers[f.operand]) ? f.next : f.target;
        break;
      }
      case fused_int_cmp: {
        const Fused& f = fused_[in.arg];
        const FieldValue& v = rec.values[f.field];
        const std::int64_t x = f.test == Op::FIELD_DATE ? std::int64_t{v.date} : static_cast<std::int64_t>(v.member);
        const std::int64_t k = static_cast<std::int64_t>(f.operand);
        pc = v.present && compare(f.flag, x, k) ? f.next : f.target;
        break;
      }
      case fused_set_any: {
        const Fused& f = fused_[in.arg];
        const FieldValue& v = rec.values[f.field];
        pc = v.present && (v.set_bits & p.masks[f.operand]) != 0 ? f.next : f.target;
        break;
      }
      case fused_enum_mask: {
        const Fused& f = fused_[in.arg];
        const FieldValue& v = rec.values[f.field];
        const bool found = v.present && ((p.masks[f.operand] >> v.member) & 1);
        pc = v.present && (found != (f.flag != 0)) ? f.next : f.target;
        break;
      }
      case fused_bool: {
        const Fused& f = fused_[in.arg];
        const FieldValue& v = rec.values[f.field];
        pc = v.present && v.b ? f.next : f.target;
        break;
      }
      case fused_str_test: {
        const Fused& f = fused_[in.arg];
        const FieldValue& v = rec.values[f.field];
        bool ok = false;
        if (v.present) {
          switch (f.test) {
            case Op::CONTAINS_CI: ok = text::contains_ci(v.str, p.strings[f.operand]); break;
            case Op::STARTS_CI: ok = text::starts_with_ci(v.str, p.strings[f.operand]); break;
            case Op::ENDS_CI: ok = text::ends_with_ci(v.str, p.strings[f.operand]); break;
            case Op::IN_STRS: ok = in_sorted(p.string_lists[f.operand], v.str) != (f.flag != 0); break;
            case Op::REGEX: ok = regexes_[f.operand].matches(v.str); break;
            default: break;
          }
        }
        pc = ok ? f.next : f.target;
        break;
      }
    }
  }
}

void Vm::finish(const Record& rec, Day as_of) {
  const Program& p = program_;
  double score = 0;
  for (std::size_t g = 0; g < p.groups.size(); ++g) {
    const GroupInfo& info = p.groups[g];
    double total = raw_[g];
    if (info.decays) {
      const FieldValue& d = rec.values[static_cast<std::size_t>(info.decay_field)];
      GroupDecay& decay = decay_[g];
      decay = GroupDecay{};
      if (d.present) {
        decay.days = std::max(0.0, static_cast<double>(as_of) - static_cast<double>(d.date));
        decay.steps = std::floor(decay.days / info.decay_every);
        decay.factor = std::pow(info.decay_base, decay.steps);
        total *= decay.factor;
      }
    }
    decayed_[g] = total;
    if (info.max && total > *info.max) total = *info.max;
    if (info.min && total < *info.min) total = *info.min;
    final_[g] = total;
    score += total;
  }
  if (p.score_max && score > *p.score_max) score = *p.score_max;
  if (p.score_min && score < *p.score_min) score = *p.score_min;

  outcome_.score = score;
  outcome_.reject = reject_;
  outcome_.status = reject_ >= 0 ? RowStatus::Rejected : RowStatus::Ok;
  outcome_.qualified = reject_ < 0 && p.qualify_at && score >= *p.qualify_at;
  outcome_.tier = -1;
  if (reject_ < 0) {
    for (std::size_t t = 0; t < p.tiers.size(); ++t) {
      if (!p.tiers[t].at || score >= *p.tiers[t].at) {
        outcome_.tier = static_cast<int>(t);
        break;
      }
    }
  }
}

const Outcome& Vm::run(const Record& record, Day as_of) {
  std::fill(raw_.begin(), raw_.end(), 0.0);
  fired_.clear();
  points_.clear();
  rejects_held_.clear();
  reject_ = -1;
  outcome_ = Outcome{};
  outcome_.groups = final_;
  outcome_.groups_raw = raw_;
  outcome_.groups_decayed = decayed_;
  outcome_.group_decay = decay_;
  if (record.is_error()) {
    outcome_.status = RowStatus::Error;
    return outcome_;
  }
  execute(record, as_of);
  finish(record, as_of);
  outcome_.fired = fired_;
  outcome_.points = points_;
  outcome_.rejects_held = rejects_held_;
  return outcome_;
}

}  // namespace leadscore
