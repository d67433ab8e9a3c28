// Places panel: an SVG world map with one point per place, and a table of places.

import { h, svg } from "./dom.js";
import { coords, number } from "./format.js";

// Shipped with the page (plate carrée, viewBox -180 -90 360 180: x = lon, y = -lat).
const WORLD_SVG = new URL("../world.svg", import.meta.url).pathname;

export function renderPlaces(mapEl, listEl, geojson, { onFilter, selected }) {
  const features = (geojson.features || []).filter((f) => f.geometry?.type === "Point");
  const max = Math.max(1, ...features.map((f) => f.properties.claim_count || 0));
  const radius = (n) => 1.6 + 5 * Math.sqrt((n || 0) / max);

  const map = svg("svg", {
    viewBox: "-180 -90 360 180", class: "world", role: "group",
    "aria-label": `मानचित्र: ${features.length} स्थान`,
  }, svg("image", { href: WORLD_SVG, x: -180, y: -90, width: 360, height: 180, preserveAspectRatio: "none" }));
  // Biggest first, so small points stay on top and clickable.
  for (const f of [...features].sort((a, b) => b.properties.claim_count - a.properties.claim_count)) {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const label = `${p.name}${p.country ? ` (${p.country})` : ""}: ${number(p.claim_count)} दावे · ${coords(lat, lon)}`;
    const dot = svg("circle", {
      cx: lon, cy: -lat, r: radius(p.claim_count),
      class: `point${selected && (selected === p.name || selected === String(p.id)) ? " selected" : ""}`,
      tabindex: 0, role: "button", "aria-label": label, "data-place": p.name,
    }, svg("title", {}, label));
    const pick = () => onFilter("place", p.name);
    dot.addEventListener("click", pick);
    dot.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    map.append(dot);
  }
  mapEl.replaceChildren(map);

  if (!features.length) {
    listEl.replaceChildren(h("p", { class: "empty" }, "इन फ़िल्टरों पर निर्देशांक वाला कोई स्थान नहीं।"));
    return;
  }
  listEl.replaceChildren(h("table", { class: "places-table" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "स्थान"), h("th", { scope: "col" }, "देश"),
      h("th", { scope: "col", class: "num" }, "दावे"), h("th", { scope: "col" }, "निर्देशांक"))),
    h("tbody", {}, features.map((f) => {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      return h("tr", { dataset: { placeId: p.id } },
        h("td", {}, h("button", { type: "button", class: "linklike", onclick: () => onFilter("place", p.name), title: `केवल ${p.name} के दावे` }, p.name)),
        h("td", {}, p.country || "—"),
        h("td", { class: "num" }, number(p.claim_count)),
        h("td", { class: "coords" }, coords(lat, lon)));
    }))));
}
