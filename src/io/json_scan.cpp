#include "io/json_scan.hpp"

#include <cstdint>

#include "common/utf8.hpp"

namespace leadscore::io {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits after "\u" at s[p..p+4), or -1.
long hex4(std::string_view s, std::size_t p) {
  if (p + 4 > s.size()) return -1;
  long v = 0;
  for (std::size_t i = p; i < p + 4; ++i) {
    const int h = hex_value(s[i]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

void append_code_point(std::string& out, std::uint32_t cp) {
  if (cp < 0x10000) {
    append_utf8(out, cp);
    return;
  }
  out += static_cast<char>(0xF0 | (cp >> 18));
  out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  std::size_t error_at = npos;
  std::string_view error;

  std::size_t skip_space(std::size_t p) const {
    while (p < s_.size() && is_space(s_[p])) ++p;
    return p;
  }

  std::size_t fail(std::size_t p, std::string_view what) {
    if (error_at == npos) {
      error_at = p;
      error = what;
    }
    return npos;
  }

  // A string literal at s_[p] == '"'. Returns the offset after its closing quote.
  std::size_t string(std::size_t p, bool& utf8_ok) {
    const std::size_t open = p++;
    while (p < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[p]);
      if (c == '"') return p + 1;
      if (c == '\\') {
        if (p + 1 >= s_.size()) break;
        const char e = s_[p + 1];
        if (e == 'u') {
          const long cp = hex4(s_, p + 2);
          if (cp < 0) return fail(p, "a \\u escape needs four hex digits");
          p += 6;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(p - 6, "a \\u escape is a lone surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            const long low = p + 1 < s_.size() && s_[p] == '\\' && s_[p + 1] == 'u' ? hex4(s_, p + 2)
                                                                                    : -1;
            if (low < 0xDC00 || low > 0xDFFF)
              return fail(p - 6, "a \\u escape is a lone surrogate");
            p += 6;
          }
          continue;
        }
        if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' &&
            e != 't')
          return fail(p, "an unknown escape in a string");
        p += 2;
        continue;
      }
      if (c < 0x20) return fail(p, "a control character in a string (it must be escaped)");
      if (c < 0x80) {
        ++p;
        continue;
      }
      const std::size_t n = utf8_sequence_length(s_, p);
      if (n == 0) {
        utf8_ok = false;
        ++p;
      } else {
        p += n;
      }
    }
    return fail(open, "a string is not closed");
  }

  std::size_t number(std::size_t p) {
    const std::size_t start = p;
    if (p < s_.size() && s_[p] == '-') ++p;
    if (p < s_.size() && s_[p] == '0') {
      ++p;
    } else if (p < s_.size() && is_digit(s_[p])) {
      while (p < s_.size() && is_digit(s_[p])) ++p;
    } else {
      return fail(start, "a malformed number");
    }
    if (p < s_.size() && s_[p] == '.') {
      ++p;
      if (p >= s_.size() || !is_digit(s_[p])) return fail(start, "a malformed number");
      while (p < s_.size() && is_digit(s_[p])) ++p;
    }
    if (p < s_.size() && (s_[p] == 'e' || s_[p] == 'E')) {
      ++p;
      if (p < s_.size() && (s_[p] == '+' || s_[p] == '-')) ++p;
      if (p >= s_.size() || !is_digit(s_[p])) return fail(start, "a malformed number");
      while (p < s_.size() && is_digit(s_[p])) ++p;
    }
    // "01" or "1x": the token must end at a delimiter.
    if (p < s_.size() && (is_digit(s_[p]) || s_[p] == '.' || (s_[p] >= 'A' && s_[p] <= 'Z') ||
                          (s_[p] >= 'a' && s_[p] <= 'z')))
      return fail(start, "a malformed number");
    return p;
  }

  // One value at p (no leading space), nested containers included, without recursion.
  std::size_t value(std::size_t p, bool& utf8_ok, bool& strings_only) {
    stack_.clear();
    enum class Want { Value, Key, After } want = Want::Value;
    for (;;) {
      if (want == Want::Value) {
        p = skip_space(p);
        if (p >= s_.size()) return fail(p, "expected a value");
        const char c = s_[p];
        const bool element = stack_.size() == 1 && stack_[0] == '[';
        if (element && c != '"') strings_only = false;
        if (c == '{' || c == '[') {
          stack_.push_back(c);
          p = skip_space(p + 1);
          if (p < s_.size() && s_[p] == (c == '{' ? '}' : ']')) {
            stack_.pop_back();
            ++p;
            want = Want::After;
          } else {
            want = c == '{' ? Want::Key : Want::Value;
          }
          continue;
        }
        if (c == '"') {
          p = string(p, utf8_ok);
        } else if (c == '-' || is_digit(c)) {
          p = number(p);
        } else if (s_.substr(p, 4) == "true" || s_.substr(p, 4) == "null") {
          p += 4;
        } else if (s_.substr(p, 5) == "false") {
          p += 5;
        } else {
          return fail(p, "expected a value");
        }
        if (p == npos) return npos;
        want = Want::After;
        continue;
      }
      if (want == Want::Key) {
        p = skip_space(p);
        if (p >= s_.size() || s_[p] != '"') return fail(p, "expected a key in double quotes");
        p = string(p, utf8_ok);
        if (p == npos) return npos;
        p = skip_space(p);
        if (p >= s_.size() || s_[p] != ':') return fail(p, "expected ':' after the key");
        ++p;
        want = Want::Value;
        continue;
      }
      // After a value: the end of a container, or its next element.
      if (stack_.empty()) return p;
      p = skip_space(p);
      const char close = stack_.back() == '{' ? '}' : ']';
      if (p < s_.size() && s_[p] == ',') {
        ++p;
        want = stack_.back() == '{' ? Want::Key : Want::Value;
        continue;
      }
      if (p < s_.size() && s_[p] == close) {
        stack_.pop_back();
        ++p;
        continue;
      }
      return fail(p, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
  }

 private:
  std::string_view s_;
  std::vector<char> stack_;
};

JsonKind kind_of(char c) {
  switch (c) {
    case '"':
      return JsonKind::String;
    case '{':
      return JsonKind::Object;
    case '[':
      return JsonKind::Array;
    case 't':
    case 'f':
    case 'n':
      return JsonKind::Literal;
    default:
      return JsonKind::Number;
  }
}

}  // namespace

void scan_json_line(std::string_view line, JsonScan& out) {
  out.members.clear();
  out.object = false;
  out.error_at = npos;
  out.error = {};
  Scanner sc(line);
  std::size_t p = sc.skip_space(0);
  if (p < line.size() && line[p] == '{') {
    out.object = true;
    p = sc.skip_space(p + 1);
    if (p < line.size() && line[p] == '}') {
      ++p;
    } else {
      for (;;) {
        p = sc.skip_space(p);
        if (p >= line.size() || line[p] != '"') {
          p = sc.fail(p, "expected a key in double quotes");
          break;
        }
        JsonMember m;
        const std::size_t key_at = p;
        bool key_utf8 = true;
        p = sc.string(p, key_utf8);
        if (p == npos) break;
        m.key = line.substr(key_at, p - key_at);
        p = sc.skip_space(p);
        if (p >= line.size() || line[p] != ':') {
          p = sc.fail(p, "expected ':' after the key");
          break;
        }
        p = sc.skip_space(p + 1);
        const std::size_t value_at = p;
        p = sc.value(p, m.utf8_ok, m.strings_only);
        if (p == npos) break;
        m.value = line.substr(value_at, p - value_at);
        m.kind = kind_of(line[value_at]);
        if (m.kind != JsonKind::Array) m.strings_only = m.kind == JsonKind::String;
        out.members.push_back(m);
        p = sc.skip_space(p);
        if (p < line.size() && line[p] == ',') {
          ++p;
          continue;
        }
        if (p < line.size() && line[p] == '}') {
          ++p;
          break;
        }
        p = sc.fail(p, "expected ',' or '}'");
        break;
      }
    }
  } else {
    bool utf8_ok = true, strings_only = true;
    p = sc.value(p, utf8_ok, strings_only);
  }
  if (p != npos) {
    p = sc.skip_space(p);
    if (p < line.size()) sc.fail(p, "text after the end of the JSON value");
  }
  out.error_at = sc.error_at;
  out.error = sc.error;
}

std::size_t scan_json_value(std::string_view line, std::size_t pos) {
  Scanner sc(line);
  bool utf8_ok = true, strings_only = true;
  return sc.value(pos, utf8_ok, strings_only);
}

bool decode_json_string(std::string_view literal, std::string& out) {
  out.clear();
  if (literal.size() < 2) return false;
  const std::string_view s = literal.substr(1, literal.size() - 2);
  for (std::size_t p = 0; p < s.size();) {
    if (s[p] != '\\') {
      out += s[p++];
      continue;
    }
    if (p + 1 >= s.size()) return false;
    const char e = s[p + 1];
    p += 2;
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        long cp = hex4(s, p);
        if (cp < 0) return false;
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          const long low = p + 1 < s.size() && s[p] == '\\' && s[p + 1] == 'u' ? hex4(s, p + 2) : -1;
          if (low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          p += 6;
        }
        append_code_point(out, static_cast<std::uint32_t>(cp));
        break;
      }
      default:
        out += e;  // " \ /
    }
  }
  return is_valid_utf8(out);
}

std::size_t json_column(std::string_view line, std::size_t offset) {
  std::size_t col = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

}  // namespace leadscore::io
