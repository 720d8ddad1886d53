// The compiler: constant folding, members as small integers and bitmasks, literal string tests
// without the regex engine, one compiled regex per literal, and the Program's tables.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "test_support.hpp"

using namespace lstest;

namespace {

std::unique_ptr<Loaded> compiled(const std::string& text) {
  auto l = load(text);
  INFO(text);
  INFO(joined(l->errors()));
  REQUIRE(l->ok());
  return l;
}

std::string op_names(const Program& p) {
  std::string out;
  for (const auto& in : p.code) out += (out.empty() ? "" : " ") + std::string(op_name(in.op));
  return out;
}

int count_op(const Program& p, Op op) {
  int n = 0;
  for (const auto& in : p.code) n += in.op == op ? 1 : 0;
  return n;
}

const Instr& first(const Program& p, Op op) {
  for (const auto& in : p.code) {
    if (in.op == op) return in;
  }
  FAIL("no " << op_name(op) << " in " << op_names(p));
  static Instr none;
  return none;
}

}  // namespace

TEST_SUITE("compile") {

TEST_CASE("a rule whose condition folds to false emits no code, but is still a rule") {
  auto l = compiled("when false add 100\nwhen 1 > 2 add 1\nwhen demo_requested and false add 3\n"
                    "when not true add 4\nwhen \"a\" = \"b\" add 5\nwhen 2026-01-02 < 2026-01-01 add 6\n");
  const Program& p = l->program();
  CHECK(op_names(p) == "HALT");
  CHECK(p.rules.size() == 6);
  CHECK(p.rules[0].label == "when false add 100");
}

TEST_CASE("constant conditions fold: `2 * 3 > 5` fires without a test") {
  auto l = compiled("when 2 * 3 > 5 add 1\n");
  CHECK(op_names(l->program()) == "FIRE HALT");

  auto t = compiled("when true add 1\nwhen demo_requested or 1 < 2 add 2\nwhen \"a\" != \"b\" add 3\n");
  CHECK(op_names(t->program()) == "FIRE FIRE FIRE HALT");

  // An operand that folds to the neutral value is left out.
  auto n = compiled("when demo_requested and true add 7\nwhen unsubscribed or false add 8\n");
  CHECK(op_names(n->program()) == "FIELD_BOOL BRANCH_FALSE FIRE FIELD_BOOL BRANCH_FALSE FIRE HALT");

  // Folding reaches through lets and parentheses.
  auto lets = compiled("let k = 10 / 4\nlet on = (k > 2)\nwhen on and demo_requested add 1\n"
                       "when company_size > k * 2 add 1\n");
  const Program& p = lets->program();
  CHECK(op_names(p) ==
        "FIELD_BOOL BRANCH_FALSE FIRE FIELD_NUM CONST_NUM CMP_NUM BRANCH_FALSE FIRE HALT");
  CHECK(p.numbers[first(p, Op::CONST_NUM).arg] == 5);

  // A folded reject that can never hold has no code either.
  auto r = compiled("reject when false as \"never\"\nreject when true as \"always\"\n");
  CHECK(op_names(r->program()) == "REJECT HALT");
  CHECK(r->program().code[0].arg == 1);
  CHECK(r->program().rejects.size() == 2);
}

TEST_CASE("division by a constant zero is not folded: it is missing at run time") {
  auto l = compiled("when company_size > 1 / 0 add 1\n");
  CHECK(count_op(l->program(), Op::DIV) == 1);
}

TEST_CASE("enum members become CONST_INT and IN_MASK bitmasks") {
  auto l = compiled("when industry = fintech add 1\n");
  const Program& p = l->program();
  CHECK(op_names(p) == "FIELD_ENUM CONST_INT CMP_INT BRANCH_FALSE FIRE HALT");
  CHECK(p.code[1].arg == 1);
  CHECK(p.code[2].flag == static_cast<std::uint8_t>(CmpFlag::Eq));

  auto in = compiled("when industry in [saas, retail, other] add 1\nwhen source not in [paid] add 1\n");
  const Program& q = in->program();
  CHECK(count_op(q, Op::IN_MASK) == 2);
  CHECK(count_op(q, Op::IN_STRS) == 0);
  CHECK(count_op(q, Op::CMP_STR) == 0);
  const Instr& m = first(q, Op::IN_MASK);
  CHECK(q.masks[m.arg] == ((1u << 0) | (1u << 2) | (1u << 6)));
  CHECK(m.flag == 0);
  const Instr& neg = q.code[q.code.size() - 4];
  REQUIRE(neg.op == Op::IN_MASK);
  CHECK(q.masks[neg.arg] == 0x2);
  CHECK(neg.flag == 1);

  auto let = compiled("let targets = [saas, fintech]\nwhen industry in targets add 1\n");
  CHECK(let->program().masks[first(let->program(), Op::IN_MASK).arg] == 0x3);
}

TEST_CASE("set tests become bitmasks") {
  auto l = compiled("when visited pricing_page add 1\nwhen visited any of [blog, docs] add 1\n"
                    "when visited all of [demo_page, careers] add 1\nwhen downloaded case_study add 1\n");
  const Program& p = l->program();
  CHECK(count_op(p, Op::FIELD_SET) == 4);
  std::vector<std::uint64_t> seen;
  for (const auto& in : p.code) {
    if (in.op == Op::SET_ANY || in.op == Op::SET_ALL) seen.push_back(p.masks[in.arg]);
  }
  CHECK(seen == std::vector<std::uint64_t>{0x1, 0x28, 0x44, 0x4});
  CHECK(count_op(p, Op::SET_ALL) == 1);
}

TEST_CASE("literal string tests use the case-folding opcodes, never REGEX") {
  auto l = compiled("when email matches gmail add 1\nwhen email matches \"YaHoo\" add 1\n"
                    "when email ends with \"@Rival.COM\" add 1\nwhen email starts with \"Info@\" add 1\n"
                    "when job_title contains \"Head\" add 1\n");
  const Program& p = l->program();
  CHECK(count_op(p, Op::REGEX) == 0);
  CHECK(p.regexes.empty());
  CHECK(op_names(p) ==
        "FIELD_STR CONTAINS_CI BRANCH_FALSE FIRE FIELD_STR CONTAINS_CI BRANCH_FALSE FIRE "
        "FIELD_STR ENDS_CI BRANCH_FALSE FIRE FIELD_STR STARTS_CI BRANCH_FALSE FIRE "
        "FIELD_STR CONTAINS_CI BRANCH_FALSE FIRE HALT");
  std::vector<std::string> needles;
  for (const auto& in : p.code) {
    if (in.op == Op::CONTAINS_CI || in.op == Op::ENDS_CI || in.op == Op::STARTS_CI) {
      needles.push_back(p.strings[in.arg]);
    }
  }
  CHECK(needles == std::vector<std::string>{"gmail", "yahoo", "@rival.com", "info@", "head"});

  auto words = compiled("let free = [\"Gmail\", \"yahoo\"]\nwhen email matches free add 1\n");
  CHECK(count_op(words->program(), Op::REGEX) == 0);
  const Instr& any = first(words->program(), Op::CONTAINS_ANY_CI);
  CHECK(words->program().string_lists[any.arg] == std::vector<std::string>{"gmail", "yahoo"});
}

TEST_CASE("one compiled regex per /regex/ literal, with its flag") {
  auto l = compiled("when job_title matches /^vp/i add 1\nwhen job_title matches /cto$/ add 1\n");
  const Program& p = l->program();
  CHECK(count_op(p, Op::REGEX) == 2);
  REQUIRE(p.regexes.size() == 2);
  CHECK(p.regexes[0]->pattern() == "^vp");
  CHECK_FALSE(p.regexes[0]->options().case_sensitive());
  CHECK(p.regexes[1]->pattern() == "cto$");
  CHECK(p.regexes[1]->options().case_sensitive());
}

// The compiler's own contract ("each /regex/ is compiled once"): a let holding a regex test that
// several rules use is one literal, so one compiled regex.
TEST_CASE("a regex in a let used by several rules is compiled once") {
  auto l = compiled("let senior = job_title matches /vp|cto/i\nwhen senior add 1\nwhen senior and demo_requested add 2\n"
                    "reject when senior and unsubscribed\n");
  CHECK(l->program().regexes.size() == 1);
}

TEST_CASE("strings and number lists are sorted for binary search; strings keep their case for '='") {
  auto l = compiled("when country in [\"DE\", \"AT\", \"CH\"] add 1\nwhen company_size in [30, 10, 20] add 1\n"
                    "when country = \"De\" add 1\n");
  const Program& p = l->program();
  CHECK(p.string_lists[first(p, Op::IN_STRS).arg] == std::vector<std::string>{"AT", "CH", "DE"});
  CHECK(p.number_lists[first(p, Op::IN_NUMS).arg] == std::vector<double>{10, 20, 30});
  CHECK(p.strings[first(p, Op::CONST_STR).arg] == "De");
  CHECK(count_op(p, Op::CMP_STR) == 1);
}

TEST_CASE("dates, days and built-ins compile to their opcodes") {
  auto l = compiled("when last_activity within 30 days add 1\nwhen created_at before 2026-01-01 add 1\n"
                    "when days_since(created_at) > 3 add 1\nwhen len(email) > 3 add 1\n"
                    "when count(visited) > 1 add 1\nwhen count(tags) > 1 add 1\n"
                    "when email_domain(email) = \"x.com\" add 1\nwhen lower(email) = upper(email) add 1\n");
  const Program& p = l->program();
  CHECK(count_op(p, Op::DAYS_SINCE) == 2);
  CHECK(count_op(p, Op::CONST_DATE) == 1);
  CHECK(static_cast<Day>(static_cast<std::int32_t>(first(p, Op::CONST_DATE).arg)) == day("2026-01-01"));
  CHECK(count_op(p, Op::LEN) == 1);
  CHECK(count_op(p, Op::COUNT) == 2);
  CHECK(count_op(p, Op::EMAIL_DOMAIN) == 1);
  CHECK(count_op(p, Op::LOWER) == 1);
  CHECK(count_op(p, Op::UPPER) == 1);
  CHECK(p.scratch_strings >= 3);
  int flags = 0;
  for (const auto& in : p.code) {
    if (in.op == Op::COUNT) flags = flags * 10 + in.flag;
  }
  CHECK(flags == 1);  // the bitmask set first (flag 0), then the set of strings (flag 1)
}

TEST_CASE("the program's tables: rules, groups, decay, bounds, thresholds, tiers, rejects") {
  auto l = compiled("model \"Demo\"\n"
                    "when demo_requested add 50\n"
                    "group fit max 40 {\n  when company_size >= 100 add 10 as \"Big\"\n}\n"
                    "group eng min -5 max 60 decay 25% every 30 days since last_activity {\n"
                    "  when email_clicks > 0 add 2 per email_clicks up to 10\n"
                    "  when webinars > 0 subtract 1 per webinars\n}\n"
                    "reject when unsubscribed as \"Gone\"\n"
                    "score min 0 max 100\nqualify at 50\ntier hot at 80\ntier warm at 50\ntier cold\n");
  const Program& p = l->program();
  CHECK(p.display_name == "Demo");
  REQUIRE(p.groups.size() == 3);
  CHECK(p.groups[0].name == "fit");
  CHECK_FALSE(p.groups[0].min);
  CHECK(p.groups[0].max == 40);
  CHECK_FALSE(p.groups[0].decays);
  CHECK(p.groups[1].name == "eng");
  CHECK(p.groups[1].min == -5);
  CHECK(p.groups[1].max == 60);
  CHECK(p.groups[1].decays);
  CHECK(p.groups[1].decay_base == doctest::Approx(0.75));
  CHECK(p.groups[1].decay_every == 30);
  CHECK(p.groups[1].decay_field == lead_schema().find("last_activity"));
  CHECK(p.groups[2].name.empty());  // the implicit group comes last
  CHECK(p.group_columns() == std::vector<std::string>{"fit", "eng"});

  REQUIRE(p.rules.size() == 4);
  CHECK(p.rules[0].label == "when demo_requested add 50");
  CHECK(p.rules[0].group == 2);
  CHECK(p.rules[0].points == 50);
  CHECK_FALSE(p.rules[0].per);
  CHECK(p.rules[1].label == "Big");
  CHECK(p.rules[1].group == 0);
  CHECK(p.rules[2].group == 1);
  CHECK(p.rules[2].per);
  CHECK(p.rules[2].up_to == 10);
  CHECK(p.rules[3].points == -1);
  CHECK(std::isinf(p.rules[3].up_to));

  REQUIRE(p.rejects.size() == 1);
  CHECK(p.rejects[0].reason == "Gone");
  CHECK(p.score_min == 0);
  CHECK(p.score_max == 100);
  CHECK(p.qualify_at == 50);
  REQUIRE(p.tiers.size() == 3);
  CHECK(p.tiers[0].name == "hot");
  CHECK(p.tiers[0].at == 80);
  CHECK(p.tiers[1].at == 50);
  CHECK_FALSE(p.tiers[2].at);
  CHECK(p.schema.fields.size() == lead_schema().fields.size());
  CHECK(p.code.size() == p.spans.size());
  CHECK(p.code.back().op == Op::HALT);

  auto bare = compiled("when demo_requested add 1\n");
  CHECK_FALSE(bare->program().qualify_at);
  CHECK_FALSE(bare->program().score_min);
  CHECK_FALSE(bare->program().score_max);
  CHECK(bare->program().group_columns().empty());
  REQUIRE(bare->program().groups.size() == 1);

  auto none = compiled("group g {\n  when demo_requested add 1\n}\n");
  CHECK(none->program().groups.size() == 1);  // no implicit group without ungrouped rules
}

TEST_CASE("'and' and 'or' short-circuit with jumps that keep the value") {
  auto l = compiled("when demo_requested and unsubscribed or company_size > 1 add 1\n");
  const Program& p = l->program();
  CHECK(op_names(p) ==
        "FIELD_BOOL JUMP_IF_FALSE POP FIELD_BOOL JUMP_IF_TRUE POP FIELD_NUM CONST_NUM CMP_NUM "
        "BRANCH_FALSE FIRE HALT");
  CHECK(p.code[1].arg == 4);   // 'and' false: on to the 'or' with the value kept
  CHECK(p.code[4].arg == 9);   // 'or' true: straight to the branch
  CHECK(p.max_stack >= 2);
}

TEST_CASE("disassembly of a small model") {
  auto l = compiled("group fit max 40 {\n"
                    "  when industry in [saas, retail] add 5\n"
                    "  when job_title matches /^(vp|cto)$/i add 10 as \"Exec\"\n"
                    "}\n"
                    "when not demo_requested and email matches GMail subtract 4\n"
                    "when email_clicks > 0 add 2 per email_clicks up to 10\n"
                    "when country not in [\"DE\", \"AT\"] add 1 as \"Not DACH\"\n"
                    "reject when email ends with \"@Rival.com\" as \"Competitor\"\n");
  CHECK(disassemble(l->program()) ==
        "0000  FIELD_ENUM       industry\n"
        "0001  IN_MASK          0x5\n"
        "0002  BRANCH_FALSE     -> 0004\n"
        "0003  FIRE             0 \"when industry in [saas, retail] add 5\"\n"
        "0004  FIELD_STR        job_title\n"
        "0005  REGEX            /^(vp|cto)$/i\n"
        "0006  BRANCH_FALSE     -> 0008\n"
        "0007  FIRE             1 \"Exec\"\n"
        "0008  FIELD_BOOL       demo_requested\n"
        "0009  NOT              \n"
        "0010  JUMP_IF_FALSE    -> 0014\n"
        "0011  POP              \n"
        "0012  FIELD_STR        email\n"
        "0013  CONTAINS_CI      \"gmail\"\n"
        "0014  BRANCH_FALSE     -> 0016\n"
        "0015  FIRE             2 \"when not demo_requested and email matches GMail subtract 4\"\n"
        "0016  FIELD_NUM        email_clicks\n"
        "0017  CONST_NUM        0\n"
        "0018  CMP_NUM          >\n"
        "0019  BRANCH_FALSE     -> 0022\n"
        "0020  FIELD_NUM        email_clicks\n"
        "0021  FIRE_PER         3 \"when email_clicks > 0 add 2 per email_clicks up to 10\"\n"
        "0022  FIELD_STR        country\n"
        "0023  IN_STRS          not [\"AT\", \"DE\"]\n"
        "0024  BRANCH_FALSE     -> 0026\n"
        "0025  FIRE             4 \"Not DACH\"\n"
        "0026  FIELD_STR        email\n"
        "0027  ENDS_CI          \"@rival.com\"\n"
        "0028  BRANCH_FALSE     -> 0030\n"
        "0029  REJECT           0 \"Competitor\"\n"
        "0030  HALT             \n");
  CHECK(op_name(Op::CONTAINS_CI) == "CONTAINS_CI");
  CHECK(op_name(Op::HALT) == "HALT");
}

}  // TEST_SUITE
