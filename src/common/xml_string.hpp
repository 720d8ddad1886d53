// XML 1.0 text, for every XML the project writes (the junit reports of `check` and `test`): one
// escaping, and output that stays well-formed and valid UTF-8 whatever the input holds.
#pragma once

#include <string>
#include <string_view>

namespace leadscore {

// Appends `text` as XML character data (between tags): `&`, `<` and `>` become entity references,
// a carriage return `&#13;` (a parser would turn a literal one into a line feed); quotes, tab and
// line feed stay as they are. Characters XML 1.0 forbids (the C0 controls but tab, line feed
// and carriage return; U+FFFE and U+FFFF) and bytes that are not UTF-8 become U+FFFD, so the
// document still parses and shows where something was. Other UTF-8 is kept as it is.
void append_xml_text(std::string& out, std::string_view text);

// The same for an attribute value (written between double quotes), where `"` and `'` become
// `&quot;` and `&apos;`, and tab, line feed and carriage return character references: a parser
// replaces a literal one with a space.
void append_xml_attribute_value(std::string& out, std::string_view text);

// ` name="value"`, the value escaped as above: what writers of elements append after `<tag`.
void append_xml_attribute(std::string& out, std::string_view name, std::string_view value);

}  // namespace leadscore
