// record_formats.def against its readers: every format the table lists has a command-line name,
// extensions and a first byte that choose it again, a writer whose output its own reader and
// `schema infer`'s sampler read back, and exactly one fallback for standard input.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "leadscore/infer.hpp"
#include "leadscore/io.hpp"
#include "test_support.hpp"
#include "writer_support.hpp"

using namespace leadscore;

namespace {

// A schema whose fields are the writers' output columns, so that a written row reads back; `score`
// and `tier` are keywords, so those two columns are read as ignored ones.
constexpr std::string_view output_schema = R"(schema scored {
  id:        string key
  qualified: bool
  status:    string
  reason:    string
  fit:       number
}
)";

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

TEST_CASE("record formats: the table is in RecordFormat's order and each name parses back") {
  std::size_t index = 0;
  for (const RecordFormatInfo& f : record_formats()) {
    CAPTURE(f.name);
    CHECK(static_cast<std::size_t>(f.format) == index++);
    CHECK(&record_format_info(f.format) == &f);
    RecordFormat parsed{};
    REQUIRE(parse_record_format(f.name, parsed));
    CHECK(parsed == f.format);
    CHECK_FALSE(parse_record_format(upper(std::string(f.name)) + "x", parsed));
    // Exactly the name: neither a longer word nor a shorter start of it.
    CHECK_FALSE(parse_record_format(std::string(f.name) + "x", parsed));
    CHECK_FALSE(parse_record_format(f.name.substr(0, f.name.size() - 1), parsed));
  }
  CHECK(index >= 2);
}

TEST_CASE("record formats: every extension chooses its format, in any case") {
  for (const RecordFormatInfo& f : record_formats()) {
    std::string_view extensions = f.extensions;
    int count = 0;
    while (!extensions.empty()) {
      const std::size_t space = extensions.find(' ');
      const std::string ext(extensions.substr(0, space));
      extensions = space == std::string_view::npos ? std::string_view() : extensions.substr(space + 1);
      CAPTURE(ext);
      REQUIRE(ext.size() > 1);
      CHECK(ext.front() == '.');
      CHECK(ext != upper(ext));  // lower case: the match folds only the path
      RecordFormat chosen{};
      REQUIRE(format_from_path("leads" + ext, chosen));
      CHECK(chosen == f.format);
      REQUIRE(format_from_path("DIR/LEADS" + upper(ext), chosen));
      CHECK(chosen == f.format);
      CHECK_FALSE(format_from_path("leads" + ext + ".gz", chosen));
      ++count;
    }
    CHECK(count >= 1);
  }
}

TEST_CASE("record formats: standard input's first byte, with exactly one fallback") {
  int fallbacks = 0;
  RecordFormat fallback{};
  for (const RecordFormatInfo& f : record_formats()) {
    if (f.first_byte == 0) {
      ++fallbacks;
      fallback = f.format;
    }
  }
  REQUIRE(fallbacks == 1);
  CHECK(format_from_first_byte(EOF) == fallback);
  CHECK(format_from_first_byte('i') == fallback);
  for (const RecordFormatInfo& f : record_formats()) {
    if (f.first_byte != 0) CHECK(format_from_first_byte(static_cast<unsigned char>(f.first_byte)) == f.format);
  }
}

TEST_CASE("record formats: each writer's output reads back through the same format's reader and sampler") {
  const Schema schema = lstest::checked_schema(std::string(output_schema));
  OutputColumns columns;
  columns.key_name = "id";
  columns.group_names = {"fit"};
  const double groups[] = {7.5};
  ScoredRow row;
  row.key = "L1";
  row.score = 20.5;
  row.qualified = true;
  row.tier = "warm";
  row.groups = groups;

  for (const RecordFormatInfo& f : record_formats()) {
    CAPTURE(f.name);
    std::string text = lstest::write_all(f.format, columns, {row});
    REQUIRE_FALSE(text.empty());
    if (f.first_byte != 0) CHECK(text.front() == f.first_byte);

    std::FILE* in = fmemopen(text.data(), text.size(), "r");
    REQUIRE(in != nullptr);
    ReaderOpenResult opened = open_record_reader(in, "scored", f.format, schema);
    REQUIRE(opened.error == "");
    REQUIRE(opened.reader != nullptr);
    for (const std::string& column : opened.ignored_columns) CHECK((column == "score" || column == "tier"));
    Record rec;
    REQUIRE(opened.reader->next(rec));
    CHECK(rec.error == "");
    CHECK(rec.key == "L1");
    CHECK(rec.values[1].b);
    CHECK(rec.values[2].str == "ok");
    CHECK_FALSE(rec.values[3].present);
    CHECK(rec.values[4].num == 7.5);
    CHECK_FALSE(opened.reader->next(rec));
    std::fclose(in);

    in = fmemopen(text.data(), text.size(), "r");
    REQUIRE(in != nullptr);
    InferOptions options;
    options.source_name = "scored";
    InferResult inferred = infer_schema(in, f.format, options);
    std::fclose(in);
    REQUIRE(inferred.error == "");
    REQUIRE(inferred.schema.has_value());
    REQUIRE(inferred.schema->fields.size() == 7);
    CHECK(inferred.schema->fields[0].name == "id");
    CHECK(inferred.schema->fields[6].name == "fit");
    CHECK(inferred.schema->fields[6].type == InferredType::Number);
    CHECK(inferred.schema->rows == 1);
  }
}
