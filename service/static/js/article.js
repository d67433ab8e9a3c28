// Article view: the text with every date mention and claim span highlighted, for auditing.
// Only text[0:body_end] is highlighted; the boilerplate after it is never a source of spans.

import { clear, h } from "./dom.js";
import { DATE_SOURCE, GRANULARITY, articleHeading, coords, dateLabel, verbClassLabel } from "./format.js";
import { dateChip } from "./timeline.js";

const LAYERS = ["claim", "quote", "date"]; // outer to inner

function dateTitle(d) {
  const range = d.date_from && d.date_to ? ` (${d.date_from} … ${d.date_to})` : "";
  const warnings = d.warnings?.length ? ` · चेतावनी: ${d.warnings.join("; ")}` : "";
  return `तिथि “${d.text}” → ${d.value ?? "?"}${range} · ${GRANULARITY[d.granularity] || d.granularity || ""}${warnings}`;
}

function claimTitle(c) {
  const when = c.date ? `${c.date.value} (${GRANULARITY[c.date.granularity] || c.date.granularity}, ${DATE_SOURCE[c.date.source] || c.date.source})` : "तिथि अज्ञात";
  const where = c.place ? `${c.place.name}${c.place.country ? ` ${c.place.country}` : ""} ${coords(c.place.lat, c.place.lon)}` : "स्थान अज्ञात";
  const role = c.speaker?.role ? ` (${c.speaker.role})` : "";
  return `दावा #${c.id}: ${c.speaker?.name || "?"}${role} — ${c.verb} [${verbClassLabel(c.verb_class)}] · ${when} · ${where}`;
}

// Spans of an article, clipped to the body; each {start, end, kind, id, title}.
export function articleSpans(article) {
  const text = article.text || "";
  const bodyEnd = Math.min(article.body_end ?? text.length, text.length);
  const spans = [];
  const add = (start, end, kind, id, title) => {
    if (!(start >= 0 && end > start && start < bodyEnd)) return;
    spans.push({ start, end: Math.min(end, bodyEnd), kind, id, title });
  };
  (article.dates || []).forEach((d, i) => add(d.start, d.end, "date", i, dateTitle(d)));
  for (const c of article.claims || []) {
    if (c.start === null || c.start === undefined) continue;
    const title = claimTitle(c);
    add(c.start, c.end, "claim", c.id, title);
    const at = c.quote ? text.indexOf(c.quote, c.start) : -1;
    if (at >= 0 && at + c.quote.length <= c.end) add(at, at + c.quote.length, "quote", c.id, `उद्धरण — ${title}`);
  }
  return { spans, bodyEnd };
}

// The body as DOM: text split at every span boundary, each piece wrapped in the spans covering it.
export function highlightedBody(text, spans, bodyEnd) {
  const cuts = new Set([0, bodyEnd]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].filter((p) => p >= 0 && p <= bodyEnd).sort((a, b) => a - b);
  const seen = new Set();
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => LAYERS.indexOf(x.kind) - LAYERS.indexOf(y.kind) || x.start - y.start);
    let node = document.createTextNode(text.slice(a, b));
    for (const s of covering.reverse()) {
      const key = `${s.kind}-${s.id}`;
      const first = !seen.has(key);
      seen.add(key);
      node = h("mark", {
        class: `hl hl-${s.kind}`, title: s.title, dataset: { span: key },
        id: first ? `span-${key}` : null, tabindex: first ? -1 : null,
      }, node);
    }
    out.push(node);
  }
  return out;
}

function focusSpan(key) {
  const el = document.getElementById(`span-${key}`);
  if (!el) return;
  document.querySelectorAll(".hl.flash").forEach((m) => m.classList.remove("flash"));
  document.querySelectorAll(`[data-span="${key}"]`).forEach((m) => m.classList.add("flash"));
  el.scrollIntoView({ block: "center", behavior: "smooth" });
  el.focus({ preventScroll: true });
}

export function renderArticle(container, article, { backHref, onBack }) {
  const text = article.text || "";
  const { spans, bodyEnd } = articleSpans(article);
  const mismatched = (article.dates || []).filter((d) => text.slice(d.start, d.end) !== d.text);
  const heading = articleHeading(article);
  const external = article.url && /^https?:\/\//.test(article.url)
    ? h("a", { href: article.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "मूल लेख ↗") : null;

  const back = h("a", { href: backHref, class: "back", onclick: (e) => { e.preventDefault(); onBack(); } }, "← समयरेखा पर लौटें");
  const dateRows = (article.dates || []).map((d, i) => h("tr", {},
    h("td", {}, h("button", { type: "button", class: "linklike", onclick: () => focusSpan(`date-${i}`) }, d.text)),
    h("td", {}, dateChip({ ...d, source: null })),
    h("td", { class: "muted" }, d.start < bodyEnd ? `${d.start}–${d.end}` : "मुख्य पाठ के बाहर"),
  ));
  const claimItems = (article.claims || []).map((c) => h("li", { class: `vc-${c.verb_class || "other"}` },
    h("button", { type: "button", class: "linklike", onclick: () => focusSpan(`claim-${c.id}`) },
      `${c.speaker?.name || "?"} — ${c.verb}`),
    " ", h("span", { class: `vc-badge vc-${c.verb_class || "other"}` }, verbClassLabel(c.verb_class)),
    " ", dateChip(c.date),
    c.place ? h("span", { class: "place" }, c.place.name) : null));

  clear(container,
    back,
    h("header", { class: "article-header" },
      h("h2", { id: "article-heading", lang: "hi" }, heading),
      h("p", { class: "muted" },
        `लेख #${article.id} · आधार तिथि: `, dateLabel(article.anchor?.value),
        article.anchor?.source ? ` (${{ published_at: "प्रकाशन तिथि", text: "पाठ से", ingested: "संग्रह तिथि" }[article.anchor.source] || article.anchor.source})` : "",
        external ? " · " : "", external)),
    h("ul", { class: "legend" },
      h("li", {}, h("mark", { class: "hl hl-date" }, "तिथि")),
      h("li", {}, h("mark", { class: "hl hl-claim" }, "दावे का अंश")),
      h("li", {}, h("mark", { class: "hl hl-quote" }, "उद्धरण")),
      h("li", { class: "muted" }, "माउस रखें या टैब करें: हल किया गया मान")),
    mismatched.length ? h("p", { class: "error", role: "alert" }, `${mismatched.length} तिथि-अंश पाठ से मेल नहीं खाते।`) : null,
    h("div", { class: "article-layout" },
      h("div", { class: "article-text", lang: "hi" }, highlightedBody(text, spans, bodyEnd),
        bodyEnd < text.length
          ? h("details", { class: "boilerplate" },
            h("summary", {}, "लेख के बाद का हिस्सा (कीवर्ड, श्रेणी, URL — निष्कर्षण से बाहर)"),
            h("pre", {}, text.slice(bodyEnd)))
          : null),
      h("aside", { class: "article-side" },
        h("h3", {}, `दावे (${(article.claims || []).length})`),
        claimItems.length ? h("ol", { class: "article-claims" }, claimItems) : h("p", { class: "empty" }, "कोई दावा नहीं निकला।"),
        h("h3", {}, `तिथियाँ (${(article.dates || []).length})`),
        dateRows.length
          ? h("table", { class: "article-dates" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "पाठ"), h("th", { scope: "col" }, "मान"), h("th", { scope: "col" }, "स्थिति"))),
            h("tbody", {}, dateRows))
          : h("p", { class: "empty" }, "कोई तिथि नहीं मिली।"))));

  const target = window.location.hash.slice(1);
  if (target.startsWith("claim-")) requestAnimationFrame(() => focusSpan(target));
}
