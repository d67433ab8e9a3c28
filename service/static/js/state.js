// The page state lives in the URL query string, so every view is a shareable link.

import { FILTER_KEYS } from "./api.js";

export const GROUPS = ["day", "week", "month"];
const KEYS = [...FILTER_KEYS, "group", "order", "article", "story"];

export function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of KEYS) state[key] = (params.get(key) || "").trim();
  if (!GROUPS.includes(state.group)) state.group = "day";
  if (state.order !== "desc") state.order = "asc";
  if (!/^\d+$/.test(state.article)) state.article = "";
  if (!/^\d+$/.test(state.story)) state.story = "";
  return state;
}

export function stateUrl(state) {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (!value || (key === "group" && value === "day") || (key === "order" && value === "asc")) continue;
    params.set(key, value);
  }
  const text = params.toString();
  return window.location.pathname + (text ? `?${text}` : "");
}

export function navigate(state, { replace = false } = {}) {
  const url = stateUrl(state);
  if (url === window.location.pathname + window.location.search) return false;
  window.history[replace ? "replaceState" : "pushState"](null, "", url);
  return true;
}
