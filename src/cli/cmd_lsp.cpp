// `leadscore lsp`: the language server on standard input and output. This file is only the
// transport, JSON-RPC's base protocol: `Content-Length: N` headers, a blank line, N bytes of JSON.
// Everything the messages mean is leadscore::lsp::Server's (src/lsp/).
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/lsp.hpp"

namespace leadscore::cli {

namespace {

// A message larger than this is read and dropped, answered with a parse error: an editor never
// sends one, and holding it would only risk running out of memory.
constexpr std::size_t max_message = std::size_t{64} << 20;

// One header line without its "\r\n"; false at the end of input.
bool read_line(std::string& line) {
  line.clear();
  int c;
  while ((c = std::getc(stdin)) != EOF) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    line += static_cast<char>(c);
    if (line.size() > 4096) line.erase(0, 2048);  // no header is this long: keep memory bounded
  }
  return !line.empty();
}

void send(const std::string& body) {
  std::string header = fmt::format("Content-Length: {}\r\n\r\n", body.size());
  std::fwrite(header.data(), 1, header.size(), stdout);
  std::fwrite(body.data(), 1, body.size(), stdout);
}

}  // namespace

int run_lsp() {
  lsp::Server server;
  std::string line, body;
  while (true) {
    // Headers up to a blank line; only Content-Length matters (Content-Type is always utf-8 JSON).
    std::size_t length = 0;
    bool has_length = false;
    bool any = false;
    while (read_line(line)) {
      any = true;
      if (line.empty()) break;
      constexpr std::string_view name = "content-length:";
      if (line.size() > name.size()) {
        std::string lower = line.substr(0, name.size());
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == name) {
          try {
            length = std::stoull(line.substr(name.size()));
            has_length = true;
          } catch (const std::exception&) {
            has_length = false;
          }
        }
      }
    }
    if (!any || std::feof(stdin)) break;  // the client went away without `exit`
    if (!has_length) continue;                // a header block without a length: nothing to read
    std::vector<std::string> replies;
    if (length > max_message) {
      for (std::size_t left = length; left > 0 && std::getc(stdin) != EOF; --left) {
      }
      replies = server.handle("");  // answered as what it is to us: not JSON we can read
    } else {
      body.resize(length);
      std::size_t got = std::fread(body.data(), 1, length, stdin);
      if (got < length) break;  // the input ended mid-message
      replies = server.handle(body);
    }
    for (const auto& r : replies) send(r);
    std::fflush(stdout);
    if (server.exited()) return server.exit_code();
  }
  return 1;  // the protocol's status for an end without shutdown and exit
}

}  // namespace leadscore::cli
