// A hand-written scorer for exactly one model: bench/reference.score over lead.schema.
//
// This is the "practical limit" peer of the benchmark: what an engineer who knows C++ would write
// for this one model with no language, no compiler and no VM. Same input (the gen_leads.py CSV with
// its header), same output as `leadscore score reference.score -i leads.csv -o out.csv`:
//   id,score,qualified,tier,status,reason,fit,engagement
//
//   bench_handwritten -i leads.csv -o out.csv [--as-of 2026-11-01]      (`-` is stdin / stdout)
//
// It follows SPEC.md sections 2, 3 and 7: a missing value makes a primitive test false; string
// tests fold ASCII case; the title regexes are matched by a hand-coded word-boundary matcher that
// gives RE2's answers (see match_words); numbers print as fmt::format("{}", x) with -0 as 0. Every
// field is validated as leadscore validates it, and a bad value gives an error row; the wording of
// the message is this program's own. Single-threaded, like leadscore's `score`.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "word_match.hpp"

namespace {

using bench::lower;
using bench::match_words;

// ---------------------------------------------------------------------------------------------
// Text helpers (ASCII folding only, as SPEC section 7 says).

bool contains_ci(std::string_view s, std::string_view needle) {  // needle is lower case
  if (needle.size() > s.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower(s[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {  // suffix is lower case
  if (suffix.size() > s.size()) return false;
  std::string_view tail = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (lower(tail[i]) != suffix[i]) return false;
  return true;
}

constexpr std::array<std::string_view, 8> kSeniorWords = {
    "chief", "cmo", "ceo", "cto", "vp", "vice president", "head of", "founder"};
constexpr std::array<std::string_view, 2> kJuniorWords = {"student", "intern"};

// ---------------------------------------------------------------------------------------------
// Dates: days since 1970-01-01 (Howard Hinnant's days_from_civil).

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

// `YYYY-MM-DD`, or `YYYY-MM-DDThh:mm[:ss[.fff]]` with an optional `Z` or `+hh:mm` / `-hh:mm`.
bool parse_date(std::string_view s, std::int64_t& day) {
  int y, m, d;
  if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return false;
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kMonthDays[m - 1] + (m == 2 && leap ? 1 : 0)) return false;
  if (s.size() > 10) {
    int hh, mm, ss;
    std::size_t p = 11;
    if (s[10] != 'T' || !digits(s, 11, 2, hh) || s.size() < 16 || s[13] != ':' ||
        !digits(s, 14, 2, mm) || hh > 23 || mm > 59)
      return false;
    p = 16;
    if (p < s.size() && s[p] == ':') {
      if (!digits(s, p + 1, 2, ss) || ss > 60) return false;
      p += 3;
      if (p < s.size() && s[p] == '.') {
        std::size_t q = p + 1;
        while (q < s.size() && s[q] >= '0' && s[q] <= '9') ++q;
        if (q == p + 1) return false;
        p = q;
      }
    }
    if (p < s.size()) {
      if (s[p] == 'Z') {
        ++p;
      } else if (s[p] == '+' || s[p] == '-') {
        int zh, zm;
        if (!digits(s, p + 1, 2, zh) || p + 3 >= s.size() || s[p + 3] != ':' ||
            !digits(s, p + 4, 2, zm) || zh > 23 || zm > 59)
          return false;
        p += 6;
      } else {
        return false;
      }
    }
    if (p != s.size()) return false;
  }
  day = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Typed cells.

bool parse_int(std::string_view s, std::int64_t& out) {
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end;
}

bool parse_number(std::string_view s, double& out) {
  if (s.empty()) return false;
  const char c = s[0] == '-' && s.size() > 1 ? s[1] : s[0];
  if (!((c >= '0' && c <= '9') || c == '.')) return false;  // no '+', nan, inf
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end;
}

bool parse_bool(std::string_view s, bool& out) {
  auto is = [&](std::string_view w) {
    if (s.size() != w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i)
      if (lower(s[i]) != w[i]) return false;
    return true;
  };
  if (is("true") || is("yes") || is("1")) return out = true, true;
  if (is("false") || is("no") || is("0")) return out = false, true;
  return false;
}

template <std::size_t N>
int enum_index(std::string_view s, const std::array<std::string_view, N>& members) {
  for (std::size_t i = 0; i < N; ++i)
    if (s == members[i]) return static_cast<int>(i);
  return -1;
}

// `a;b;c`: members lose surrounding spaces; an empty or unknown member is an error.
template <std::size_t N>
bool parse_set(std::string_view s, const std::array<std::string_view, N>& members,
               std::uint32_t& bits) {
  bits = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t semi = s.find(';', start);
    std::string_view m = s.substr(start, semi == std::string_view::npos ? s.npos : semi - start);
    while (!m.empty() && (m.front() == ' ' || m.front() == '\t')) m.remove_prefix(1);
    while (!m.empty() && (m.back() == ' ' || m.back() == '\t')) m.remove_suffix(1);
    int k = enum_index(m, members);
    if (k < 0) return false;
    bits |= 1u << k;
    if (semi == std::string_view::npos) return true;
    start = semi + 1;
  }
}

constexpr std::array<std::string_view, 7> kIndustries = {
    "saas", "fintech", "retail", "healthcare", "education", "manufacturing", "other"};
constexpr std::array<std::string_view, 5> kSources = {"organic", "paid", "referral", "event",
                                                      "outbound"};
constexpr std::array<std::string_view, 7> kPages = {
    "pricing_page", "contact_page", "demo_page", "blog", "case_studies", "docs", "careers"};
constexpr std::array<std::string_view, 3> kDownloads = {"ebook", "whitepaper", "case_study"};
constexpr std::array<std::string_view, 5> kFreeDomains = {"gmail.com", "yahoo.com", "outlook.com",
                                                          "hotmail.com", "proton.me"};
constexpr std::array<std::string_view, 5> kFitCountries = {"US", "GB", "DE", "CA", "AU"};

enum Field : int {
  kId,
  kEmail,
  kJobTitle,
  kCompanySize,
  kAnnualRevenue,
  kIndustry,
  kCountry,
  kSource,
  kVisited,
  kDownloaded,
  kEmailOpens,
  kEmailClicks,
  kWebinars,
  kDemoRequested,
  kUnsubscribed,
  kLastActivity,
  kCreatedAt,
  kFieldCount
};
constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "id",       "email",          "job_title",    "company_size",  "annual_revenue", "industry",
    "country",  "source",         "visited",      "downloaded",    "email_opens",    "email_clicks",
    "webinars", "demo_requested", "unsubscribed", "last_activity", "created_at"};

// ---------------------------------------------------------------------------------------------
// Output.

class Out {
 public:
  explicit Out(std::FILE* f) : f_(f) { buf_.reserve(kFlushAt + 4096); }
  void put(std::string_view s) { buf_.append(s); }
  void put(char c) { buf_.push_back(c); }
  void cell(std::string_view s) {  // quoted only when needed
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
      buf_.append(s);
      return;
    }
    buf_.push_back('"');
    for (char c : s) {
      if (c == '"') buf_.push_back('"');
      buf_.push_back(c);
    }
    buf_.push_back('"');
  }
  void number(double x) {
    if (x == 0) x = 0;  // -0 prints as 0
    char tmp[32];
    auto r = fmt::format_to_n(tmp, sizeof tmp, "{}", x);
    buf_.append(tmp, r.out);
  }
  void end_row() {
    buf_.push_back('\n');
    if (buf_.size() >= kFlushAt) flush();
  }
  bool flush() {
    bool ok = std::fwrite(buf_.data(), 1, buf_.size(), f_) == buf_.size();
    buf_.clear();
    return ok;
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  std::FILE* f_;
  std::string buf_;
};

// ---------------------------------------------------------------------------------------------
// The model.

struct Lead {
  std::string_view id, email, job_title, country;
  bool has_title = false, has_country = false;
  bool has_size = false, has_revenue = false, has_industry = false, has_source = false;
  bool has_visited = false, has_downloaded = false, has_opens = false, has_clicks = false,
       has_webinars = false;
  bool has_demo = false, has_unsub = false, has_last = false;
  std::int64_t company_size = 0, email_opens = 0, email_clicks = 0, webinars = 0, last_activity = 0;
  double annual_revenue = 0;
  int industry = -1, source = -1;
  std::uint32_t visited = 0, downloaded = 0;
  bool demo_requested = false, unsubscribed = false;
};

constexpr std::uint32_t bit(std::string_view page) {
  for (std::size_t i = 0; i < kPages.size(); ++i)
    if (kPages[i] == page) return 1u << i;
  return 0;
}

void score_lead(const Lead& l, std::int64_t as_of, Out& out) {
  // group fit max 40
  double fit = 0;
  const bool senior = l.has_title && match_words(l.job_title, kSeniorWords);
  const bool junior = l.has_title && match_words(l.job_title, kJuniorWords);
  if (senior) fit += 15;
  if (l.has_title && contains_ci(l.job_title, "director")) fit += 8;
  if (l.has_size && l.company_size >= 100) fit += 10;
  if (l.has_size && l.company_size >= 1000) fit += 5;
  if (l.has_revenue && l.annual_revenue > 10000000) fit += 5;
  if (l.has_industry && (l.industry == 0 || l.industry == 1)) fit += 5;  // saas, fintech
  if (l.has_country && enum_index(l.country, kFitCountries) >= 0) fit += 3;
  std::size_t at = l.email.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view d = l.email.substr(at + 1);
    char buf[16];  // every free domain is shorter; a longer domain is not one of them
    if (d.size() <= sizeof buf) {
      for (std::size_t i = 0; i < d.size(); ++i) buf[i] = lower(d[i]);
      if (enum_index(std::string_view(buf, d.size()), kFreeDomains) >= 0) fit -= 10;
    }
  }
  if (junior) fit -= 20;
  if (fit > 40) fit = 40;

  // group engagement max 60 decay 25% every 30 days since last_activity
  const std::int64_t days = l.has_last ? std::max<std::int64_t>(0, as_of - l.last_activity) : 0;
  double eng = 0;
  if (l.has_visited && (l.visited & bit("pricing_page"))) eng += 20;
  if (l.has_visited && (l.visited & bit("contact_page"))) eng += 20;
  if (l.has_visited && (l.visited & (bit("demo_page") | bit("case_studies")))) eng += 10;
  if (l.has_downloaded && (l.downloaded & 1u)) eng += 10;  // ebook
  if (l.has_downloaded && (l.downloaded & 2u)) eng += 10;  // whitepaper
  if (l.has_opens && l.email_opens >= 3) eng += 5;
  if (l.has_clicks && l.email_clicks > 0)
    eng += std::min(2.0 * static_cast<double>(std::max<std::int64_t>(l.email_clicks, 0)), 10.0);
  if (l.has_webinars && l.webinars >= 1) eng += 20;
  if (l.has_demo && l.demo_requested) eng += 50;
  if (l.has_source && l.source == 2) eng += 10;  // referral
  if (l.has_unsub && l.unsubscribed) eng -= 15;
  if (l.has_last && days > 180) eng -= 10;
  if (l.has_last) eng *= std::pow(0.75, static_cast<double>(days / 30));
  if (eng > 60) eng = 60;

  double score = fit + eng;
  if (score < 0) score = 0;
  if (score > 100) score = 100;
  const bool rejected = ends_with_ci(l.email, "@competitor.com");

  out.cell(l.id);
  out.put(',');
  out.number(score);
  out.put(!rejected && score >= 50 ? ",true," : ",false,");
  if (!rejected) out.put(score >= 80 ? "hot" : score >= 50 ? "warm" : score >= 20 ? "cold" : "ice");
  out.put(rejected ? ",rejected,Competitor," : ",ok,,");
  out.number(fit);
  out.put(',');
  out.number(eng);
  out.end_row();
}

// ---------------------------------------------------------------------------------------------
// CSV input (RFC 4180). The buffer is writable so that quoted cells are unescaped in place.

struct CsvReader {
  CsvReader(char* begin, char* stop) : p(begin), end(stop) {}
  char* p;
  char* end;
  std::uint64_t line = 1;         // line of `p`
  std::uint64_t record_line = 1;  // line where the last record read starts
  std::vector<std::string_view> cells;
  const char* broken = nullptr;  // why the last record could not be read, or null

  bool blank_line_at_p() const {
    const char* q = p;
    while (q < end && (*q == ' ' || *q == '\t' || *q == '\r')) ++q;
    return q == end || *q == '\n';
  }
  void skip_line() {
    const char* nl =
        static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    p = nl ? const_cast<char*>(nl) + 1 : end;
    ++line;
  }

  // Reads the next record's cells; false at the end of the input.
  bool next() {
    while (p < end && blank_line_at_p()) skip_line();
    if (p >= end) return false;
    cells.clear();
    broken = nullptr;
    record_line = line;
    while (true) {
      if (p < end && *p == '"') {
        char* w = p + 1;
        char* r = p + 1;
        char* const start = w;
        while (true) {
          char* q = static_cast<char*>(std::memchr(r, '"', static_cast<std::size_t>(end - r)));
          char* stop = q ? q : end;
          for (char* c = r; c < stop; ++c) line += *c == '\n';
          if (w != r) std::memmove(w, r, static_cast<std::size_t>(stop - r));
          w += stop - r;
          if (!q) {
            broken = "unclosed quote";
            p = end;
            return true;
          }
          if (q + 1 < end && q[1] == '"') {
            *w++ = '"';
            r = q + 2;
            continue;
          }
          p = q + 1;
          break;
        }
        cells.emplace_back(start, static_cast<std::size_t>(w - start));
        if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n') ++p;
        if (p >= end) return true;
        if (*p == ',') {
          ++p;
          continue;
        }
        if (*p == '\n') {
          ++p;
          ++line;
          return true;
        }
        broken = "text after a closing quote";
        skip_line();
        return true;
      }
      char* c = p;
      while (c < end && *c != ',' && *c != '\n') ++c;
      if (c < end && *c == ',') {
        cells.emplace_back(p, static_cast<std::size_t>(c - p));
        p = c + 1;
        continue;
      }
      char* e = c;
      if (e > p && e[-1] == '\r') --e;
      cells.emplace_back(p, static_cast<std::size_t>(e - p));
      if (c < end) ++line;
      p = c < end ? c + 1 : end;
      return true;
    }
  }
};

struct RowError {
  std::string message;
  bool set(std::uint64_t line, int field, std::string_view what, std::string_view value) {
    message = fmt::format("line {}: field '{}': {} '{}'", line,
                          kFieldNames[static_cast<std::size_t>(field)], what, value);
    return false;
  }
  bool missing(std::uint64_t line, int field) {
    message = fmt::format("line {}: field '{}' is missing", line,
                          kFieldNames[static_cast<std::size_t>(field)]);
    return false;
  }
};

// Fills `lead` from the record's cells, checking every field in schema order.
bool read_lead(const std::vector<std::string_view>& cells, const std::array<int, kFieldCount>& col,
               std::uint64_t line, Lead& l, RowError& err) {
  auto cell = [&](int f) -> std::string_view {
    int c = col[static_cast<std::size_t>(f)];
    return c >= 0 && static_cast<std::size_t>(c) < cells.size() ? cells[static_cast<std::size_t>(c)]
                                                                : std::string_view();
  };
  l = Lead{};
  l.id = cell(kId);
  if (l.id.empty()) return err.missing(line, kId);
  l.email = cell(kEmail);
  if (l.email.empty()) return err.missing(line, kEmail);
  l.job_title = cell(kJobTitle);
  l.has_title = !l.job_title.empty();
  std::string_view v;
  if (!(v = cell(kCompanySize)).empty()) {
    if (!parse_int(v, l.company_size)) return err.set(line, kCompanySize, "not an int", v);
    l.has_size = true;
  }
  if (!(v = cell(kAnnualRevenue)).empty()) {
    if (!parse_number(v, l.annual_revenue)) return err.set(line, kAnnualRevenue, "not a number", v);
    l.has_revenue = true;
  }
  if (!(v = cell(kIndustry)).empty()) {
    if ((l.industry = enum_index(v, kIndustries)) < 0)
      return err.set(line, kIndustry, "unknown member", v);
    l.has_industry = true;
  }
  l.country = cell(kCountry);
  l.has_country = !l.country.empty();
  if (!(v = cell(kSource)).empty()) {
    if ((l.source = enum_index(v, kSources)) < 0)
      return err.set(line, kSource, "unknown member", v);
    l.has_source = true;
  }
  if (!(v = cell(kVisited)).empty()) {
    if (!parse_set(v, kPages, l.visited)) return err.set(line, kVisited, "bad set", v);
    l.has_visited = true;
  }
  if (!(v = cell(kDownloaded)).empty()) {
    if (!parse_set(v, kDownloads, l.downloaded)) return err.set(line, kDownloaded, "bad set", v);
    l.has_downloaded = true;
  }
  if (!(v = cell(kEmailOpens)).empty()) {
    if (!parse_int(v, l.email_opens)) return err.set(line, kEmailOpens, "not an int", v);
    l.has_opens = true;
  }
  if (!(v = cell(kEmailClicks)).empty()) {
    if (!parse_int(v, l.email_clicks)) return err.set(line, kEmailClicks, "not an int", v);
    l.has_clicks = true;
  }
  if (!(v = cell(kWebinars)).empty()) {
    if (!parse_int(v, l.webinars)) return err.set(line, kWebinars, "not an int", v);
    l.has_webinars = true;
  }
  if (!(v = cell(kDemoRequested)).empty()) {
    if (!parse_bool(v, l.demo_requested)) return err.set(line, kDemoRequested, "not a bool", v);
    l.has_demo = true;
  }
  if (!(v = cell(kUnsubscribed)).empty()) {
    if (!parse_bool(v, l.unsubscribed)) return err.set(line, kUnsubscribed, "not a bool", v);
    l.has_unsub = true;
  }
  if (!(v = cell(kLastActivity)).empty()) {
    if (!parse_date(v, l.last_activity)) return err.set(line, kLastActivity, "not a date", v);
    l.has_last = true;
  }
  if (!(v = cell(kCreatedAt)).empty()) {
    std::int64_t unused;
    if (!parse_date(v, unused)) return err.set(line, kCreatedAt, "not a date", v);
  }
  return true;
}

void error_row(Out& out, std::string_view key, std::string_view message) {
  out.cell(key);
  out.put(",,false,,error,");
  out.cell(message);
  out.put(",,");
  out.end_row();
}

int usage() {
  std::fputs("usage: bench_handwritten -i LEADS.csv [-o OUT.csv] [--as-of YYYY-MM-DD]\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string in_path, out_path = "-", as_of_text = "2026-11-01";
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if ((a == "-i" || a == "-o" || a == "--as-of") && i + 1 < argc) {
      (a == "-i" ? in_path : a == "-o" ? out_path : as_of_text) = argv[++i];
    } else {
      return usage();
    }
  }
  if (in_path.empty()) return usage();
  std::int64_t as_of;
  if (!parse_date(as_of_text, as_of) || as_of_text.size() != 10) {
    std::fprintf(stderr, "bench_handwritten: bad --as-of date '%s'\n", as_of_text.c_str());
    return 2;
  }

  // The whole input, writable: a private mapping of the file, or stdin read into memory.
  char* data = nullptr;
  std::size_t size = 0;
  std::vector<char> stdin_buf;
  if (in_path == "-") {
    char chunk[1 << 16];
    std::size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0)
      stdin_buf.insert(stdin_buf.end(), chunk, chunk + n);
    data = stdin_buf.data();
    size = stdin_buf.size();
  } else {
    int fd = open(in_path.c_str(), O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
      std::fprintf(stderr, "bench_handwritten: cannot read '%s'\n", in_path.c_str());
      return 2;
    }
    size = static_cast<std::size_t>(st.st_size);
    if (size > 0) {
      void* m = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
      if (m == MAP_FAILED) {
        std::fprintf(stderr, "bench_handwritten: cannot map '%s'\n", in_path.c_str());
        return 2;
      }
      madvise(m, size, MADV_SEQUENTIAL);
      data = static_cast<char*>(m);
    }
    close(fd);
  }

  CsvReader csv{data, data + size};
  if (!csv.next() || csv.broken) {
    std::fprintf(stderr, "bench_handwritten: '%s' has no readable header row\n", in_path.c_str());
    return 2;
  }
  std::array<int, kFieldCount> col;
  col.fill(-1);
  for (std::size_t c = 0; c < csv.cells.size(); ++c) {
    bool known = false;
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      if (csv.cells[c] == kFieldNames[f] && col[f] < 0) {
        col[f] = static_cast<int>(c);
        known = true;
      }
    }
    if (!known)
      std::fprintf(stderr, "bench_handwritten: warning: ignoring extra column '%.*s'\n",
                   static_cast<int>(csv.cells[c].size()), csv.cells[c].data());
  }
  for (int f : {kId, kEmail}) {
    if (col[static_cast<std::size_t>(f)] < 0) {
      std::fprintf(stderr, "bench_handwritten: '%s' has no '%s' column\n", in_path.c_str(),
                   kFieldNames[static_cast<std::size_t>(f)].data());
      return 2;
    }
  }

  std::FILE* of = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!of) {
    std::fprintf(stderr, "bench_handwritten: cannot write '%s'\n", out_path.c_str());
    return 2;
  }
  Out out(of);
  out.put("id,score,qualified,tier,status,reason,fit,engagement\n");
  Lead lead;
  RowError err;
  while (csv.next()) {
    if (csv.broken) {
      const std::size_t id_col = static_cast<std::size_t>(col[kId]);
      error_row(out, id_col < csv.cells.size() ? csv.cells[id_col] : std::string_view(),
                fmt::format("line {}: {}", csv.record_line, csv.broken));
    } else if (!read_lead(csv.cells, col, csv.record_line, lead, err)) {
      error_row(out, lead.id, err.message);
    } else {
      score_lead(lead, as_of, out);
    }
  }
  bool ok = out.flush();
  ok = (of == stdout ? std::fflush(of) == 0 : std::fclose(of) == 0) && ok;
  if (!ok) {
    std::fprintf(stderr, "bench_handwritten: error writing '%s'\n", out_path.c_str());
    return 2;
  }
  return 0;
}
