/**
 * The report's one stylesheet, inline: sober on screen, A4 on paper. No web font (a report
 * makes no request): the system's sans-serif, with fonts that carry Arabic named first.
 */
export const REPORT_CSS = `
:root {
  --ink: #1d2430;
  --muted: #5b6472;
  --faint: #8a93a1;
  --rule: #d9dee5;
  --soft: #f4f6f8;
  --accent: #1f5f8b;
  --alert: #b3261e;
  --alert-soft: #fdecea;
  --good: #2e7d32;
  --font: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Tahoma, Arial, sans-serif;
}
* { box-sizing: border-box; }
html { background: #eef1f4; }
body {
  margin: 0;
  color: var(--ink);
  font: 15px/1.55 var(--font);
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.page {
  max-width: 1060px;
  margin: 24px auto;
  padding: 48px 56px 40px;
  background: #fff;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08);
}
header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 20px; margin-bottom: 24px; }
.kicker { margin: 0 0 6px; color: var(--accent); font-size: 13px; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; }
h1 { margin: 0 0 8px; font-size: 32px; line-height: 1.2; font-weight: 700; }
.meta { margin: 0; color: var(--muted); font-size: 15px; }
.meta .as-of { color: var(--ink); font-weight: 600; }
.description { margin: 14px 0 0; max-width: 48em; color: var(--ink); }
.note { color: var(--muted); font-size: 13px; }
h2 {
  margin: 0 0 12px;
  padding-bottom: 6px;
  border-bottom: 1px solid var(--rule);
  font-size: 22px;
  line-height: 1.3;
}
h2 .number { display: inline-block; min-width: 1.6em; color: var(--accent); }
h3 { margin: 22px 0 8px; font-size: 17px; }
section { margin: 40px 0 0; }
p { margin: 0 0 10px; }
.intro { max-width: 52em; }
ul, ol { margin: 0 0 10px; padding-inline-start: 1.4em; }
li { margin: 2px 0; }

/* Key points and contents */
.key-points { margin: 0 0 22px; padding: 14px 20px; border: 1px solid var(--rule); border-inline-start: 4px solid var(--accent); background: var(--soft); }
.key-points h2 { border: 0; margin: 0 0 6px; padding: 0; font-size: 17px; }
.key-points ul { margin: 0; }
.key-points li.alert { color: var(--alert); font-weight: 600; }
.key-points .caution { margin: 8px 0 0; color: var(--muted); font-size: 13px; }
nav.contents { margin: 0 0 8px; font-size: 14px; color: var(--muted); }
nav.contents ol { display: flex; flex-wrap: wrap; gap: 2px 18px; margin: 4px 0 0; padding: 0; list-style: none; counter-reset: toc; }
nav.contents li { counter-increment: toc; }
nav.contents li::before { content: counter(toc) ". "; color: var(--faint); }
nav.contents a { color: var(--accent); text-decoration: none; }
nav.contents a:hover { text-decoration: underline; }

/* Key figures */
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 0; }
.figure-card { margin: 0; padding: 12px 14px; border: 1px solid var(--rule); border-radius: 6px; break-inside: avoid; }
.figure-card dt { color: var(--muted); font-size: 13px; font-weight: 600; }
.figure-card .value { display: block; margin: 2px 0 4px; color: var(--ink); font-size: 26px; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
.figure-card dd { margin: 0; color: var(--muted); font-size: 12.5px; line-height: 1.4; }
.figure-card.alert { border-color: var(--alert); background: var(--alert-soft); }
.figure-card.alert .value, .figure-card.alert dt { color: var(--alert); }

/* The sociogram */
figure.sociogram-figure { margin: 0; }
figure.sociogram-figure .canvas { border: 1px solid var(--rule); border-radius: 6px; padding: 8px; background: #fff; }
svg.sociogram { display: block; width: 100%; max-width: var(--natural-width, 100%); height: auto; max-height: 1400px; margin: 0 auto; }
figure.sociogram-figure figcaption { margin: 0 0 6px; font-weight: 600; }
.legend { margin: 0 0 8px; font-size: 13px; color: var(--ink); }
.legend-row { display: flex; flex-wrap: wrap; align-items: center; gap: 3px 14px; margin: 2px 0; }
.legend-title { color: var(--muted); font-weight: 600; }
.legend .key { display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; }
.line-swatch { flex: none; }
.zoom-toggle { position: absolute; opacity: 0; width: 1px; height: 1px; }
.zoom-label { display: inline-block; margin: 0 0 6px; color: var(--accent); font-size: 13px; cursor: pointer; user-select: none; }
.zoom-label::before { content: "⤢ "; }
.zoom-toggle:focus-visible + .zoom-label { outline: 2px solid var(--accent); outline-offset: 2px; }
.zoom-label .when-full { display: none; }
.zoom-toggle:checked + .zoom-label .when-fit { display: none; }
.zoom-toggle:checked + .zoom-label .when-full { display: inline; }
.zoom-toggle:checked ~ .canvas { overflow: auto; max-height: 85vh; }
.zoom-toggle:checked ~ .canvas svg.sociogram { width: var(--natural-width); max-width: none; max-height: none; }
.reading { margin: 10px 0 0; padding: 0; list-style: none; color: var(--muted); font-size: 13.5px; }
.reading li { margin: 2px 0; }

/* Tables */
table { width: 100%; border-collapse: collapse; margin: 8px 0 12px; font-size: 14px; }
caption { text-align: start; color: var(--muted); font-size: 13px; padding-bottom: 4px; }
th { text-align: start; color: var(--muted); font-size: 12.5px; font-weight: 600; border-bottom: 2px solid var(--rule); padding: 6px 8px; vertical-align: bottom; }
td { border-bottom: 1px solid var(--rule); padding: 6px 8px; vertical-align: top; }
th.num, td.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.rank { color: var(--faint); width: 2.2em; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.actor { font-weight: 600; }
.id { display: block; color: var(--faint); font-size: 11.5px; font-weight: 400; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.pair div + div { margin-top: 6px; padding-top: 6px; border-top: 1px dashed var(--rule); }
.sub { color: var(--muted); font-size: 12.5px; }
.tags { margin: 0; padding: 0; list-style: none; }
.tags li { display: inline; }
.tags li + li::before { content: " · "; color: var(--faint); }
.none { color: var(--muted); font-style: italic; }
.introducer-none { color: var(--alert); font-size: 13px; }
.legend-list { margin: 6px 0 0; color: var(--muted); font-size: 13px; }
.legend-list dt { display: inline; font-weight: 600; color: var(--ink); }
.legend-list dd { display: inline; margin: 0; }
.legend-list dd::after { content: ""; display: block; }

/* Communities */
.communities { display: grid; grid-template-columns: repeat(2, 1fr); gap: 12px; }
.community { padding: 12px 14px; border: 1px solid var(--rule); border-radius: 6px; break-inside: avoid; }
.community h3 { margin: 0 0 4px; font-size: 15.5px; display: flex; align-items: center; gap: 8px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; flex: none; border: 1px solid rgba(0, 0, 0, 0.15); }
.community .count { color: var(--muted); font-weight: 400; font-size: 13px; }
.community .zones { margin: 0 0 6px; color: var(--muted); font-size: 13px; }
.community .members { margin: 0; padding: 0; list-style: none; font-size: 13.5px; line-height: 1.45; }
.community .members li { display: inline; }
.community .members li + li::before { content: " · "; color: var(--faint); }

/* Commitments */
.dialogue { margin-top: 22px; }
.dialogue h3 { margin-bottom: 2px; }
.dialogue .sub { margin: 0 0 6px; }
.dialogue .sub .actor { font-weight: 400; color: var(--ink); }
.opportunities-table th:nth-child(2) { width: 32%; }
.opportunities-table th:nth-child(3) { width: 28%; }
.opportunities-table th:nth-child(5) { width: 28%; }
.tensions-table th:nth-child(1), .bridges-table th:nth-child(1) { width: 36%; }
.commitments-table th:nth-child(1) { width: 31%; }
.commitments-table th:nth-child(2) { width: 21%; }
.commitments-table th:nth-child(3) { width: 22%; }
.commitments-table th:nth-child(5) { width: 12%; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; border: 1px solid var(--rule); font-size: 12px; white-space: nowrap; }
.status-done { color: var(--good); border-color: #a5d6a7; }
.status-dropped { color: var(--faint); }
.status-ongoing { color: var(--accent); border-color: #9ec1dc; }
tr.overdue td { background: var(--alert-soft); }
tr.overdue td:first-child { box-shadow: inset 4px 0 0 var(--alert); }
.badge-overdue { display: inline-block; margin-inline-start: 4px; padding: 1px 8px; border-radius: 10px; background: var(--alert); color: #fff; font-size: 12px; font-weight: 600; white-space: nowrap; }
.counts { margin: 0 0 4px; }
.counts .overdue-count { color: var(--alert); font-weight: 700; }

footer { margin-top: 44px; padding-top: 14px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12.5px; }

[dir="rtl"] { text-align: right; }
bdi { unicode-bidi: isolate; }

@media (max-width: 760px) {
  .page { margin: 0; padding: 24px 18px; }
  .figures { grid-template-columns: repeat(2, 1fr); }
  .communities { grid-template-columns: 1fr; }
}

/* Paper: A4, white, one section per page, no split table rows. */
@page {
  size: A4;
  margin: 16mm 14mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-family: system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; color: #5b6472; }
}
@media print {
  html, body { background: #fff; }
  body { font-size: 10pt; line-height: 1.45; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  nav.contents, .zoom-toggle, .zoom-label { display: none; }
  section { margin: 0; break-before: page; page-break-before: always; }
  section.glance { break-before: auto; page-break-before: auto; margin-top: 16px; }
  h1 { font-size: 22pt; }
  h2 { font-size: 15pt; break-after: avoid; page-break-after: avoid; }
  h3 { font-size: 11.5pt; break-after: avoid; page-break-after: avoid; }
  header.cover { padding-bottom: 10px; margin-bottom: 12px; }
  .description { font-size: 9.5pt; }
  .key-points { background: #fff; padding: 8px 14px; margin-bottom: 12px; font-size: 9.5pt; }
  .key-points h2 { font-size: 12pt; }
  .key-points .caution { font-size: 8pt; }
  section.glance > h2 { font-size: 12pt; margin-bottom: 8px; }
  .figures { grid-template-columns: repeat(4, 1fr); gap: 6px; }
  .figure-card { padding: 6px 8px; border-radius: 4px; }
  .figure-card dt { font-size: 8pt; }
  .figure-card .value { font-size: 14pt; margin: 0 0 2px; }
  .figure-card dd { font-size: 7.2pt; line-height: 1.3; }
  table { font-size: 9pt; }
  th { font-size: 8pt; }
  .id { font-size: 7.5pt; }
  .pair .id { display: none; }
  .pair div + div { margin-top: 3px; padding-top: 3px; }
  td, th { padding: 4px 6px; }
  figure.sociogram-figure .canvas { border: 0; padding: 0; }
  figure.sociogram-figure .canvas { overflow: visible; max-height: none; }
  svg.sociogram, .zoom-toggle:checked ~ .canvas svg.sociogram { width: 100%; max-width: 100%; max-height: 200mm; }
  .legend { font-size: 8.5pt; }
  .communities { gap: 8px; }
  .community .members { font-size: 9pt; }
  a { color: inherit; text-decoration: none; }
  footer { break-inside: avoid; }
}
`;
