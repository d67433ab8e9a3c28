// The public /v1 API, and nothing else.

export class ApiError extends Error {
  constructor(message, status, requestId) {
    super(message);
    this.status = status;
    this.requestId = requestId;
  }
}

// Only the filters each endpoint documents; empty values are left out.
export const FILTER_KEYS = ["q", "speaker", "place", "from", "to", "verb_class"];

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function getJson(path, params = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch(path + query(params), { headers: { Accept: "application/json" }, signal });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(`सर्वर से संपर्क नहीं हो सका (${err.message})`, 0, null);
  }
  const requestId = response.headers.get("X-Request-ID");
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    let message = body?.message || `HTTP ${response.status}`;
    const fields = body?.errors?.query;
    if (fields) message += " — " + Object.entries(fields).map(([k, v]) => `${k}: ${[].concat(v).join(", ")}`).join("; ");
    throw new ApiError(message, response.status, requestId);
  }
  if (body === null) throw new ApiError("सर्वर का उत्तर JSON नहीं है", response.status, requestId);
  return body;
}

const pick = (filters) => Object.fromEntries(FILTER_KEYS.map((k) => [k, filters[k]]));

export const api = {
  // One entry per story ("N reports"), its story's reports and outlets on it.
  timeline: (filters, { group, order, cursor, limit = 100 }, opts) =>
    getJson("/v1/timeline", { ...pick(filters), group, order, cursor, limit, collapse: "story" }, opts),
  story: (id, opts) => getJson(`/v1/stories/${encodeURIComponent(id)}`, {}, opts),
  stats: (filters, { group }, opts) => getJson("/v1/stats/claims", { ...pick(filters), group }, opts),
  places: (filters, opts) => getJson("/v1/places.geojson", pick(filters), opts),
  entities: (params, opts) => getJson("/v1/entities", params, opts),
  entity: (id, opts) => getJson(`/v1/entities/${encodeURIComponent(id)}`, {}, opts),
  article: (id, opts) => getJson(`/v1/articles/${encodeURIComponent(id)}`, {}, opts),
  // Server-sent claim events for these filters (null where the browser has no EventSource).
  stream: (filters) => (typeof EventSource === "undefined" ? null : new EventSource("/v1/stream" + query(pick(filters)))),
  streamKey: (filters) => query(pick(filters)),
};
