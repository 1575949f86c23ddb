// The page's style sheet.

/** CSS for the report page (KaTeX's own sheet is embedded beside it). */
export const PAGE_STYLE = `
:root { --fg: #1f2328; --muted: #656d76; --line: #d8dee4; --bg: #fff; --soft: #f6f8fa; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main, header#top { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
header#top { padding-top: 16px; }
h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 16px 0 6px; }
.title-row { display: flex; gap: 16px; align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
h1 .model { color: var(--muted); font-weight: 500; }
.simulated { background: #fff8c5; border: 1px solid #d4a72c; padding: 6px 10px; border-radius: 6px; margin: 6px 0; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 8px 0; }
.meta-item { display: flex; gap: 6px; } .meta dt { color: var(--muted); } .meta dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; border: 1px solid var(--line); background: var(--soft); }
.badge.ok, .ok .badge { color: var(--ok); border-color: #4ac26b; } .badge.bad { color: var(--bad); border-color: #ff8182; } .badge.warn { color: var(--warn); border-color: #d4a72c; }
.note { color: var(--muted); margin: 6px 0; } .note.warn { color: var(--warn); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 10px; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.figure.main { border-color: var(--accent); } .figure.bad .figure-value { color: var(--bad); } .figure.warn .figure-value { color: var(--warn); }
.figure-value { font-size: 22px; font-weight: 600; } .figure-label { font-size: 12px; } .figure-note { font-size: 12px; color: var(--muted); }
.plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 12px; }
.plot-box { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 4px; }
.plot { width: 100%; height: auto; display: block; }
.plot .grid { stroke: #eaeef2; } .plot .tick, .plot .legend, .plot .point-label { font-size: 11px; fill: var(--muted); }
.plot .plot-title { font-size: 13px; font-weight: 600; fill: var(--fg); } .plot .axis-label { font-size: 11px; fill: var(--fg); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; padding: 2px 8px 6px; } .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; }
.plot .band { opacity: 0.15; } .plot .line { fill: none; stroke-width: 2; } .plot .errbar { stroke-width: 2; opacity: 0.6; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin-bottom: 8px; }
.controls input[type=search] { padding: 4px 8px; min-width: 240px; border: 1px solid var(--line); border-radius: 6px; }
.counter { color: var(--muted); margin-left: auto; }
.table { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.row { display: grid; grid-template-columns: minmax(120px, 1.6fr) minmax(60px, 0.8fr) minmax(70px, 1fr) minmax(90px, 1.2fr) 150px 60px 80px 70px 70px; align-items: center; height: 30px; gap: 8px; padding: 0 10px; }
.row.head { background: var(--soft); border-bottom: 1px solid var(--line); }
.viewport { overflow-y: auto; position: relative; }
.spacer { position: relative; }
.spacer .row { position: absolute; left: 0; right: 0; cursor: pointer; border-bottom: 1px solid #f0f2f4; }
.spacer .row:hover { background: #f3f7ff; } .spacer .row.selected { background: #ddf4ff; }
.cell { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; } .num { text-align: right; }
.sort { background: none; border: 0; font: inherit; font-weight: 600; text-align: left; cursor: pointer; padding: 0; color: var(--fg); }
.verdict.ok { color: var(--ok); } .verdict.bad { color: var(--bad); font-weight: 600; } .verdict.warn { color: var(--warn); }
.votes { display: flex; align-items: center; gap: 6px; } .votecount { font-size: 12px; color: var(--muted); }
.votebar { display: flex; width: 100px; height: 10px; border-radius: 3px; overflow: hidden; background: #eaeef2; }
.seg + .seg { border-left: 1px solid #fff; }
.seg.right { background: #2da44e; } .seg.wrong { background: #e5534b; } .seg.none { background: #afb8c1; }
table.plain { border-collapse: collapse; width: 100%; margin: 6px 0; } table.plain th, table.plain td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.flip.bad { color: var(--bad); } .flip.ok { color: var(--ok); }
.vote-list { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; } .vote-list .ok { color: var(--ok); } .vote-list .bad { color: var(--bad); }
.sample { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; padding: 6px 12px; }
.sample > summary { cursor: pointer; display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
.sample-index { font-weight: 600; } .sample-answer { font-family: ui-monospace, monospace; } .rule { font-size: 12px; background: var(--soft); padding: 0 6px; border-radius: 4px; }
.muted { color: var(--muted); } .small { font-size: 12px; } .label { font-size: 12px; color: var(--muted); margin-top: 8px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border-radius: 6px; padding: 8px 10px; max-height: 480px; overflow: auto; }
.reasoning-box { margin-top: 8px; } .reasoning-box > summary { cursor: pointer; color: var(--accent); }
.trim-note { color: var(--warn); font-style: italic; margin: 6px 0; }
mark { background: #fff1a8; }
.text .katex { overflow-wrap: normal; white-space: nowrap; } .text .katex-display { overflow-x: auto; overflow-y: hidden; }
.error { color: var(--bad); }
.case-id { font-family: ui-monospace, monospace; }
#status { padding: 40px 20px; text-align: center; color: var(--muted); }
`;
