// From a test's `lead { }` literal to the record the VM reads: the same slots a reader fills.
#include <cmath>

#include "common/date_layout.hpp"
#include "leadscore/io.hpp"
#include "leadscore/testing.hpp"

namespace leadscore {

namespace {

std::string_view keep(TestLead& out, std::string text) { return out.text.emplace_back(std::move(text)); }

// Fills `slot` from literal `v`; false when `v` does not fit the field (the checker reports that).
bool fill(const Field& field, const ast::Expr& v, TestLead& out, FieldValue& slot) {
  using ast::ExprKind;
  switch (field.type) {
    case FieldType::String:
      if (v.kind != ExprKind::String) return false;
      slot.str = keep(out, v.text);
      return true;
    case FieldType::Int:
      // Out of the 64-bit range the conversion would be undefined; the checker rejects it anyway.
      if (v.kind != ExprKind::Number || !(std::fabs(v.number) < 9.2e18)) return false;
      slot.i = static_cast<std::int64_t>(v.number);
      slot.num = static_cast<double>(slot.i);  // promoted, as the readers do
      slot.str = keep(out, std::to_string(slot.i));
      return true;
    case FieldType::Number:
      if (v.kind != ExprKind::Number) return false;
      slot.num = v.number;
      slot.str = keep(out, format_number(v.number));
      return true;
    case FieldType::Bool:
      if (v.kind != ExprKind::Bool) return false;
      slot.b = v.boolean;
      return true;
    case FieldType::Date:
    case FieldType::Timestamp: {
      // A date literal is the day (a timestamp: its midnight, UTC); a quoted value reads as a
      // record's would.
      DateTimeParts parts;
      if (v.kind == ExprKind::Date) {
        parts.day = v.date;
      } else if (const auto read = v.kind == ExprKind::String ? parse_dated(v.text, field.format) : std::nullopt) {
        parts = *read;
      } else {
        return false;
      }
      if (field.type == FieldType::Date) {
        slot.date = parts.day;
        slot.str = keep(out, format_date(parts.day));
      } else {
        slot.i = parts.instant();
        slot.num = static_cast<double>(slot.i);
        slot.date = day_of(slot.i);
        slot.str = keep(out, format_timestamp(slot.i));
      }
      return true;
    }
    case FieldType::Enum: {
      if (v.kind != ExprKind::Name && v.kind != ExprKind::String) return false;  // bare or quoted
      int m = field.member_index(v.text);
      if (m < 0) return false;
      slot.member = static_cast<std::uint32_t>(m);
      slot.str = field.members[static_cast<std::size_t>(m)];
      return true;
    }
    case FieldType::Set:
      if (v.kind != ExprKind::List) return false;
      slot.set_bits = 0;
      for (const auto& item : v.kids) {
        int m = field.member_index(item->text);
        if ((item->kind != ExprKind::Name && item->kind != ExprKind::String) || m < 0) return false;
        slot.set_bits |= std::uint64_t{1} << m;
      }
      return true;
    case FieldType::StringSet:
      if (v.kind != ExprKind::List) return false;
      slot.items_begin = static_cast<std::uint32_t>(out.record.items.size());
      for (const auto& item : v.kids) {
        if (item->kind != ExprKind::String) return false;
        out.record.items.push_back(keep(out, item->text));
      }
      slot.items_count = static_cast<std::uint32_t>(out.record.items.size() - slot.items_begin);
      return true;
  }
  return false;
}

}  // namespace

void build_test_lead(const ast::TestBlock& test, const Schema& schema, TestLead& out) {
  out.text.clear();
  out.record.reset(schema.fields.size());
  for (const auto& init : test.lead) {
    int f = schema.find(init.field);
    if (f < 0 || !init.value) continue;
    const Field& field = schema.fields[static_cast<std::size_t>(f)];
    FieldValue& slot = out.record.values[static_cast<std::size_t>(f)];
    FieldValue filled;
    if (!fill(field, *init.value, out, filled)) continue;
    filled.present = true;
    slot = filled;
    if (f == schema.key_index) out.record.key = slot.str;
  }
}

}  // namespace leadscore
