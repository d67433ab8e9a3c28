// Story view: one statement and its reports — first report, spread over time, outlets.

import { clear, h, svg } from "./dom.js";
import { dateLabel, number } from "./format.js";
import { claimCard } from "./timeline.js";

// Reports per day as a small bar chart (SVG), first report's day first.
export function spreadChart(reports) {
  const counts = new Map();
  for (const r of reports) {
    const day = r.article?.anchor_date || r.claim.date?.date_from;
    if (day) counts.set(day, (counts.get(day) || 0) + 1);
  }
  const days = [...counts.keys()].sort();
  if (!days.length) return h("p", { class: "empty" }, "तिथियाँ अज्ञात।");
  const max = Math.max(...counts.values());
  const width = Math.max(120, days.length * 28);
  const bars = days.map((day, i) => {
    const height = Math.max(4, Math.round((counts.get(day) / max) * 60));
    return svg("g", {},
      svg("rect", { x: i * 28 + 4, y: 64 - height, width: 20, height, class: "spread-bar" },
        svg("title", {}, `${day}: ${counts.get(day)} रिपोर्ट`)),
      svg("text", { x: i * 28 + 14, y: 78, "text-anchor": "middle", class: "spread-label" }, day.slice(5)));
  });
  return h("figure", { class: "spread" },
    svg("svg", { viewBox: `0 0 ${width} 82`, width, height: 82, role: "img", "aria-label": "समय के साथ रिपोर्टें" }, bars),
    h("figcaption", { class: "muted" }, days.map((d) => `${d}: ${counts.get(d)}`).join(" · ")));
}

export function renderStory(container, story, { backHref, onBack, onFilter, articleHref }) {
  const back = h("a", { href: backHref, class: "back", onclick: (e) => { e.preventDefault(); onBack(); } }, "← समयरेखा पर लौटें");
  const first = story.first_report;
  const review = story.review
    ? h("p", { class: "story-review" }, `निर्णय: ${story.review.rating}`, story.review.explanation ? ` — ${story.review.explanation}` : "")
    : null;
  clear(container,
    back,
    h("header", { class: "story-header" },
      h("h2", { id: "story-heading", tabindex: "-1", lang: "hi" }, `“${story.canonical_quote || ""}”`),
      h("p", { class: "muted" },
        `${story.speaker?.name || "अज्ञात वक्ता"} · पहली बार ${dateLabel(story.first_seen)} · `,
        `${number(story.size)} रिपोर्ट, ${number(story.outlets.length)} स्रोत`),
      review),
    h("section", { class: "story-first" },
      h("h3", {}, "पहली रिपोर्ट"),
      first?.article
        ? h("p", {}, h("a", { href: articleHref(first.article.id, first.claim.id) }, first.article.title || first.article.source || first.article.host || `लेख #${first.article.id}`),
          ` · ${dateLabel(first.article.anchor_date)}`)
        : h("p", { class: "muted" }, "मैनुअल दावा")),
    h("section", {}, h("h3", {}, "समय के साथ फैलाव"), spreadChart(story.reports)),
    h("section", {}, h("h3", {}, `स्रोत (${story.outlets.length})`),
      h("ul", { class: "story-outlets" }, story.outlets.map((o) => h("li", {}, o)))),
    h("section", {}, h("h3", {}, `सभी रिपोर्टें (${story.reports.length})`),
      h("ol", { class: "claims story-reports" }, story.reports.map((r) => claimCard(r.claim, { onFilter, articleHref })))));
}
