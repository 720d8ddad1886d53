// The language server as a function of messages: the lifecycle, JSON-RPC errors for every kind of
// bad message, and diagnostics of unsaved documents that exist nowhere on disk (open documents
// stand in for files, the schema included).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "diagfmt/json_writer.hpp"
#include "leadscore/lsp.hpp"

using leadscore::lsp::Server;

namespace {

struct Reply {
  std::string text;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  explicit Reply(std::string t) : text(std::move(t)) { REQUIRE(parser.parse(text).get(root) == simdjson::SUCCESS); }
  std::int64_t error_code() {
    std::int64_t code = 0;
    if (root["error"]["code"].get(code) != simdjson::SUCCESS) return 0;
    return code;
  }
};

std::vector<std::string> send(Server& s, const std::string& message) { return s.handle(message); }

std::string request(int id, const std::string& method, const std::string& params = "{}") {
  return fmt::format(R"({{"jsonrpc":"2.0","id":{},"method":"{}","params":{}}})", id, method, params);
}

std::string open(const std::string& uri, const std::string& text) {
  return fmt::format(R"({{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{}","languageId":"leadscore","version":1,"text":{}}}}}}})",
                     uri, leadscore::diagfmt::json_quote(text));
}

}  // namespace

TEST_CASE("lsp lifecycle and JSON-RPC errors") {
  Server s;
  auto r = send(s, request(1, "textDocument/hover"));
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == -32002);  // not initialized
  r = send(s, "{oops");
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == -32700);
  r = send(s, "[1,2]");
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == -32600);
  r = send(s, R"({"jsonrpc":"2.0","id":[1],"method":"initialize"})");
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == -32600);
  r = send(s, R"({"jsonrpc":"2.0","method":"initialized"})");  // before initialize: ignored
  CHECK(r.empty());
  r = send(s, request(2, "initialize"));
  REQUIRE(r.size() == 1);
  Reply init(r[0]);
  CHECK(init.error_code() == 0);
  std::int64_t id = 0;
  CHECK(init.root["id"].get(id) == simdjson::SUCCESS);
  CHECK(id == 2);
  r = send(s, R"({"jsonrpc":"2.0","id":"abc","method":"initialize"})");
  REQUIRE(r.size() == 1);
  Reply again(r[0]);
  CHECK(again.error_code() == -32600);
  std::string_view sid;
  CHECK(again.root["id"].get(sid) == simdjson::SUCCESS);
  CHECK(sid == "abc");
  r = send(s, request(3, "no/such/method"));
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == -32601);
  r = send(s, R"({"jsonrpc":"2.0","method":"no/such/notification"})");
  CHECK(r.empty());
  r = send(s, request(4, "textDocument/hover", R"({"textDocument":{"uri":"file:///x.score"},"position":{"line":0,"character":0}})"));
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == -32602);  // not open
  r = send(s, request(5, "textDocument/definition", "7"));
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == -32602);
  r = send(s, request(6, "shutdown"));
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == 0);
  CHECK_FALSE(s.exited());
  r = send(s, request(7, "textDocument/hover"));
  REQUIRE(r.size() == 1);
  CHECK(Reply(r[0]).error_code() == -32600);  // after shutdown
  send(s, R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(s.exited());
  CHECK(s.exit_code() == 0);
}

TEST_CASE("lsp exit without shutdown is status 1") {
  Server s;
  send(s, R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(s.exited());
  CHECK(s.exit_code() == 1);
}

TEST_CASE("lsp diagnostics of unsaved documents, the schema an open document too") {
  Server s;
  send(s, request(1, "initialize"));
  // Nothing of this exists on disk: the open schema stands in for the file.
  const std::string dir = "file:///nonexistent-lsp-unit-test";
  auto r = send(s, open(dir + "/lead.schema", "schema lead {\n  id: string key\n  visited: set(pricing_page, blog)\n}\n"));
  REQUIRE(r.size() == 1);
  CHECK(r[0].find("\"diagnostics\": []") != std::string::npos);
  std::string model = "schema \"lead.schema\"\n# \xC3\xA9\xF0\x9F\x9A\x80\nwhen visited pricng_page add 20\n";
  r = send(s, open(dir + "/m.score", model));
  REQUIRE(r.size() == 1);
  Reply d(r[0]);
  simdjson::dom::array diags;
  REQUIRE(d.root["params"]["diagnostics"].get(diags) == simdjson::SUCCESS);
  REQUIRE(diags.size() == 1);
  std::string_view code;
  CHECK(diags.at(0)["code"].get(code) == simdjson::SUCCESS);
  CHECK(code == "E004");
  std::int64_t line = -1, character = -1;
  CHECK(diags.at(0)["range"]["start"]["line"].get(line) == simdjson::SUCCESS);
  CHECK(diags.at(0)["range"]["start"]["character"].get(character) == simdjson::SUCCESS);
  CHECK(line == 2);
  CHECK(character == 13);
  // The schema gains the member: the model, which reads it, is checked again.
  r = send(s, fmt::format(R"({{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{}/lead.schema","version":2}},"contentChanges":[{{"text":{}}}]}}}})",
                          dir, leadscore::diagfmt::json_quote("schema lead {\n  id: string key\n  visited: set(pricing_page, pricng_page)\n}\n")));
  REQUIRE(r.size() == 2);
  CHECK(r[1].find("m.score") != std::string::npos);
  CHECK(r[1].find("E004") == std::string::npos);        // the member is known now
  CHECK(r[1].find("\"severity\": 1") == std::string::npos);  // no error (warnings may remain)
}
