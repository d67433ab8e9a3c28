// Claims per period as a plain SVG stacked bar chart (one colour per verb class).

import { h, svg } from "./dom.js";
import { dateLabel, isoWeekStart, number, verbClassLabel } from "./format.js";

const H = 220;
const M = { top: 12, right: 8, bottom: 34, left: 36 };

const iso = (d) => d.toISOString().slice(0, 10);

// The closed date range of a bucket label (2025-07-12, 2025-W28, 2025-07).
export function bucketRange(bucket) {
  let m;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(bucket))) {
    const start = isoWeekStart(+m[1], +m[2]);
    const end = new Date(start);
    end.setUTCDate(start.getUTCDate() + 6);
    return [iso(start), iso(end)];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(bucket))) {
    const last = new Date(Date.UTC(+m[1], +m[2], 0));
    return [`${bucket}-01`, iso(last)];
  }
  return [bucket, bucket];
}

// A round, even axis maximum, so the middle tick is a whole number too.
function niceMax(n) {
  if (n <= 2) return 2;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 4, 6, 8, 10].map((s) => s * p).find((v) => v >= n);
}

export function renderChart(container, stats, { onPick }) {
  const buckets = stats.buckets || [];
  if (!buckets.length) {
    container.replaceChildren(h("p", { class: "empty" }, "इन फ़िल्टरों पर कोई दावा नहीं।"));
    return;
  }
  // Drawn at the container's own width, so labels keep their CSS pixel size.
  const W = Math.max(280, Math.min(900, Math.round(container.clientWidth || 640)));
  const classes = [...new Set(buckets.flatMap((b) => Object.keys(b.by_verb_class || {})))].sort();
  const max = niceMax(Math.max(...buckets.map((b) => b.count)));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const step = plotW / buckets.length;
  const barW = Math.max(1, Math.min(48, step * 0.8));
  const y = (v) => M.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(buckets.length / 8);

  const chart = svg("svg", {
    viewBox: `0 0 ${W} ${H}`, class: "bar-chart", role: "img",
    "aria-label": `${stats.group} के अनुसार दावे: कुल ${stats.total}, ${buckets.length} अवधियाँ`,
  });
  for (const tick of [0, max / 2, max]) {
    chart.append(
      svg("line", { x1: M.left, x2: W - M.right, y1: y(tick), y2: y(tick), class: "grid" }),
      svg("text", { x: M.left - 6, y: y(tick) + 4, class: "axis", "text-anchor": "end" }, number(Math.round(tick))));
  }
  buckets.forEach((b, i) => {
    const x = M.left + i * step + (step - barW) / 2;
    const [from, to] = bucketRange(b.bucket);
    const title = `${dateLabel(b.bucket)}: ${number(b.count)} दावे — ` +
      Object.entries(b.by_verb_class || {}).map(([c, n]) => `${verbClassLabel(c)} ${n}`).join(", ");
    const group = svg("g", { class: "bar", tabindex: 0, role: "button", "aria-label": title, "data-bucket": b.bucket },
      svg("title", {}, `${title}\n(क्लिक: इसी अवधि के दावे)`));
    let acc = 0;
    const parts = Object.keys(b.by_verb_class || {}).length ? Object.entries(b.by_verb_class) : [["other", b.count]];
    for (const [cls, n] of parts.sort()) {
      group.append(svg("rect", { x, width: barW, y: y(acc + n), height: Math.max(0.5, y(acc) - y(acc + n)), class: `vc-fill vc-${cls}` }));
      acc += n;
    }
    const pick = () => onPick(from, to);
    group.addEventListener("click", pick);
    group.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    chart.append(group);
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x: x + barW / 2, y: H - M.bottom + 16, class: "axis", "text-anchor": "middle" }, b.bucket));
    }
  });

  const legend = h("ul", { class: "legend" }, classes.map((c) =>
    h("li", {}, h("span", { class: `swatch vc-${c}`, "aria-hidden": "true" }), verbClassLabel(c))));
  const table = h("details", { class: "chart-table" },
    h("summary", {}, "तालिका के रूप में"),
    h("table", {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "अवधि"), h("th", { scope: "col" }, "दावे"), h("th", { scope: "col" }, "प्रकार"))),
      h("tbody", {}, buckets.map((b) => h("tr", {},
        h("td", {}, dateLabel(b.bucket)), h("td", { class: "num" }, number(b.count)),
        h("td", {}, Object.entries(b.by_verb_class || {}).map(([c, n]) => `${verbClassLabel(c)} ${n}`).join(", ")))))));
  container.replaceChildren(
    h("p", { class: "chart-total" }, `कुल ${number(stats.total)} दावे`),
    chart, legend, table);
}
