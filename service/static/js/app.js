// The dashboard controller: filters in the URL, then timeline, chart and places from /v1.

import { api } from "./api.js";
import { renderArticle } from "./article.js";
import { renderChart } from "./chart.js";
import { clear, emptyBox, errorBox, h } from "./dom.js";
import { GRANULARITY, VERB_CLASSES, number, verbClassLabel } from "./format.js";
import { entityPicker } from "./pickers.js";
import { renderPlaces } from "./places.js";
import { renderStory } from "./story.js";
import { navigate, readState, stateUrl } from "./state.js";
import { eventBlock, mergeEvents } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const form = $("filters");
const FORM_KEYS = ["q", "speaker", "place", "from", "to", "verb_class", "group", "order"];
const LABELS = { q: "खोज", speaker: "वक्ता", place: "स्थान", from: "से", to: "तक", verb_class: "प्रकार" };

let state = readState();
let rendered = null; // the state last rendered (a #fragment change must not reload)
let controller = null;
let timelineEvents = [];
let nextCursor = null;
let live = null; // the EventSource of /v1/stream for the current filters
let liveKey = null;
let liveTimer = null;

function fillForm() {
  const select = form.elements.verb_class;
  if (state.verb_class && !select.querySelector(`option[value="${CSS.escape(state.verb_class)}"]`)) {
    select.append(h("option", { value: state.verb_class }, verbClassLabel(state.verb_class)));
  }
  const defaults = { group: "day", order: "asc" };
  for (const key of FORM_KEYS) form.elements[key].value = state[key] || defaults[key] || "";
}

function formState() {
  const next = { ...state, article: "", story: "" };
  for (const key of FORM_KEYS) next[key] = form.elements[key].value.trim();
  return next;
}

function go(next, { replace = false } = {}) {
  state = readState(stateUrl(next).split("?")[1] || ""); // normalized: every key, valid group
  navigate(state, { replace });
  fillForm();
  render();
}

const setFilter = (key, value) => go({ ...state, [key]: value, article: "", story: "" });
const articleHref = (id, claimId) =>
  stateUrl({ ...state, article: String(id), story: "" }) + (claimId ? `#claim-${claimId}` : "");
const storyHref = (id) => stateUrl({ ...state, article: "", story: String(id) });

function describeFilters() {
  const parts = Object.entries(LABELS)
    .filter(([k]) => state[k])
    .map(([k, label]) => `${label}: ${k === "verb_class" ? verbClassLabel(state[k]) : state[k]}`);
  return parts.length ? parts.join(" · ") : "कोई फ़िल्टर नहीं";
}

function setStatus(text) {
  $("status").textContent = text;
}

function busy(el, on) {
  el.setAttribute("aria-busy", on ? "true" : "false");
  if (on) el.classList.add("loading");
  else el.classList.remove("loading");
}

function renderTimeline() {
  const el = $("timeline");
  const options = { onFilter: setFilter, articleHref, storyHref };
  if (!timelineEvents.length) {
    clear(el, emptyBox("इन फ़िल्टरों पर कोई दावा नहीं मिला। फ़िल्टर बदलें या “साफ़ करें” दबाएँ।"));
  } else {
    clear(el, timelineEvents.map((e) => eventBlock(e, options)));
  }
  $("timeline-more").hidden = !nextCursor;
}

async function loadTimeline(signal, { more = false } = {}) {
  const el = $("timeline");
  busy(el, true);
  try {
    const page = await api.timeline(state, { group: state.group, order: state.order, cursor: more ? nextCursor : undefined }, {
      signal,
    });
    timelineEvents = more ? mergeEvents(timelineEvents, page.events) : page.events;
    nextCursor = page.next_cursor;
    renderTimeline();
    const count = timelineEvents.reduce((n, e) => n + e.claims.length, 0);
    setStatus(`${number(count)}${nextCursor ? "+" : ""} दावे, ${GRANULARITY[state.group]} के अनुसार · ${describeFilters()}`);
  } catch (err) {
    if (err.name === "AbortError") return;
    clear(el, errorBox(err, () => loadTimeline(signal, { more })));
    setStatus(`समयरेखा लोड नहीं हो सकी: ${err.message}`);
  } finally {
    if (!signal.aborted) busy(el, false); // a newer request owns the flag now
  }
}

async function loadChart(signal) {
  const el = $("chart");
  busy(el, true);
  try {
    const stats = await api.stats(state, { group: state.group }, { signal });
    renderChart(el, stats, { onPick: (from, to) => go({ ...state, from, to, article: "" }) });
  } catch (err) {
    if (err.name !== "AbortError") clear(el, errorBox(err, () => loadChart(signal)));
  } finally {
    if (!signal.aborted) busy(el, false); // a newer request owns the flag now
  }
}

async function loadPlaces(signal) {
  const el = $("places");
  busy(el, true);
  try {
    const geo = await api.places(state, { signal });
    renderPlaces($("map"), el, geo, { onFilter: setFilter, selected: state.place });
  } catch (err) {
    if (err.name !== "AbortError") clear(el, errorBox(err, () => loadPlaces(signal)));
  } finally {
    if (!signal.aborted) busy(el, false); // a newer request owns the flag now
  }
}

async function loadArticle(signal) {
  const view = $("article-view");
  busy(view, true);
  clear(view, h("p", { class: "loading-text" }, "लेख लोड हो रहा है…"));
  try {
    const article = await api.article(state.article, { signal });
    renderArticle(view, article, {
      backHref: stateUrl({ ...state, article: "" }),
      onBack: () => go({ ...state, article: "" }),
    });
    document.title = `लेख #${article.id} — तथ्य`;
    setStatus(`लेख #${article.id}: ${article.dates?.length || 0} तिथियाँ, ${article.claims?.length || 0} दावे`);
    $("article-heading")?.focus?.();
  } catch (err) {
    if (err.name === "AbortError") return;
    clear(view,
      h("a", { href: stateUrl({ ...state, article: "" }), class: "back", onclick: (e) => { e.preventDefault(); go({ ...state, article: "" }); } }, "← समयरेखा पर लौटें"),
      errorBox(err, () => loadArticle(signal)));
    setStatus(`लेख लोड नहीं हो सका: ${err.message}`);
  } finally {
    if (!signal.aborted) busy(view, false);
  }
}

async function loadStory(signal) {
  const view = $("story-view");
  busy(view, true);
  clear(view, h("p", { class: "loading-text" }, "कहानी लोड हो रही है…"));
  const home = () => go({ ...state, story: "" });
  try {
    const story = await api.story(state.story, { signal });
    renderStory(view, story, {
      backHref: stateUrl({ ...state, story: "" }), onBack: home, onFilter: setFilter, articleHref,
    });
    document.title = `कहानी #${story.id} — तथ्य`;
    setStatus(`कहानी #${story.id}: ${story.size} रिपोर्ट, ${story.outlets.length} स्रोत, पहली बार ${story.first_seen}`);
    $("story-heading")?.focus?.();
  } catch (err) {
    if (err.name === "AbortError") return;
    clear(view,
      h("a", { href: stateUrl({ ...state, story: "" }), class: "back", onclick: (e) => { e.preventDefault(); home(); } }, "← समयरेखा पर लौटें"),
      errorBox(err, () => loadStory(signal)));
    setStatus(`कहानी लोड नहीं हो सकी: ${err.message}`);
  } finally {
    if (!signal.aborted) busy(view, false);
  }
}

// New claims show up live: /v1/stream with the same filters; each event schedules one reload of
// the panels, so a burst (an article's claims arrive together) reloads once. EventSource resumes
// with Last-Event-ID by itself after a dropped connection.
function watchLive() {
  const key = state.article || state.story ? null : api.streamKey(state);
  if (key === liveKey) return;
  live?.close();
  live = null;
  liveKey = key;
  if (key === null) return;
  live = api.stream(state);
  if (!live) return;
  const onEvent = () => {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => {
      rendered = null;
      render();
    }, 1500);
  };
  live.addEventListener("claim.created", onEvent);
  live.addEventListener("claim.updated", onEvent);
}

function render() {
  const key = stateUrl(state);
  if (rendered === key) return;
  rendered = key;
  watchLive();
  controller?.abort();
  document.querySelectorAll('[aria-busy="true"]').forEach((el) => busy(el, false));
  controller = new AbortController();
  const { signal } = controller;
  const articleMode = Boolean(state.article);
  const storyMode = !articleMode && Boolean(state.story);
  $("article-view").hidden = !articleMode;
  $("story-view").hidden = !storyMode;
  $("overview").hidden = articleMode || storyMode;
  if (articleMode) {
    loadArticle(signal);
    return;
  }
  if (storyMode) {
    loadStory(signal);
    return;
  }
  document.title = state.speaker || state.q || state.place
    ? `${state.speaker || state.q || state.place} — तथ्य` : "तथ्य — किसने क्या कहा, कब और कहाँ";
  if (state.from && state.to && state.from > state.to) {
    const err = new Error("“से” की तिथि “तक” की तिथि के बाद नहीं हो सकती।");
    for (const id of ["timeline", "chart", "places"]) clear($(id), errorBox(err));
    clear($("map"));
    $("timeline-more").hidden = true;
    setStatus(err.message);
    return;
  }
  setStatus("लोड हो रहा है…");
  loadTimeline(signal);
  loadChart(signal);
  loadPlaces(signal);
}

function init() {
  const select = form.elements.verb_class;
  for (const [value, label] of Object.entries(VERB_CLASSES)) select.append(h("option", { value }, label));
  fillForm();

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go(formState());
  });
  form.elements.group.addEventListener("change", () => go({ ...state, group: form.elements.group.value }));
  form.elements.verb_class.addEventListener("change", () => go(formState()));
  form.elements.order.addEventListener("change", () => go({ ...state, order: form.elements.order.value }));
  $("f-reset").addEventListener("click", () => go({ group: state.group, order: state.order }));
  $("home-link").addEventListener("click", (e) => { e.preventDefault(); go({}); });
  $("timeline-more").addEventListener("click", () => loadTimeline(controller.signal, { more: true }));

  // Source-article links: same page, new state (a plain link still works without JS).
  $("timeline").addEventListener("click", (e) => {
    const link = e.target.closest("a.source-link[data-article], a.story-link[data-story]");
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    const story = link.dataset.story || "";
    state = { ...state, article: story ? "" : link.dataset.article, story };
    window.history.pushState(null, "", link.getAttribute("href"));
    render();
  });
  window.addEventListener("popstate", () => {
    state = readState();
    fillForm();
    render();
  });

  const pickerError = (err) => setStatus(`सुझाव लोड नहीं हो सके: ${err.message}`);
  entityPicker(form.elements.speaker, $("speaker-options"), "person", pickerError).load("");
  entityPicker(form.elements.place, $("place-options"), "place", pickerError).load("");
  render();
}

init();
