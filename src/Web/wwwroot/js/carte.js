// Maps of Placement: Leaflet with the départements' outlines as background (no tile server needed),
// markers with popups (clustered when many), a person's home, travel radius and exclusion zones.
// Each <div data-carte="id"> reads its content from <script type="application/json" id="id">.
let outlines; // one request per page, however many maps it has

async function fetchJson(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// Text from data goes into the map as text, never as markup: Leaflet reads a string as HTML, so every tooltip
// and popup gets an element whose textContent is set.
function text(value) {
  const span = document.createElement("span");
  span.textContent = String(value);
  return span;
}

function popup(lines) {
  const box = document.createElement("div");
  for (const line of lines) {
    if (line.href) {
      const a = document.createElement("a");
      a.href = line.href;
      a.textContent = line.text;
      box.append(a);
    } else {
      const p = document.createElement(line.strong ? "strong" : "span");
      p.textContent = line.text;
      box.append(p);
    }
    box.append(document.createElement("br"));
  }
  return box;
}

async function draw(element) {
  const data = JSON.parse(document.getElementById(element.dataset.carte).textContent);
  const map = L.map(element, { zoomSnap: 0.5, maxZoom: 18, attributionControl: true }).setView([46.6, 2.4], 6);
  const settings = await fetchJson("/carte/reglages");
  if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: settings.attribution ?? "" }).addTo(map);
  // Every département is drawn (neighbours included); the view starts on those of the map's content.
  outlines ??= fetchJson("/carte/departements");
  const all = await outlines;
  const own = new Set(data.departements ?? []);
  const background = L.geoJSON(all, {
    style: { color: "#6a6af4", weight: 1, fillColor: "#f5f5fe", fillOpacity: settings.tileUrl ? 0 : 1 },
    onEachFeature: (feature, layer) => layer.bindTooltip(text(`${feature.properties.name} (${feature.properties.code})`), { sticky: true }),
  }).addTo(map);
  const bounds = L.latLngBounds([]);
  for (const zone of data.zones ?? []) {
    const layer = L.geoJSON(zone, { style: { color: "#ce0500", weight: 2, fillOpacity: 0.25 } })
      .bindTooltip(text("Zone d'interdiction de paraître")).addTo(map);
    bounds.extend(layer.getBounds());
  }
  if (data.home) {
    const home = L.latLng(data.home.lat, data.home.lon);
    L.circleMarker(home, { radius: 8, color: "#000091", fillColor: "#000091", fillOpacity: 1 })
      .bindPopup(popup([{ text: data.home.label ?? "Domicile", strong: true }])).addTo(map);
    bounds.extend(home);
    if (data.radiusKm) {
      L.circle(home, { radius: data.radiusKm * 1000, color: "#000091", weight: 1, dashArray: "4", fillOpacity: 0.04 })
        .bindTooltip(text(`Distance maximale : ${data.radiusKm} km`)).addTo(map);
      bounds.extend(home.toBounds(data.radiusKm * 2000));
    }
  }
  // Proposals: a line from the person's home (a small dot) to the post.
  for (const link of data.links ?? []) {
    const from = L.latLng(link.fromLat, link.fromLon);
    const to = L.latLng(link.toLat, link.toLon);
    L.polyline([from, to], { color: "#000091", weight: 2, opacity: 0.7 }).bindTooltip(text(link.label), { sticky: true }).addTo(map);
    L.circleMarker(from, { radius: 4, color: "#000091", fillColor: "#ffffff", fillOpacity: 1, weight: 2 }).bindTooltip(text(link.label)).addTo(map);
    bounds.extend(from);
    bounds.extend(to);
  }
  // Areas (where posts are missing): a red circle whose area follows the number of persons, with its count written on it.
  for (const area of data.areas ?? []) {
    const at = L.latLng(area.lat, area.lon);
    L.circleMarker(at, { radius: 8 + 6 * Math.sqrt(area.count), color: "#ce0500", weight: 1, fillColor: "#ce0500", fillOpacity: 0.35 })
      .bindPopup(popup([{ text: area.title, strong: true }, ...area.lines.map((t) => ({ text: t }))]))
      .bindTooltip(text(area.count), { permanent: true, direction: "center", className: "placement-map__count" })
      .addTo(map);
    bounds.extend(at);
  }
  const markers = data.markers ?? [];
  const group = markers.length > 40 && L.markerClusterGroup ? L.markerClusterGroup({ showCoverageOnHover: false }) : L.featureGroup();
  for (const m of markers) {
    const marker = L.marker([m.lat, m.lon], { title: m.title, alt: m.title });
    marker.bindPopup(popup([{ text: m.title, strong: true }, ...(m.lines ?? []).map((t) => ({ text: t })), ...(m.href ? [{ text: "Voir le poste", href: m.href }] : [])]));
    group.addLayer(marker);
  }
  group.addTo(map);
  if (markers.length) bounds.extend(L.latLngBounds(markers.map((m) => [m.lat, m.lon])));
  if (data.pin || data.moveInto) movablePin(map, element, data);
  if (data.pin) bounds.extend(L.latLng(data.pin.lat, data.pin.lon).toBounds(3000));
  const home = L.geoJSON({ type: "FeatureCollection", features: all.features.filter((f) => own.has(f.properties.code)) });
  map.fitBounds(bounds.isValid() ? bounds.pad(0.15) : (own.size ? home : background).getBounds(), { maxZoom: 13, animate: false });
  if (data.drawInto) drawZones(map, element, document.getElementById(data.drawInto));
  element.dataset.ready = "true";
  element.dataset.markers = String(markers.length);
}

// A place's pin: where the address was geocoded; when the map writes into fields, the user drags the pin (or clicks the
// map) to put it where the place really is, and the fields say it was moved by hand.
function movablePin(map, element, data) {
  const fields = data.moveInto && {
    lat: document.getElementById(data.moveInto.lat),
    lon: document.getElementById(data.moveInto.lon),
    moved: document.getElementById(data.moveInto.moved),
  };
  const label = data.pin?.label ?? "Emplacement du poste";
  const pin = L.marker(data.pin ? [data.pin.lat, data.pin.lon] : [0, 0], { draggable: Boolean(fields), title: label, alt: label });
  if (data.pin) pin.addTo(map);
  if (!fields) return;
  const status = Object.assign(document.createElement("p"), { className: "fr-text--sm fr-mb-0 fr-mt-1w" });
  status.setAttribute("aria-live", "polite");
  status.textContent = data.pin ? "Le repère montre l'emplacement trouvé pour l'adresse ; faites-le glisser (ou cliquez sur la carte) s'il n'est pas au bon endroit."
    : "Cliquez sur la carte pour placer le poste, ou laissez l'adresse le situer à l'enregistrement.";
  element.after(status);
  const put = (latlng) => {
    pin.setLatLng(latlng).addTo(map);
    fields.lat.value = latlng.lat.toFixed(6);
    fields.lon.value = latlng.lng.toFixed(6);
    fields.moved.value = "true";
    element.dataset.pin = `${fields.lat.value},${fields.lon.value}`;
    status.textContent = `Repère placé (${latlng.lat.toFixed(5)}, ${latlng.lng.toFixed(5)}) : cet emplacement sera enregistré avec le poste.`;
  };
  pin.on("dragend", () => put(pin.getLatLng()));
  map.on("click", (event) => put(event.latlng));
}

// Drawing an exclusion zone: click the map to place its corners, then « Terminer la zone » adds the polygon to
// the GeoJSON field (which stays the way to type or paste zones without a mouse).
function drawZones(map, element, field) {
  if (!field) return;
  const corners = [];
  let outline = null;
  const bar = document.createElement("div");
  bar.className = "fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w";
  const finish = Object.assign(document.createElement("button"), { type: "button", className: "fr-btn fr-btn--sm", textContent: "Terminer la zone", disabled: true });
  const cancel = Object.assign(document.createElement("button"), { type: "button", className: "fr-btn fr-btn--sm fr-btn--secondary", textContent: "Effacer le tracé", disabled: true });
  const status = Object.assign(document.createElement("p"), { className: "fr-text--sm fr-mb-0" });
  status.setAttribute("aria-live", "polite");
  status.textContent = "Pour dessiner une zone, cliquez sur la carte pour en placer les coins.";
  bar.append(finish, cancel);
  element.after(bar, status);
  const redraw = () => {
    if (outline) outline.remove();
    outline = corners.length ? L.polygon(corners, { color: "#ce0500", dashArray: "4" }).addTo(map) : null;
    finish.disabled = corners.length < 3;
    cancel.disabled = corners.length === 0;
    status.textContent = corners.length ? `${corners.length} coin(s) placé(s) ; trois au moins pour une zone.` : "Pour dessiner une zone, cliquez sur la carte pour en placer les coins.";
  };
  map.on("click", (event) => { corners.push(event.latlng); redraw(); });
  cancel.addEventListener("click", () => { corners.length = 0; redraw(); });
  finish.addEventListener("click", () => {
    const ring = corners.map((c) => [Number(c.lng.toFixed(6)), Number(c.lat.toFixed(6))]);
    ring.push(ring[0]);
    let zones = [];
    try {
      const current = field.value.trim() ? JSON.parse(field.value) : [];
      zones = Array.isArray(current) ? current : current.features ? current.features.map((f) => f.geometry) : [current];
    } catch {
      zones = [];
    }
    zones.push({ type: "Polygon", coordinates: [ring] });
    field.value = JSON.stringify(zones);
    L.geoJSON(zones.at(-1), { style: { color: "#ce0500", weight: 2, fillOpacity: 0.25 } }).addTo(map);
    corners.length = 0;
    redraw();
    status.textContent = "Zone ajoutée au champ GeoJSON ; enregistrez le dossier pour la garder.";
  });
}

for (const element of document.querySelectorAll("[data-carte]")) {
  draw(element).catch((error) => {
    element.textContent = "La carte n'a pas pu être affichée.";
    console.error(error);
  });
}
