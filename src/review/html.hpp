// Building blocks of the review commands' HTML reports (backtest, diff): a page shell with its CSS
// inline, tables, and SVG bar and line charts drawn as inline SVG. A page built from these is one
// self-contained file: no script, no font, no URL of any kind, so a sales manager can open it
// offline and a mail filter has nothing to strip. Every function returns markup; text passed in is
// escaped here, markup passed in (`body`, `cells_html`) is not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadscore::review::html {

// `text` with & < > " ' escaped, for element content and attribute values.
std::string escape(std::string_view text);

// The palette the charts and the CSS share (series colours, in order).
inline constexpr std::string_view palette[] = {"#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096"};

struct Series {
  std::string name;
  std::vector<double> values;  // one per category (bar chart)
  std::string color;           // empty: the palette's next colour
};

// Vertical bars: one group per category, the series side by side, a legend when there are several.
struct BarChart {
  std::string id;              // the <svg> element's id (tests look charts up by it)
  std::string title;
  std::string y_label;
  std::vector<std::string> categories;
  std::vector<Series> series;
  bool percent = false;        // values are fractions, shown as percentages
  bool value_labels = false;   // print each bar's value above it (for few bars)
  // A dashed horizontal line across the chart (e.g. the base rate), drawn when the label is set.
  double reference_value = 0;
  std::string reference_label;
};
std::string bar_chart(const BarChart& chart);

struct Point {
  double x = 0, y = 0;
};
struct LineSeries {
  std::string name;
  std::vector<Point> points;
  std::string color;           // empty: the palette's next colour
  bool dashed = false;
};

// Lines over x and y ranges given by the caller (e.g. [0, 1] for a ROC curve).
struct LineChart {
  std::string id;
  std::string title;
  std::string x_label, y_label;
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  std::vector<LineSeries> series;
  bool square = false;         // equal axes (ROC)
};
std::string line_chart(const LineChart& chart);

struct Table {
  std::string id;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // text, escaped here
  std::vector<bool> numeric;                   // per column: right-aligned
  std::vector<std::string> row_class;          // optional, per row: a CSS class (e.g. "flag")
};
std::string table(const Table& t);

// A headline figure: a big value with its label underneath.
std::string figure(std::string_view label, std::string_view value);
// <section> with an <h2>; `body` is markup.
std::string section(std::string_view title, std::string_view body);
// The whole document: <!DOCTYPE html>, inline CSS, <h1>`title`</h1>, `subtitle`, then `body`.
std::string page(std::string_view title, std::string_view subtitle, std::string_view body);

}  // namespace leadscore::review::html
