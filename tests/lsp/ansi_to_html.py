#!/usr/bin/env python3
"""Renders `tmux capture-pane -e -p` output (text with ANSI SGR colours) as an HTML page of one
<pre>, for a screenshot in headless chromium. usage: ansi_to_html.py < pane.txt > pane.html"""
import html
import re
import sys

BASIC = ["#1e1e1e", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
         "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]


def color256(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (v, v, v)


def main():
    text = sys.stdin.read()
    fg, bg, bold, underline, reverse = None, None, False, False, False
    out = []
    for part in re.split(r"(\x1b\[[0-9;:]*m)", text):
        m = re.fullmatch(r"\x1b\[([0-9;:]*)m", part)
        if m:
            codes = [int(c) if c else 0 for c in re.split(r"[;:]", m.group(1))] or [0]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    fg, bg, bold, underline, reverse = None, None, False, False, False
                elif c == 1:
                    bold = True
                elif c in (4, 21):
                    underline = True
                elif c == 7:
                    reverse = True
                elif c == 22:
                    bold = False
                elif c == 24:
                    underline = False
                elif c == 27:
                    reverse = False
                elif 30 <= c <= 37:
                    fg = BASIC[c - 30]
                elif 90 <= c <= 97:
                    fg = BASIC[c - 90 + 8]
                elif 40 <= c <= 47:
                    bg = BASIC[c - 40]
                elif 100 <= c <= 107:
                    bg = BASIC[c - 100 + 8]
                elif c == 39:
                    fg = None
                elif c == 49:
                    bg = None
                elif c in (38, 48) and i + 1 < len(codes):
                    if codes[i + 1] == 5 and i + 2 < len(codes):
                        col = color256(codes[i + 2])
                        i += 2
                    elif codes[i + 1] == 2 and i + 4 < len(codes):
                        col = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                        i += 4
                    else:
                        col = None
                    if c == 38:
                        fg = col
                    else:
                        bg = col
                i += 1
            continue
        if not part:
            continue
        f, b = (bg or "#1e1e1e", fg or "#d4d4d4") if reverse else (fg, bg)
        style = []
        if f:
            style.append(f"color:{f}")
        if b:
            style.append(f"background:{b}")
        if bold:
            style.append("font-weight:bold")
        if underline:
            style.append("text-decoration:underline")
        out.append(f'<span style="{";".join(style)}">{html.escape(part)}</span>' if style else html.escape(part))
    print("<!doctype html><meta charset='utf-8'><body style='margin:0;background:#1e1e1e'>"
          "<pre style=\"margin:8px;font:15px/1.25 'DejaVu Sans Mono',monospace;color:#d4d4d4\">"
          + "".join(out) + "</pre>")


if __name__ == "__main__":
    main()
