// Micro-benchmarks (Google Benchmark) of leadscore's parts, each on its own: the VM per lead on
// records already parsed, CSV and JSON-lines parsing in MB/s, output formatting, check and compile
// of a generated 10,000-rule model, and loading a .lsc. docs/performance.md has the figures.
//
//   build/bench/bench_micro [--benchmark_filter=REGEX] [--benchmark_min_time=0.5]
//
// The leads are examples/leads.csv and .jsonl (200 leads from bench/gen_leads.py) repeated to
// 20,000; the model is bench/reference.score; as of 2026-11-01.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <deque>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "leadscore/check.hpp"
#include "leadscore/compile.hpp"
#include "leadscore/leadscore.hpp"
#include "leadscore/lint.hpp"
#include "leadscore/lsc.hpp"
#include "leadscore/parse.hpp"

namespace {

using namespace leadscore;

const std::string root = LEADSCORE_SOURCE_DIR;
const Day as_of = *parse_date("2026-11-01");
constexpr int lead_copies = 100;  // 200 leads x 100

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The header line once, then the data lines `copies` times.
std::string repeated_csv(int copies) {
  std::string text = read_text(root + "/examples/leads.csv");
  std::size_t eol = text.find('\n') + 1;
  std::string out = text.substr(0, eol);
  for (int i = 0; i < copies; ++i) out.append(text, eol);
  return out;
}

std::string repeated_jsonl(int copies) {
  std::string text = read_text(root + "/examples/leads.jsonl");
  std::string out;
  for (int i = 0; i < copies; ++i) out += text;
  return out;
}

struct Reference {
  Session session;
  std::optional<Program> program;
  std::string lsc;
  Reference() {
    LoadedModel loaded = load_model(session, root + "/bench/reference.score");
    if (!loaded.program) throw std::runtime_error("bench/reference.score does not load");
    program = std::move(loaded.program);
    lsc = write_lsc(*program, session.sources, "lead.schema", root + "/bench/reference.score");
  }
};

Reference& reference() {
  static Reference r;
  return r;
}

// Records that own their text: the reader's views are copied into `text`.
struct ParsedLeads {
  std::deque<std::string> text;
  std::vector<Record> records;
};

const ParsedLeads& parsed_leads() {
  static ParsedLeads leads = [] {
    ParsedLeads out;
    std::string csv = repeated_csv(lead_copies);
    std::FILE* in = fmemopen(csv.data(), csv.size(), "rb");
    ReaderOpenResult opened = open_record_reader(in, "leads.csv", RecordFormat::Csv, reference().program->schema);
    Record r;
    auto own = [&](std::string_view v) -> std::string_view { return out.text.emplace_back(v); };
    while (opened.reader->next(r)) {
      Record copy = r;
      for (auto& v : copy.values) v.str = own(v.str);
      for (auto& item : copy.items) item = own(item);
      copy.key = own(copy.key);
      out.records.push_back(std::move(copy));
    }
    std::fclose(in);
    return out;
  }();
  return leads;
}

void BM_VmPerLead(benchmark::State& state) {
  const Program& program = *reference().program;
  const ParsedLeads& leads = parsed_leads();
  Vm vm(program);
  std::size_t i = 0;
  for (auto _ : state) {
    const Outcome& o = vm.run(leads.records[i], as_of);
    benchmark::DoNotOptimize(o.score);
    if (++i == leads.records.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VmPerLead);

void parse_all(benchmark::State& state, const std::string& text, RecordFormat format) {
  const Schema& schema = reference().program->schema;
  std::string copy = text;
  std::uint64_t records = 0;
  for (auto _ : state) {
    std::FILE* in = fmemopen(copy.data(), copy.size(), "rb");
    ReaderOpenResult opened = open_record_reader(in, "leads", format, schema);
    Record r;
    while (opened.reader->next(r)) ++records;
    std::fclose(in);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(records));
}

void BM_ParseCsv(benchmark::State& state) {
  static const std::string text = repeated_csv(lead_copies);
  parse_all(state, text, RecordFormat::Csv);
}
BENCHMARK(BM_ParseCsv)->Unit(benchmark::kMillisecond);

void BM_ParseJsonLines(benchmark::State& state) {
  static const std::string text = repeated_jsonl(lead_copies);
  parse_all(state, text, RecordFormat::JsonLines);
}
BENCHMARK(BM_ParseJsonLines)->Unit(benchmark::kMillisecond);

// Formatting the output rows of every lead (scored once beforehand), to /dev/null.
void format_all(benchmark::State& state, RecordFormat format, bool explain) {
  const Program& program = *reference().program;
  const ParsedLeads& leads = parsed_leads();
  // The outcomes' views live only until the VM's next run: each row keeps its own copy.
  struct Row {
    std::string_view key;
    Outcome outcome;
    std::vector<double> groups;
    std::vector<std::uint32_t> fired;
  };
  std::vector<Row> rows;
  Vm vm(program);
  for (const Record& r : leads.records) {
    const Outcome& o = vm.run(r, as_of);
    rows.push_back({r.key, o, {o.groups.begin(), o.groups.end()}, {o.fired.begin(), o.fired.end()}});
  }
  OutputColumns columns;
  columns.key_name = program.schema.fields[static_cast<std::size_t>(program.schema.key_index)].name;
  columns.group_names = program.group_columns();
  columns.explain = explain;
  std::vector<double> groups;
  std::vector<std::string_view> fired;
  std::FILE* out = std::fopen("/dev/null", "wb");
  for (auto _ : state) {
    auto writer = make_result_writer(out, format, columns);
    for (const Row& row : rows) {
      ScoredRow s;
      s.key = row.key;
      s.status = row.outcome.status;
      s.score = row.outcome.score;
      s.qualified = row.outcome.qualified;
      if (row.outcome.tier >= 0) s.tier = program.tiers[static_cast<std::size_t>(row.outcome.tier)].name;
      if (row.outcome.reject >= 0) s.reason = program.rejects[static_cast<std::size_t>(row.outcome.reject)].reason;
      groups.clear();
      for (std::size_t g = 0; g < program.groups.size(); ++g) {
        if (!program.groups[g].name.empty() && g < row.groups.size()) groups.push_back(row.groups[g]);
      }
      s.groups = groups;
      fired.clear();
      for (auto f : row.fired) fired.push_back(program.rules[f].label);
      s.fired = fired;
      writer->write(s);
    }
    writer->finish();
  }
  std::fclose(out);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows.size()));
}

void BM_FormatCsv(benchmark::State& state) { format_all(state, RecordFormat::Csv, false); }
BENCHMARK(BM_FormatCsv)->Unit(benchmark::kMillisecond);
void BM_FormatCsvExplain(benchmark::State& state) { format_all(state, RecordFormat::Csv, true); }
BENCHMARK(BM_FormatCsvExplain)->Unit(benchmark::kMillisecond);
void BM_FormatJsonLines(benchmark::State& state) { format_all(state, RecordFormat::JsonLines, false); }
BENCHMARK(BM_FormatJsonLines)->Unit(benchmark::kMillisecond);

// A model of 10,000 rules over every kind of field, in 10 groups.
std::string big_model() {
  std::string m = "schema \"lead.schema\"\n";
  const char* industries[] = {"saas", "fintech", "retail", "healthcare", "education"};
  for (int g = 0; g < 10; ++g) {
    m += "group g" + std::to_string(g) + " max 1000 {\n";
    for (int i = 0; i < 1000; ++i) {
      int n = g * 1000 + i;
      std::string label = " as \"rule " + std::to_string(n) + "\"\n";
      switch (n % 5) {
        case 0: m += "  when company_size >= " + std::to_string(n) + " add 1" + label; break;
        case 1: m += "  when industry in [" + std::string(industries[n % 5]) + ", other] and email_opens > " + std::to_string(n % 50) + " add 2" + label; break;
        case 2: m += "  when job_title contains \"t" + std::to_string(n) + "\" add 3" + label; break;
        case 3: m += "  when visited pricing_page and last_activity within " + std::to_string(n % 300 + 1) + " days add 1" + label; break;
        default: m += "  when email_domain(email) in [\"d" + std::to_string(n) + ".com\", \"gmail.com\"] subtract 1" + label; break;
      }
    }
    m += "}\n";
  }
  m += "qualify at 50\n";
  return m;
}

const Schema& bench_schema() { return reference().program->schema; }

void BM_Check10kRules(benchmark::State& state) {
  static const std::string text = big_model();
  for (auto _ : state) {
    SourceManager sources;
    Diagnostics diags;
    std::uint32_t id = sources.add("big.score", text);
    ast::Model model = parse_model(sources, id, diags);
    check_model(model, bench_schema(), diags);
    lint_model(model, bench_schema(), sources, diags);
    if (diags.has_errors()) state.SkipWithError("the generated model has errors");
    benchmark::DoNotOptimize(model);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Check10kRules)->Unit(benchmark::kMillisecond);

void BM_Compile10kRules(benchmark::State& state) {
  static const std::string text = big_model();
  SourceManager sources;
  Diagnostics diags;
  std::uint32_t id = sources.add("big.score", text);
  ast::Model model = parse_model(sources, id, diags);
  std::optional<CheckedModel> checked = check_model(model, bench_schema(), diags);
  if (!checked) {
    state.SkipWithError("the generated model has errors");
    return;
  }
  for (auto _ : state) {
    Program p = compile_model(*checked);
    benchmark::DoNotOptimize(p.code.data());
  }
}
BENCHMARK(BM_Compile10kRules)->Unit(benchmark::kMillisecond);

void load_lsc(benchmark::State& state, const std::string& bytes) {
  for (auto _ : state) {
    SourceManager sources;
    Diagnostics diags;
    std::string error;
    auto file = read_lsc(bytes, sources, diags, error);
    if (!file) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(file);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["file_bytes"] = static_cast<double>(bytes.size());
}

void BM_LscLoadReference(benchmark::State& state) { load_lsc(state, reference().lsc); }
BENCHMARK(BM_LscLoadReference)->Unit(benchmark::kMicrosecond);

void BM_LscLoad10kRules(benchmark::State& state) {
  static const std::string bytes = [] {
    Session session;
    LoadedModel loaded = load_model_text(session, "big.score", big_model(), bench_schema());
    if (!loaded.program) return std::string();
    // The schema's text comes from the reference model's session (the same lead.schema).
    Program& p = *loaded.program;
    std::uint32_t schema_file = session.sources.add(reference().session.sources.file(reference().program->schema.span.file).path(),
                                                    reference().session.sources.file(reference().program->schema.span.file).text());
    p.schema.span.file = schema_file;
    return write_lsc(p, session.sources, "lead.schema", "big.score");
  }();
  load_lsc(state, bytes);
}
BENCHMARK(BM_LscLoad10kRules)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
