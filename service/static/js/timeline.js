// The vertical timeline: events (day / week / month) with their claims.

import { h } from "./dom.js";
import { DATE_SOURCE, GRANULARITY, coords, dateLabel, verbClassLabel } from "./format.js";

// A date chip whose look depends on its precision: a month-level date is not a day.
export function dateChip(date) {
  if (!date) return h("span", { class: "date date-none" }, "तिथि अज्ञात");
  const granularity = date.granularity || "day";
  const range = date.date_from && date.date_to && date.date_from !== date.date_to
    ? ` (${date.date_from} … ${date.date_to})` : "";
  const source = DATE_SOURCE[date.source] ? ` · ${DATE_SOURCE[date.source]}` : "";
  return h("span", {
    class: `date date-${granularity}`,
    title: `${date.value}${range} · सटीकता: ${GRANULARITY[granularity] || granularity}${source}`,
    dataset: { value: date.value || "", granularity },
  },
  h("time", { datetime: date.date_from || "" }, dateLabel(date.value)),
  h("span", { class: "precision" }, GRANULARITY[granularity] || granularity));
}

function quoteBlock(claim) {
  const direct = claim.quote_type === "direct";
  return h("blockquote", { class: `quote quote-${claim.quote_type || "indirect"}` },
    direct ? "“" : "",
    h("mark", { class: "quote-span" }, claim.quote),
    direct ? "”" : "",
    direct ? "" : h("span", { class: "quote-kind" }, " (अप्रत्यक्ष)"));
}

export function claimCard(claim, { onFilter, articleHref, storyHref }) {
  const speaker = claim.speaker;
  const place = claim.place;
  const filterButton = (key, value, label, cls) =>
    h("button", {
      type: "button",
      class: `linklike ${cls}`,
      title: `केवल “${label}” के दावे दिखाएँ`,
      onclick: () => onFilter(key, value),
    }, label);
  return h("li", { class: `claim vc-${claim.verb_class || "other"}`, id: `claim-${claim.id}`, dataset: { claimId: claim.id } },
    h("div", { class: "claim-head" },
      speaker ? filterButton("speaker", speaker.name, speaker.name, "speaker") : h("span", { class: "speaker" }, "अज्ञात वक्ता"),
      speaker?.role ? h("span", { class: "role" }, speaker.role) : null,
      h("span", { class: "verb", title: `कथन का प्रकार: ${verbClassLabel(claim.verb_class)}` }, claim.verb),
      h("span", { class: `vc-badge vc-${claim.verb_class || "other"}` }, verbClassLabel(claim.verb_class))),
    quoteBlock(claim),
    h("div", { class: "claim-meta" },
      dateChip(claim.date),
      place
        ? h("span", { class: "place" },
          filterButton("place", place.name, place.name, "place-name"),
          place.country ? h("span", { class: "country" }, ` ${place.country}`) : null,
          place.lat !== null && place.lat !== undefined ? h("span", { class: "coords" }, ` ${coords(place.lat, place.lon)}`) : null)
        : h("span", { class: "place place-none" }, "स्थान अज्ञात"),
      claim.article_id
        ? h("a", { class: "source-link", href: articleHref(claim.article_id, claim.id), dataset: { article: claim.article_id } }, "स्रोत लेख →")
        : h("span", { class: "source-link" }, "मैनुअल दावा"),
      reportsLink(claim, storyHref)));
}

// "N reports" (collapse=story): the story's reports and outlets, a link to its story view.
function reportsLink(claim, storyHref) {
  const story = claim.story;
  if (!story || story.size < 2 || !storyHref) return null;
  return h("a", { class: "story-link", href: storyHref(story.id), dataset: { story: story.id } },
    `${story.size} रिपोर्ट · ${story.outlets} स्रोत`);
}

export function eventBlock(event, options) {
  const granularity = event.granularity || "day";
  return h("section", { class: `event event-${granularity}`, dataset: { date: event.date } },
    h("h3", { class: "event-date" },
      h("time", { datetime: event.date }, dateLabel(event.date, { weekday: granularity === "day" })),
      h("span", { class: "precision" }, GRANULARITY[granularity] || granularity),
      h("span", { class: "count" }, `${event.claims.length} दावे`)),
    h("ol", { class: "claims" }, event.claims.map((c) => claimCard(c, options))));
}

// Merge a further page into the events already shown (the first new event may continue the last).
export function mergeEvents(events, more) {
  const out = events.map((e) => ({ ...e, claims: [...e.claims] }));
  for (const event of more) {
    const last = out[out.length - 1];
    if (last && last.date === event.date && last.granularity === event.granularity) last.claims.push(...event.claims);
    else out.push({ ...event, claims: [...event.claims] });
  }
  return out;
}
