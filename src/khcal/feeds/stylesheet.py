"""The published site's one stylesheet (`site.css`), linked relatively by every page.

Khmer fonts come first in every font stack and are the reader's own (nothing is fetched from outside the
site). The year calendars print a month a page on A4, or, when the page is opened at `#sheet`, the whole
year on one A4 sheet; on a phone their months stack and fit the screen's width.
"""

from __future__ import annotations

FONTS = (
    '"Noto Sans Khmer", "Khmer OS Battambang", "Khmer OS", "Khmer OS System", "Khmer UI", '
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif'
)
SERIF_FONTS = (
    '"Noto Serif Khmer", "Khmer OS Siemreap", "Noto Sans Khmer", "Khmer OS Battambang", "Khmer OS", '
    'Georgia, "Noto Serif", "DejaVu Serif", serif'
)

_BASE = """
:root {
  --ink: #1a1a1a;
  --muted: #5a5a5a;
  --line: #c8c8c8;
  --off: #b3141b;
  --off-bg: #fde8e8;
  --lieu-bg: #fff1e0;
  --holy: #8a5a00;
  --weekend-bg: #f4f4f4;
  --link: #0b4f8a;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto;
  padding: 1rem;
  max-width: 64rem;
  color: var(--ink);
  background: #fff;
  font-family: FONTS;
  line-height: 1.6;
  overflow-wrap: break-word;
}
a { color: var(--link); }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
h1, h2, h3 { line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
nav ul, .legend ul { list-style: none; margin: 0; padding: 0; }
nav li { display: inline-block; margin: 0 1rem 0.25rem 0; }
.site-links { font-size: 0.95rem; border-bottom: 1px solid var(--line); padding-bottom: 0.5rem; }
.sr {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
[aria-current="page"] { font-weight: bold; }
"""

_OBSERVANCE = """
.observance-page article, .observance-page .site-links { max-width: 40rem; margin: 0 auto; }
.observance-page h1 { font-size: 1.8rem; font-weight: 600; margin-top: 1.5rem; }
.observance-page .other-name { color: var(--muted); margin-top: 0; }
.observance-page .meta { color: var(--muted); font-size: 0.95rem; }
.observance-page .description { font-family: SERIF_FONTS; font-size: 1.1rem; line-height: 1.8; }
.observance-page article ul { padding-left: 1.25rem; }
.observance-page article li { margin: 0.35rem 0; }
.observance-page .years { max-width: 40rem; margin: 2.5rem auto 1rem; border-top: 1px solid var(--line); }
.observance-page .years h2 { font-size: 1rem; }
.observance-page .dates h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.observance-page .lunar-date { color: var(--muted); }
.observance-page .dates li.off { font-weight: 600; }
.observance-page .new-year { font-weight: normal; color: var(--muted); }
.observance-page .sources a { overflow-wrap: anywhere; }
"""

_CALENDAR = """
.calendar-page header p { margin: 0.4rem 0; }
.khmer-years ul { margin: 0; padding-left: 1.25rem; }
.status { color: var(--muted); }
.month-links { margin: 1rem 0; }
.month-links li { margin-right: 0.75rem; }
.legend ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
.legend li { display: flex; align-items: center; gap: 0.5rem; }
.swatch {
  display: inline-block; flex: none; width: 1.6rem; height: 1.3rem;
  border: 1px solid var(--line); text-align: center; line-height: 1.3rem; font-size: 0.85rem;
}
.swatch.off { background: var(--off-bg); border-color: var(--off); }
.swatch.lieu { background: var(--lieu-bg); border: 1px dashed var(--off); }
.swatch.private { background: repeating-linear-gradient(135deg, var(--lieu-bg) 0 4px, #fff 4px 8px); }
.swatch.weekend { background: var(--weekend-bg); }
.swatch.observance { border-bottom: 3px solid var(--link); }
.month { margin: 2rem 0; }
.month h2 { margin-bottom: 0; }
.lunar-months { margin: 0 0 0.4rem; color: var(--muted); }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
.grid th { font-weight: normal; font-size: 0.85rem; color: var(--muted); padding: 0.2rem 0; }
.grid th.sun, .grid td.sun .date { color: var(--off); }
.grid td {
  vertical-align: top; border: 1px solid var(--line); padding: 0.2rem 0.3rem;
  height: 6.5rem; overflow: hidden;
}
.grid td.blank { background: transparent; border-color: #eee; }
.grid td.weekend { background: var(--weekend-bg); }
.grid td.off { background: var(--off-bg); }
.grid td.lieu { background: var(--lieu-bg); outline: 1px dashed var(--off); outline-offset: -3px; }
.grid td.private { background: repeating-linear-gradient(135deg, var(--lieu-bg) 0 4px, #fff 4px 8px); }
.grid td.off .date, .grid td.lieu .date, .grid td.private .date { color: var(--off); }
.grid td.observance { box-shadow: inset 0 -3px 0 var(--link); }
.date { display: block; font-size: 1.3rem; font-weight: 600; line-height: 1.3; }
.lunar { display: block; font-size: 0.8rem; color: var(--muted); line-height: 1.4; }
.lunar .lm { display: block; color: var(--ink); font-weight: 600; }
.lunar .ny { display: block; color: var(--holy); }
.grid td.day { position: relative; }
.holy::before { content: "\\2638"; color: var(--holy); font-size: 1rem; }
.holy { position: absolute; top: 0.1rem; right: 0.25rem; line-height: 1.3; }
.swatch.holy { position: static; }
.names { display: block; font-size: 0.75rem; line-height: 1.35; margin-top: 0.15rem; }
.names a { display: block; text-decoration: none; }
.names a:hover { text-decoration: underline; }
.events { margin: 0.5rem 0 0; padding-left: 1.25rem; font-size: 0.95rem; }
.events li.off a { color: var(--off); font-weight: 600; }
.events .tag { color: var(--muted); }
.nothing { color: var(--muted); font-size: 0.95rem; }

@media (max-width: 40rem) {
  body { padding: 0.5rem; }
  h1 { font-size: 1.35rem; }
  .grid td { height: auto; min-height: 3.5rem; padding: 0.1rem 0.15rem; }
  .grid th { font-size: 0.75rem; }
  .grid th .long { display: none; }
  .date { font-size: 1.05rem; }
  .lunar { font-size: 0.68rem; }
  .holy::before { font-size: 0.8rem; }
  .names { display: none; }
}
@media (min-width: 40.01rem) {
  .grid th .short { display: none; }
}
"""

_PRINT = """
@page { size: A4 portrait; margin: 10mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .site-links, .years, .print-choice, .month-links { display: none; }
  .calendar-page header { break-after: page; }
  .month { margin: 0; break-before: page; break-inside: avoid; }
  .month h2 { font-size: 18pt; margin-top: 0; }
  .grid th .short { display: none; }
  .grid th .long { display: inline; }
  .grid td { height: 33mm; }
  .names { display: block; font-size: 8pt; }
  .events { font-size: 9pt; }
}

/* The whole year on one sheet: the page opened at #sheet. */
#sheet:target .intro, #sheet:target .status, #sheet:target .events, #sheet:target .nothing,
#sheet:target .names, #sheet:target .lunar-months, #sheet:target .month-links,
#sheet:target .khmer-years h2 { display: none; }
#sheet:target .months {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem;
}
#sheet:target .month { margin: 0; }
#sheet:target .grid td { height: 3.2rem; padding: 0.1rem 0.2rem; }
#sheet:target .grid th .long, #sheet:target .lunar .lm, #sheet:target .lunar .ny { display: none; }
#sheet:target .grid th .short { display: inline; }
#sheet:target .date { font-size: 1rem; }
#sheet:target .lunar { font-size: 0.62rem; }
#sheet:target .holy::before { font-size: 0.7rem; }
@media print {
  #sheet:target { font-size: 7pt; }
  #sheet:target h1 { font-size: 13pt; margin: 0; }
  #sheet:target .calendar-page header, #sheet:target header { break-after: avoid; }
  #sheet:target .khmer-years ul { padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0 1em; }
  #sheet:target .months { grid-template-columns: repeat(3, 1fr); gap: 2mm 4mm; }
  #sheet:target .month { break-before: auto; }
  #sheet:target .month h2 { font-size: 9pt; margin: 1mm 0 0; }
  #sheet:target .grid th { font-size: 6pt; padding: 0; }
  #sheet:target .grid th .long { display: none; }
  #sheet:target .grid th .short { display: inline; }
  #sheet:target .grid td { height: 7.4mm; padding: 0 0.6mm; }
  #sheet:target .lunar { white-space: nowrap; overflow: hidden; }
  #sheet:target .date { font-size: 7.5pt; line-height: 1.2; }
  #sheet:target .lunar { font-size: 5.5pt; line-height: 1.25; }
  #sheet:target .lunar .lm, #sheet:target .lunar .ny { display: none; }
  #sheet:target .holy::before { font-size: 6pt; }
  #sheet:target .legend { font-size: 6.5pt; margin-top: 2mm; }
  #sheet:target .legend h2 { display: none; }
  #sheet:target .swatch { width: 4mm; height: 3mm; line-height: 3mm; font-size: 5pt; }
}
"""


def stylesheet() -> str:
    """The text of `site.css`: the same bytes every time."""
    text = _BASE + _OBSERVANCE + _CALENDAR + _PRINT
    return text.replace("SERIF_FONTS", SERIF_FONTS).replace("FONTS", FONTS).lstrip("\n")
