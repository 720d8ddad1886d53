#include "review/html.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace leadscore::review::html {
namespace {

// Chart geometry, in SVG user units (the SVG scales to its container through its viewBox).
constexpr double wide_w = 720, wide_h = 320;
constexpr double square_side = 420;
constexpr double margin_left = 60, margin_right = 16, margin_top = 40, margin_bottom = 64;

std::string color_at(const std::string& given, std::size_t i) {
  return given.empty() ? std::string(palette[i % std::size(palette)]) : given;
}

// A step of 1, 2, 2.5 or 5 times a power of ten giving about `ticks` gridlines up to `max`.
double nice_step(double max, int ticks) {
  if (!(max > 0)) return 1;
  const double raw = max / ticks;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

std::string tick_text(double v, bool percent) {
  if (percent) return fmt::format("{}%", std::round(v * 1000) / 10);
  if (std::fabs(v) >= 1e6) return fmt::format("{}M", v / 1e6);
  if (std::fabs(v) >= 1e4) return fmt::format("{}k", v / 1e3);
  return fmt::format("{}", std::round(v * 100) / 100);
}

void open_svg(std::string& out, const std::string& id, double w, double h, std::string_view title) {
  fmt::format_to(std::back_inserter(out),
                 "<svg id=\"{}\" class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
                 "role=\"img\" aria-label=\"{}\">\n",
                 escape(id), w, h, w, h, escape(title));
  fmt::format_to(std::back_inserter(out), "<title>{}</title>\n", escape(title));
  fmt::format_to(std::back_inserter(out), "<text class=\"chart-title\" x=\"{}\" y=\"22\">{}</text>\n",
                 margin_left, escape(title));
}

void legend(std::string& out, const std::vector<std::string>& names, const std::vector<std::string>& colors,
            double right_x) {
  if (names.size() < 2) return;
  double x = right_x;
  // Laid out right to left from the chart's right edge, about 7 units per character.
  for (std::size_t i = names.size(); i-- > 0;) {
    const double w = 18 + 7.0 * static_cast<double>(names[i].size());
    x -= w + 12;
    fmt::format_to(std::back_inserter(out),
                   "<g class=\"legend\"><rect x=\"{}\" y=\"12\" width=\"12\" height=\"12\" fill=\"{}\"/>"
                   "<text x=\"{}\" y=\"22\">{}</text></g>\n",
                   x, colors[i], x + 16, escape(names[i]));
  }
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string bar_chart(const BarChart& c) {
  std::string out;
  const double w = wide_w, h = wide_h;
  const double plot_w = w - margin_left - margin_right, plot_h = h - margin_top - margin_bottom;
  double max = 0;
  for (const Series& s : c.series)
    for (const double v : s.values)
      if (std::isfinite(v)) max = std::max(max, v);
  if (!c.reference_label.empty() && std::isfinite(c.reference_value)) max = std::max(max, c.reference_value);
  const double step = nice_step(max, 5);
  const double top = max > 0 ? std::ceil(max / step) * step : 1;
  open_svg(out, c.id, w, h, c.title);

  // Gridlines and the y axis's figures.
  for (double v = 0; v <= top + step / 2; v += step) {
    const double y = margin_top + plot_h - v / top * plot_h;
    fmt::format_to(std::back_inserter(out),
                   "<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>"
                   "<text class=\"tick\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                   margin_left, y, w - margin_right, y, margin_left - 6, y + 4, tick_text(v, c.percent));
  }
  if (!c.y_label.empty())
    fmt::format_to(std::back_inserter(out),
                   "<text class=\"axis-label\" transform=\"translate(14 {:.1f}) rotate(-90)\" "
                   "text-anchor=\"middle\">{}</text>\n",
                   margin_top + plot_h / 2, escape(c.y_label));

  const std::size_t n = std::max<std::size_t>(c.categories.size(), 1);
  const std::size_t k = std::max<std::size_t>(c.series.size(), 1);
  const double group_w = plot_w / static_cast<double>(n);
  const double bar_w = group_w * 0.8 / static_cast<double>(k);
  const bool slanted = c.categories.size() > 10;
  std::vector<std::string> colors, names;
  for (std::size_t s = 0; s < c.series.size(); ++s) {
    colors.push_back(color_at(c.series[s].color, s));
    names.push_back(c.series[s].name);
  }
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    const double gx = margin_left + group_w * static_cast<double>(i);
    out += "<g class=\"bar-group\">";
    for (std::size_t s = 0; s < c.series.size(); ++s) {
      const double v = i < c.series[s].values.size() && std::isfinite(c.series[s].values[i]) ? c.series[s].values[i] : 0;
      const double bh = v / top * plot_h;
      const double x = gx + group_w * 0.1 + bar_w * static_cast<double>(s);
      const double y = margin_top + plot_h - bh;
      fmt::format_to(std::back_inserter(out),
                     "<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
                     "<title>{}: {}</title></rect>",
                     x, y, bar_w, std::max(bh, 0.0), colors[s],
                     escape(c.series.size() > 1 ? c.categories[i] + ", " + c.series[s].name : c.categories[i]),
                     c.percent ? fmt::format("{:.2f}%", v * 100) : fmt::format("{}", v));
      if (c.value_labels)
        fmt::format_to(std::back_inserter(out),
                       "<text class=\"value\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                       x + bar_w / 2, y - 4, c.percent ? fmt::format("{:.1f}%", v * 100) : tick_text(v, false));
    }
    const double lx = gx + group_w / 2, ly = margin_top + plot_h + 16;
    if (slanted)
      fmt::format_to(std::back_inserter(out),
                     "<text class=\"tick\" transform=\"translate({:.1f} {:.1f}) rotate(-40)\" text-anchor=\"end\">{}</text>",
                     lx, ly, escape(c.categories[i]));
    else
      fmt::format_to(std::back_inserter(out), "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                     lx, ly, escape(c.categories[i]));
    out += "</g>\n";
  }
  fmt::format_to(std::back_inserter(out), "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                 margin_left, margin_top + plot_h, w - margin_right, margin_top + plot_h);
  if (!c.reference_label.empty() && std::isfinite(c.reference_value)) {
    const double y = margin_top + plot_h - c.reference_value / top * plot_h;
    fmt::format_to(std::back_inserter(out),
                   "<line class=\"reference\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\" "
                   "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
                   "<text class=\"value\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                   margin_left, y, w - margin_right, y, palette[3], w - margin_right, y - 4,
                   escape(c.reference_label));
  }
  legend(out, names, colors, w - margin_right);
  out += "</svg>\n";
  return out;
}

std::string line_chart(const LineChart& c) {
  std::string out;
  const double w = c.square ? square_side + margin_left + margin_right : wide_w;
  const double h = c.square ? square_side + margin_top + margin_bottom : wide_h;
  const double plot_w = w - margin_left - margin_right, plot_h = h - margin_top - margin_bottom;
  const double xspan = c.x_max > c.x_min ? c.x_max - c.x_min : 1;
  const double yspan = c.y_max > c.y_min ? c.y_max - c.y_min : 1;
  auto px = [&](double x) { return margin_left + (x - c.x_min) / xspan * plot_w; };
  auto py = [&](double y) { return margin_top + plot_h - (y - c.y_min) / yspan * plot_h; };
  open_svg(out, c.id, w, h, c.title);
  for (int t = 0; t <= 5; ++t) {
    const double xv = c.x_min + xspan * t / 5, yv = c.y_min + yspan * t / 5;
    fmt::format_to(std::back_inserter(out),
                   "<line class=\"grid\" x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\"/>"
                   "<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>"
                   "<text class=\"tick\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>"
                   "<text class=\"tick\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                   px(xv), margin_top, px(xv), margin_top + plot_h, margin_left, py(yv), margin_left + plot_w,
                   py(yv), px(xv), margin_top + plot_h + 16, tick_text(xv, false), margin_left - 6, py(yv) + 4,
                   tick_text(yv, false));
  }
  fmt::format_to(std::back_inserter(out),
                 "<text class=\"axis-label\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n"
                 "<text class=\"axis-label\" transform=\"translate(14 {:.1f}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
                 margin_left + plot_w / 2, h - 24, escape(c.x_label), margin_top + plot_h / 2, escape(c.y_label));
  std::vector<std::string> colors, names;
  for (std::size_t s = 0; s < c.series.size(); ++s) {
    const LineSeries& series = c.series[s];
    colors.push_back(color_at(series.color, s));
    names.push_back(series.name);
    fmt::format_to(std::back_inserter(out), "<polyline class=\"line\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{} points=\"",
                   colors.back(), series.dashed ? " stroke-dasharray=\"5 4\"" : "");
    for (std::size_t i = 0; i < series.points.size(); ++i)
      fmt::format_to(std::back_inserter(out), "{}{:.1f},{:.1f}", i ? " " : "", px(series.points[i].x), py(series.points[i].y));
    fmt::format_to(std::back_inserter(out), "\"><title>{}</title></polyline>\n", escape(series.name));
  }
  fmt::format_to(std::back_inserter(out),
                 "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\"/>\n",
                 margin_left, margin_top, plot_w, plot_h);
  legend(out, names, colors, w - margin_right);
  out += "</svg>\n";
  return out;
}

std::string table(const Table& t) {
  std::string out;
  fmt::format_to(std::back_inserter(out), "<table{}>\n<thead><tr>",
                 t.id.empty() ? std::string() : fmt::format(" id=\"{}\"", escape(t.id)));
  auto numeric = [&t](std::size_t c) { return c < t.numeric.size() && t.numeric[c]; };
  for (std::size_t c = 0; c < t.header.size(); ++c)
    fmt::format_to(std::back_inserter(out), "<th{}>{}</th>", numeric(c) ? " class=\"num\"" : "", escape(t.header[c]));
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool classed = r < t.row_class.size() && !t.row_class[r].empty();
    fmt::format_to(std::back_inserter(out), "<tr{}>",
                   classed ? fmt::format(" class=\"{}\"", escape(t.row_class[r])) : std::string());
    for (std::size_t c = 0; c < t.rows[r].size(); ++c)
      fmt::format_to(std::back_inserter(out), "<td{}>{}</td>", numeric(c) ? " class=\"num\"" : "", escape(t.rows[r][c]));
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string figure(std::string_view label, std::string_view value) {
  return fmt::format("<div class=\"figure\"><div class=\"value\">{}</div><div class=\"label\">{}</div></div>\n",
                     escape(value), escape(label));
}

std::string section(std::string_view title, std::string_view body) {
  return fmt::format("<section>\n<h2>{}</h2>\n{}</section>\n", escape(title), body);
}

std::string page(std::string_view title, std::string_view subtitle, std::string_view body) {
  // System fonts only: nothing is fetched.
  static constexpr std::string_view css = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       margin: 24px auto; max-width: 1000px; padding: 0 16px; color: #1a202c; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: 4px; }
h2 { font-size: 1.2em; margin-top: 32px; border-bottom: 1px solid #e2e8f0; padding-bottom: 4px; }
.subtitle { color: #4a5568; margin-top: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; }
.figure { border: 1px solid #e2e8f0; border-radius: 6px; padding: 10px 16px; min-width: 110px; }
.figure .value { font-size: 1.5em; font-weight: 600; }
.figure .label { color: #4a5568; font-size: 0.85em; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
svg.chart { max-width: 100%; height: auto; background: #fff; }
svg .chart-title { font-size: 14px; font-weight: 600; fill: #1a202c; }
svg .tick, svg .value, svg .legend text { font-size: 11px; fill: #4a5568; }
svg .axis-label { font-size: 12px; fill: #1a202c; }
svg .grid { stroke: #edf2f7; stroke-width: 1; }
svg .axis, svg .frame { stroke: #a0aec0; stroke-width: 1; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.9em; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e2e8f0; text-align: left; }
th { background: #f7fafc; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.sign td { background: #fff5f5; }
tr.rare td { color: #718096; }
.note { color: #4a5568; font-size: 0.9em; }
)";
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n{}"
      "</body>\n</html>\n",
      escape(title), css, escape(title), escape(subtitle), body);
}

}  // namespace leadscore::review::html
