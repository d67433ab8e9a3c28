// Tiny DOM helpers: every piece of data goes in as text, never as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// A visible error box for one panel (role=alert so screen readers announce it).
export function errorBox(error, retry) {
  const box = h("div", { class: "error", role: "alert" },
    h("strong", {}, "त्रुटि: "), error?.message || String(error));
  if (error?.requestId) box.append(h("small", { class: "request-id" }, ` (request ${error.requestId})`));
  if (retry) box.append(" ", h("button", { type: "button", onclick: retry }, "फिर से कोशिश करें"));
  return box;
}

export function emptyBox(text) {
  return h("p", { class: "empty" }, text);
}
