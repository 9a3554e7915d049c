// Maps of Placement: Leaflet with the départements' outlines as background (no tile server needed),
// markers with popups (clustered when many), a person's home, travel radius and exclusion zones.
// Each <div data-carte="id"> reads its content from <script type="application/json" id="id">.
const outlines = new Map();

async function fetchJson(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
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
  const map = L.map(element, { zoomSnap: 0.5, attributionControl: true }).setView([46.6, 2.4], 6);
  const settings = await fetchJson("/carte/reglages");
  if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: settings.attribution ?? "" }).addTo(map);
  const key = (data.departements ?? []).join(",");
  if (!outlines.has(key)) outlines.set(key, fetchJson(`/carte/departements?codes=${encodeURIComponent(key)}`));
  const background = L.geoJSON(await outlines.get(key), {
    style: { color: "#6a6af4", weight: 1, fillColor: "#f5f5fe", fillOpacity: settings.tileUrl ? 0 : 1 },
    onEachFeature: (feature, layer) => layer.bindTooltip(`${feature.properties.name} (${feature.properties.code})`, { sticky: true }),
  }).addTo(map);
  const bounds = L.latLngBounds([]);
  for (const zone of data.zones ?? []) {
    const layer = L.geoJSON(zone, { style: { color: "#ce0500", weight: 2, fillOpacity: 0.25 } })
      .bindTooltip("Zone d'interdiction de paraître").addTo(map);
    bounds.extend(layer.getBounds());
  }
  if (data.home) {
    const home = L.latLng(data.home.lat, data.home.lon);
    L.circleMarker(home, { radius: 8, color: "#000091", fillColor: "#000091", fillOpacity: 1 })
      .bindPopup(popup([{ text: data.home.label ?? "Domicile", strong: true }])).addTo(map);
    bounds.extend(home);
    if (data.radiusKm) {
      L.circle(home, { radius: data.radiusKm * 1000, color: "#000091", weight: 1, dashArray: "4", fillOpacity: 0.04 })
        .bindTooltip(`Distance maximale : ${data.radiusKm} km`).addTo(map);
      bounds.extend(home.toBounds(data.radiusKm * 2000));
    }
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
  map.fitBounds(bounds.isValid() ? bounds.pad(0.15) : background.getBounds(), { maxZoom: 13 });
  element.dataset.ready = "true";
  element.dataset.markers = String(markers.length);
}

for (const element of document.querySelectorAll("[data-carte]")) {
  draw(element).catch((error) => {
    element.textContent = "La carte n'a pas pu être affichée.";
    console.error(error);
  });
}
