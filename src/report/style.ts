/** The report's CSS: readable on screen, clean when printed to PDF (A4, no backgrounds needed). */
export const REPORT_CSS = `
:root { color: #1b1f24; font-family: system-ui, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; line-height: 1.45; }
body { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { margin: 0; font-size: 1.8rem; }
h2 { border-bottom: 2px solid #0072b2; padding-bottom: 0.2rem; margin-top: 2rem; }
h3.sub { font-size: 1rem; color: #4a5560; text-transform: uppercase; letter-spacing: 0.03em; }
.subtitle, .meta { color: #4a5560; margin: 0.2rem 0; }
.local { background: #e3f0f8; padding: 0.5rem 0.75rem; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border-bottom: 1px solid #d5d9de; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
table.num td:not(:first-child) { text-align: right; white-space: nowrap; }
th { font-size: 0.85em; }
.ci { color: #4a5560; font-size: 0.85em; }
td > .ci { display: block; }
.warn { color: #b3261e; font-weight: 700; }
.verdicts > li { margin-bottom: 0.4rem; }
.caveats { color: #4a5560; font-size: 0.9em; }
svg.chart { width: 100%; max-width: 640px; height: auto; font-size: 11px; }
svg.chart .pos { fill: #0072b2; } svg.chart .neg { fill: #d55e00; }
svg.chart .whisker { stroke: #1b1f24; stroke-width: 1.2; } svg.chart .axis { stroke: #8a949e; }
svg.chart .grid { stroke: #d5d9de; } svg.chart .diagonal { stroke: #4a5560; stroke-dasharray: 5 4; }
svg.calibration { max-width: 460px; }
.note { color: #4a5560; font-style: italic; }
table.compact { width: auto; min-width: 18rem; font-size: 0.8rem; }
table.compact td, table.compact th { padding: 0.1rem 0.5rem; }
.methods li { margin-bottom: 0.4rem; }
svg.chart circle, svg.chart rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
figure { margin: 0.75rem 0; } figcaption { font-size: 0.85rem; color: #4a5560; }
code, pre { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 0.8rem; }
td code { overflow-wrap: anywhere; }
pre { white-space: pre-wrap; word-break: break-word; background: #f5f6f8; padding: 0.5rem; }
footer { margin-top: 2rem; color: #4a5560; font-size: 0.85rem; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { padding: 0; max-width: none; }
  h2 { break-after: avoid; } table, figure { break-inside: avoid; }
  table { font-size: 0.75rem; } th, td { padding: 0.15rem 0.25rem; }
  .local { border: 1px solid #0072b2; }
}
`;
