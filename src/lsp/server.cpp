// The protocol: JSON-RPC 2.0 messages, the server's lifecycle (initialize, shutdown, exit),
// document sync and dispatch to the features. Every message gets exactly what the protocol asks
// for: a request one response (a result or an error), a notification none; nothing a client sends
// makes the server throw or stop, except `exit`.
#include "leadscore/lsp.hpp"

#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <simdjson.h>

#include "leadscore/version.hpp"
#include "lsp/features.hpp"

namespace leadscore::lsp {

namespace {

namespace error {
constexpr int parse = -32700, invalid_request = -32600, method_not_found = -32601,
              invalid_params = -32602, internal = -32603, not_initialized = -32002;
}

using simdjson::dom::element;

// A request's id: a number or a string, as the client sent it.
struct Id {
  enum Kind { Null, Number, String } kind = Null;
  std::int64_t number = 0;
  std::string text;
};

void write_id(JsonWriter& w, const Id& id) {
  switch (id.kind) {
    case Id::Null: w.null(); break;
    case Id::Number: w.number(id.number); break;
    case Id::String: w.string(id.text); break;
  }
}

std::string error_response(const Id& id, int code, std::string_view message) {
  JsonWriter w;
  w.begin_object(true).key("jsonrpc").string("2.0").key("id");
  write_id(w, id);
  w.key("error").begin_object().key("code").number(code).key("message").string(message).end_object();
  w.end_object();
  return w.text();
}

// A bad parameter: the request gets an InvalidParams error.
struct BadParams {
  std::string what;
};

element member(element obj, std::string_view key) {
  element out;
  simdjson::dom::object o;
  if (obj.get(o) != simdjson::SUCCESS || o.at_key(key).get(out) != simdjson::SUCCESS) {
    throw BadParams{fmt::format("missing '{}'", key)};
  }
  return out;
}

std::optional<element> optional_member(element obj, std::string_view key) {
  element out;
  simdjson::dom::object o;
  if (obj.get(o) != simdjson::SUCCESS || o.at_key(key).get(out) != simdjson::SUCCESS) return std::nullopt;
  return out;
}

std::string string_of(element e, std::string_view what) {
  std::string_view s;
  if (e.get(s) != simdjson::SUCCESS) throw BadParams{fmt::format("'{}' is not a string", what)};
  return std::string(s);
}

// A uinteger; anything out of range is clamped (positions past the text are clamped later).
std::uint32_t uint_of(element e, std::string_view what) {
  std::int64_t i;
  std::uint64_t u;
  double d;
  if (e.get(i) == simdjson::SUCCESS) return i < 0 ? 0 : static_cast<std::uint32_t>(std::min<std::int64_t>(i, UINT32_MAX));
  if (e.get(u) == simdjson::SUCCESS) return UINT32_MAX;
  if (e.get(d) == simdjson::SUCCESS && d == d) {
    return d <= 0 ? 0 : d >= UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(d);
  }
  throw BadParams{fmt::format("'{}' is not a number", what)};
}

Position position_of(element e) {
  return Position{uint_of(member(e, "line"), "line"), uint_of(member(e, "character"), "character")};
}

}  // namespace

struct Server::Impl {
  simdjson::dom::parser parser;
  // What a message without params reads: an empty object, parsed once by its own parser.
  simdjson::dom::parser empty_parser;
  element no_params;

  Impl() {
    if (empty_parser.parse("{}", 2, true).get(no_params) != simdjson::SUCCESS) throw std::runtime_error("simdjson");
  }
  bool initialized = false;
  bool shutting_down = false;
  bool exited = false;
  Documents docs;
  std::vector<std::string> out;  // messages of the current call

  void handle(std::string_view message);
  void request(const Id& id, const std::string& method, element params);
  void notification(const std::string& method, element params);

  Document& document(element params) {
    std::string uri = string_of(member(member(params, "textDocument"), "uri"), "uri");
    auto it = docs.find(uri);
    if (it == docs.end()) throw BadParams{fmt::format("document '{}' is not open", uri)};
    return *it->second;
  }
  std::uint32_t offset_in(const Document& doc, element params) {
    return doc.index->offset(position_of(member(params, "position")));
  }

  void analyse(Document& doc) {
    std::map<std::string, std::string> open;
    for (const auto& [uri, d] : docs) open.emplace(d->path, d->text);
    doc.analysis = lsp::analyse(doc.path, open);
    publish(doc);
  }
  void publish(const Document& doc) {
    JsonWriter w;
    w.begin_object(true).key("jsonrpc").string("2.0").key("method").string("textDocument/publishDiagnostics");
    w.key("params");
    write_diagnostics(w, doc);
    w.end_object();
    out.push_back(w.text());
  }
  void publish_empty(const std::string& uri) {
    JsonWriter w;
    w.begin_object(true).key("jsonrpc").string("2.0").key("method").string("textDocument/publishDiagnostics");
    w.key("params").begin_object().key("uri").string(uri).key("diagnostics").begin_array().end_array().end_object();
    w.end_object();
    out.push_back(w.text());
  }
  // `changed` is the path of a document that changed (or closed): every other open document that
  // read it is checked again.
  void recheck_dependents(const std::string& changed, const Document* except) {
    for (auto& [uri, d] : docs) {
      if (d.get() != except && d->analysis.dependencies.count(changed)) analyse(*d);
    }
  }

  void did_open(element params);
  void did_change(element params);
  void initialize_result(JsonWriter& w);
};

void Server::Impl::initialize_result(JsonWriter& w) {
  w.begin_object();
  w.key("capabilities").begin_object();
  w.key("positionEncoding").string("utf-16");
  w.key("textDocumentSync").begin_object().key("openClose").boolean(true).key("change").number(1);
  w.key("save").begin_object().key("includeText").boolean(true).end_object().end_object();
  w.key("hoverProvider").boolean(true);
  w.key("completionProvider").begin_object().key("triggerCharacters").begin_array(true);
  for (auto c : {" ", "\"", "/", "[", ","}) w.string(c);
  w.end_array().end_object();
  w.key("definitionProvider").boolean(true);
  w.key("referencesProvider").boolean(true);
  w.key("documentSymbolProvider").boolean(true);
  w.key("documentFormattingProvider").boolean(true);
  w.key("codeActionProvider").begin_object().key("codeActionKinds").begin_array(true).string("quickfix").end_array().end_object();
  w.key("codeLensProvider").begin_object().key("resolveProvider").boolean(false).end_object();
  w.end_object();
  w.key("serverInfo").begin_object().key("name").string("leadscore").key("version").string(tool_version).end_object();
  w.end_object();
}

void Server::Impl::did_open(element params) {
  element item = member(params, "textDocument");
  std::string uri = string_of(member(item, "uri"), "uri");
  auto path = uri_to_path(uri);
  if (!path) return;  // not a file: nothing to check it against
  auto doc = std::make_unique<Document>();
  doc->uri = uri;
  doc->path = std::filesystem::path(*path).lexically_normal().string();
  doc->set_text(string_of(member(item, "text"), "text"));
  if (auto v = optional_member(item, "version")) doc->version = uint_of(*v, "version");
  Document& d = *doc;
  docs[uri] = std::move(doc);
  analyse(d);
  recheck_dependents(d.path, &d);
}

void Server::Impl::did_change(element params) {
  Document& doc = document(params);
  if (auto v = optional_member(member(params, "textDocument"), "version")) doc.version = uint_of(*v, "version");
  simdjson::dom::array changes;
  if (member(params, "contentChanges").get(changes) != simdjson::SUCCESS) throw BadParams{"contentChanges"};
  for (element change : changes) {
    std::string text = string_of(member(change, "text"), "text");
    if (auto range = optional_member(change, "range")) {
      // An incremental change, though the server asks for full text: applied all the same.
      std::uint32_t begin = doc.index->offset(position_of(member(*range, "start")));
      std::uint32_t end = doc.index->offset(position_of(member(*range, "end")));
      if (end < begin) std::swap(begin, end);
      std::string t = doc.text;
      t.replace(begin, end - begin, text);
      doc.set_text(std::move(t));
    } else {
      doc.set_text(std::move(text));
    }
  }
  analyse(doc);
  recheck_dependents(doc.path, &doc);
}

void Server::Impl::notification(const std::string& method, element params) {
  if (method == "exit") {
    exited = true;
    return;
  }
  if (!initialized || shutting_down) return;
  if (method == "textDocument/didOpen") {
    did_open(params);
  } else if (method == "textDocument/didChange") {
    did_change(params);
  } else if (method == "textDocument/didSave") {
    Document& doc = document(params);
    if (auto text = optional_member(params, "text")) doc.set_text(string_of(*text, "text"));
    analyse(doc);
    recheck_dependents(doc.path, &doc);
  } else if (method == "textDocument/didClose") {
    std::string uri = string_of(member(member(params, "textDocument"), "uri"), "uri");
    auto it = docs.find(uri);
    if (it == docs.end()) return;
    std::string path = it->second->path;
    docs.erase(it);
    publish_empty(uri);
    recheck_dependents(path, nullptr);  // they read the file on disk again
  } else if (method == "workspace/didChangeWatchedFiles") {
    // A schema or module changed on disk (a client that watches files says so): check again.
    for (auto& [uri, d] : docs) analyse(*d);
  }
  // Anything else (initialized, $/cancelRequest, workspace/didChangeConfiguration, ...) needs no
  // answer and changes nothing here.
}

void Server::Impl::request(const Id& id, const std::string& method, element params) {
  if (method == "initialize") {
    if (initialized) {
      out.push_back(error_response(id, error::invalid_request, "initialize was already received"));
      return;
    }
    initialized = true;
  } else if (!initialized) {
    out.push_back(error_response(id, error::not_initialized, "the server is not initialized"));
    return;
  } else if (shutting_down) {
    out.push_back(error_response(id, error::invalid_request, "the server is shutting down"));
    return;
  }
  JsonWriter w;
  w.begin_object(true).key("jsonrpc").string("2.0").key("id");
  write_id(w, id);
  w.key("result");
  if (method == "initialize") {
    initialize_result(w);
  } else if (method == "shutdown") {
    shutting_down = true;
    w.null();
  } else if (method == "textDocument/hover") {
    Document& doc = document(params);
    hover(w, doc, offset_in(doc, params));
  } else if (method == "textDocument/completion") {
    Document& doc = document(params);
    completion(w, doc, offset_in(doc, params));
  } else if (method == "textDocument/definition") {
    Document& doc = document(params);
    definition(w, doc, offset_in(doc, params));
  } else if (method == "textDocument/references") {
    Document& doc = document(params);
    bool declaration = false;
    if (auto context = optional_member(params, "context")) {
      if (auto inc = optional_member(*context, "includeDeclaration")) declaration = inc->get(declaration) == simdjson::SUCCESS && declaration;
    }
    references(w, docs, doc, offset_in(doc, params), declaration);
  } else if (method == "textDocument/documentSymbol") {
    document_symbols(w, document(params));
  } else if (method == "textDocument/formatting") {
    formatting(w, document(params));
  } else if (method == "textDocument/codeAction") {
    Document& doc = document(params);
    element range = member(params, "range");
    std::uint32_t begin = doc.index->offset(position_of(member(range, "start")));
    std::uint32_t end = doc.index->offset(position_of(member(range, "end")));
    code_actions(w, doc, std::min(begin, end), std::max(begin, end));
  } else if (method == "textDocument/codeLens") {
    Document& doc = document(params);
    run_tests(doc.analysis);
    code_lenses(w, doc);
  } else {
    out.push_back(error_response(id, error::method_not_found, fmt::format("unknown method '{}'", method)));
    return;
  }
  w.end_object();
  out.push_back(w.text());
}

void Server::Impl::handle(std::string_view message) {
  element root;
  if (parser.parse(message.data(), message.size(), true).get(root) != simdjson::SUCCESS) {
    out.push_back(error_response(Id{}, error::parse, "the message is not valid JSON"));
    return;
  }
  simdjson::dom::object obj;
  if (root.get(obj) != simdjson::SUCCESS) {
    out.push_back(error_response(Id{}, error::invalid_request, "a message is a JSON object"));
    return;
  }
  Id id;
  element id_value;
  bool has_id = obj.at_key("id").get(id_value) == simdjson::SUCCESS;
  if (has_id) {
    std::int64_t n;
    std::string_view s;
    if (id_value.get(n) == simdjson::SUCCESS) {
      id = Id{Id::Number, n, {}};
    } else if (id_value.get(s) == simdjson::SUCCESS) {
      id = Id{Id::String, 0, std::string(s)};
    } else if (!id_value.is_null()) {
      out.push_back(error_response(Id{}, error::invalid_request, "an id is a number or a string"));
      return;
    }
  }
  element method_value;
  std::string_view method;
  if (obj.at_key("method").get(method_value) != simdjson::SUCCESS) {
    // A response to a request of ours (we send none) or nonsense: nothing to answer.
    if (has_id && obj.at_key("result").error() && obj.at_key("error").error()) {
      out.push_back(error_response(id, error::invalid_request, "a request needs a method"));
    }
    return;
  }
  if (method_value.get(method) != simdjson::SUCCESS) {
    if (has_id) out.push_back(error_response(id, error::invalid_request, "the method is not a string"));
    return;
  }
  element params;
  if (obj.at_key("params").get(params) != simdjson::SUCCESS) params = no_params;
  std::string name(method);
  try {
    if (has_id) {
      request(id, name, params);
    } else {
      notification(name, params);
    }
  } catch (const BadParams& e) {
    if (has_id) out.push_back(error_response(id, error::invalid_params, e.what));
  } catch (const std::exception& e) {
    if (has_id) out.push_back(error_response(id, error::internal, fmt::format("internal error: {}", e.what())));
  }
}

Server::Server() : impl_(std::make_unique<Impl>()) {}
Server::~Server() = default;

std::vector<std::string> Server::handle(std::string_view message) {
  impl_->out.clear();
  try {
    impl_->handle(message);
  } catch (const std::exception& e) {
    impl_->out.push_back(error_response(Id{}, error::internal, fmt::format("internal error: {}", e.what())));
  }
  return std::move(impl_->out);
}

bool Server::exited() const { return impl_->exited; }
int Server::exit_code() const { return impl_->shutting_down ? 0 : 1; }

}  // namespace leadscore::lsp
