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

#include <re2/re2.h>

#include "leadscore/vm.hpp"
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

bool in_sorted(const std::vector<std::string>& list, std::string_view s) {
  auto it = std::lower_bound(list.begin(), list.end(), s,
                             [](const std::string& a, std::string_view b) { return a < b; });
  return it != list.end() && *it == s;
}

}  // namespace

Vm::Vm(const Program& program) : program_(program) {
  stack_storage_.resize(sizeof(Value) * (program.max_stack + 1));
  scratch_.resize(program.scratch_strings);
  std::size_t g = program.groups.size();
  raw_.resize(g);
  decayed_.resize(g);
  final_.resize(g);
  fired_.reserve(program.rules.size());
  points_.reserve(program.rules.size());
  rejects_held_.reserve(program.rejects.size());
}

void Vm::execute(const Record& rec, Day as_of) {
  auto* stack = reinterpret_cast<Value*>(stack_storage_.data());
  Value* top = stack;  // one past the top element
  std::size_t scratch_used = 0;
  const Instr* code = program_.code.data();
  const Program& p = program_;
  auto truth = [](bool b) { return Value{0, b ? 1 : 0, 0, {}, true}; };
  auto missing = [] { return Value{0, 0, 0, {}, false}; };

  for (std::uint32_t pc = 0;;) {
    const Instr& in = code[pc++];
    switch (in.op) {
      case Op::FIELD_NUM: {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{f.num, 0, 0, {}, f.present};
        break;
      }
      case Op::FIELD_STR: {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, 0, 0, f.str, f.present};
        break;
      }
      case Op::FIELD_BOOL: {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, f.present && f.b ? 1 : 0, 0, {}, f.present};
        break;
      }
      case Op::FIELD_DATE: {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{static_cast<double>(f.date), f.date, 0, {}, f.present};
        break;
      }
      case Op::FIELD_ENUM: {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, static_cast<std::int64_t>(f.member), 0, {}, f.present};
        break;
      }
      case Op::FIELD_SET: {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, 0, f.set_bits, {}, f.present};
        break;
      }
      case Op::FIELD_STRSET: {
        const FieldValue& f = rec.values[in.arg];
        *top++ = Value{0, f.items_begin, f.items_count, {}, f.present};
        break;
      }
      case Op::CONST_NUM: *top++ = Value{p.numbers[in.arg], 0, 0, {}, true}; break;
      case Op::CONST_STR: *top++ = Value{0, 0, 0, p.strings[in.arg], true}; break;
      case Op::CONST_DATE: {
        auto d = static_cast<std::int32_t>(in.arg);
        *top++ = Value{static_cast<double>(d), d, 0, {}, true};
        break;
      }
      case Op::CONST_INT: *top++ = Value{0, static_cast<std::int64_t>(in.arg), 0, {}, true}; break;
      case Op::CONST_BOOL: *top++ = truth(in.arg != 0); break;
      case Op::NEG: top[-1].num = -top[-1].num; break;
      case Op::ADD:
      case Op::SUB:
      case Op::MUL:
      case Op::DIV: {
        Value b = *--top;
        Value& a = top[-1];
        if (!a.present || !b.present || (in.op == Op::DIV && b.num == 0)) {
          a = missing();
          break;
        }
        a.num = in.op == Op::ADD ? a.num + b.num : in.op == Op::SUB ? a.num - b.num
                : in.op == Op::MUL ? a.num * b.num : a.num / b.num;
        break;
      }
      case Op::CMP_NUM: {
        Value b = *--top;
        Value& a = top[-1];
        a = truth(a.present && b.present && compare(in.flag, a.num, b.num));
        break;
      }
      case Op::CMP_STR: {
        Value b = *--top;
        Value& a = top[-1];
        a = truth(a.present && b.present && compare(in.flag, a.str, b.str));
        break;
      }
      case Op::CMP_INT: {
        Value b = *--top;
        Value& a = top[-1];
        a = truth(a.present && b.present && compare(in.flag, a.i, b.i));
        break;
      }
      case Op::IN_NUMS: {
        Value& a = top[-1];
        const auto& list = p.number_lists[in.arg];
        bool found = a.present && std::binary_search(list.begin(), list.end(), a.num);
        a = truth(a.present && (found != (in.flag != 0)));
        break;
      }
      case Op::IN_STRS: {
        Value& a = top[-1];
        bool found = a.present && in_sorted(p.string_lists[in.arg], a.str);
        a = truth(a.present && (found != (in.flag != 0)));
        break;
      }
      case Op::IN_MASK: {
        Value& a = top[-1];
        bool found = a.present && ((p.masks[in.arg] >> a.i) & 1);
        a = truth(a.present && (found != (in.flag != 0)));
        break;
      }
      case Op::SET_ANY: {
        Value& a = top[-1];
        a = truth(a.present && (a.bits & p.masks[in.arg]) != 0);
        break;
      }
      case Op::SET_ALL: {
        Value& a = top[-1];
        a = truth(a.present && (a.bits & p.masks[in.arg]) == p.masks[in.arg]);
        break;
      }
      case Op::STRSET_ANY:
      case Op::STRSET_ALL: {
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
      case Op::CONTAINS_CI: {
        Value& a = top[-1];
        a = truth(a.present && text::contains_ci(a.str, p.strings[in.arg]));
        break;
      }
      case Op::STARTS_CI: {
        Value& a = top[-1];
        a = truth(a.present && text::starts_with_ci(a.str, p.strings[in.arg]));
        break;
      }
      case Op::ENDS_CI: {
        Value& a = top[-1];
        a = truth(a.present && text::ends_with_ci(a.str, p.strings[in.arg]));
        break;
      }
      case Op::CONTAINS_ANY_CI: {
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
      case Op::CONTAINS_DYN_CI: {
        Value needle = *--top;
        Value& a = top[-1];
        a = truth(a.present && needle.present && text::contains_ci_both(a.str, needle.str));
        break;
      }
      case Op::REGEX: {
        Value& a = top[-1];
        a = truth(a.present && RE2::PartialMatch(a.str, *p.regexes[in.arg]));
        break;
      }
      case Op::PRESENT: top[-1] = truth(top[-1].present); break;
      case Op::ABSENT: top[-1] = truth(!top[-1].present); break;
      case Op::NOT: top[-1] = truth(top[-1].i == 0); break;
      case Op::JUMP_IF_FALSE:
        if (top[-1].i == 0) pc = in.arg;
        break;
      case Op::JUMP_IF_TRUE:
        if (top[-1].i != 0) pc = in.arg;
        break;
      case Op::POP: --top; break;
      case Op::BRANCH_FALSE:
        if ((--top)->i == 0) pc = in.arg;
        break;
      case Op::LOWER:
      case Op::UPPER:
      case Op::EMAIL_DOMAIN: {
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
      case Op::LEN: {
        Value& a = top[-1];
        a.num = static_cast<double>(text::code_points(a.str));
        break;
      }
      case Op::COUNT: {
        Value& a = top[-1];
        a.num = static_cast<double>(in.flag ? a.bits : static_cast<std::uint64_t>(std::popcount(a.bits)));
        break;
      }
      case Op::DAYS_SINCE: {
        Value& a = top[-1];
        a.num = std::max<double>(0, static_cast<double>(as_of) - static_cast<double>(a.i));
        break;
      }
      case Op::FIRE: {
        const RuleInfo& r = p.rules[in.arg];
        raw_[static_cast<std::size_t>(r.group)] += r.points;
        fired_.push_back(in.arg);
        points_.push_back(r.points);
        break;
      }
      case Op::FIRE_PER: {
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
      case Op::REJECT:
        if (reject_ < 0) reject_ = static_cast<int>(in.arg);
        rejects_held_.push_back(in.arg);
        break;
      case Op::HALT: return;
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
      if (d.present) {
        double days = std::max(0.0, static_cast<double>(as_of) - static_cast<double>(d.date));
        total *= std::pow(info.decay_base, std::floor(days / info.decay_every));
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
