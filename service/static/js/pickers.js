// Speaker and place pickers: <datalist> suggestions from /v1/entities, aliases included.
// The filter itself takes a name or any alias (the API folds spelling variants).

import { api } from "./api.js";
import { h } from "./dom.js";

const DETAIL_LIMIT = 8; // aliases are fetched for the first few matches only

function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

async function withAliases(items, signal) {
  const head = items.slice(0, DETAIL_LIMIT);
  const details = await Promise.all(head.map((e) => api.entity(e.id, { signal }).catch(() => e)));
  return [...details, ...items.slice(DETAIL_LIMIT)];
}

function fill(datalist, entities, describe) {
  const seen = new Set();
  const options = [];
  for (const e of entities) {
    if (seen.has(e.name)) continue;
    seen.add(e.name);
    options.push(h("option", { value: e.name, label: describe(e) }));
  }
  // Aliases are offered too: picking one filters by the same entity.
  for (const e of entities) {
    for (const alias of e.aliases || []) {
      if (seen.has(alias)) continue;
      seen.add(alias);
      options.push(h("option", { value: alias, label: `→ ${e.name}` }));
    }
  }
  datalist.replaceChildren(...options);
}

export function entityPicker(input, datalist, kind, onError) {
  const describe = kind === "place"
    ? (e) => [e.country, e.aliases?.length ? `उपनाम: ${e.aliases.join(", ")}` : ""].filter(Boolean).join(" · ")
    : (e) => (e.aliases?.length ? `उपनाम: ${e.aliases.filter((a) => a !== e.name).join(", ")}` : "");
  let controller = null;

  async function load(q) {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    try {
      const page = await api.entities({ kind, q: q || undefined, limit: q ? 20 : 200 }, { signal });
      const items = q ? await withAliases(page.items, signal) : page.items;
      if (!signal.aborted) fill(datalist, items, describe);
      input.removeAttribute("aria-invalid");
    } catch (err) {
      if (err.name !== "AbortError") onError?.(err);
    }
  }

  input.addEventListener("input", debounce(() => load(input.value.trim()), 250));
  input.addEventListener("focus", () => { if (!datalist.children.length) load(input.value.trim()); }, { once: true });
  return { load };
}
