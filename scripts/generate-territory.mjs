#!/usr/bin/env node
// A seeded generator of realistic territory workspaces, for benchmarks and scale tests:
//   npm run gen -- --size S|M|L|XL --out DIR [--seed N]
// S 300 actors / 1,200 ties; M 2,000 / 10,000; L 15,500 / 60,000 over 8 province files;
// XL 50,000 / 250,000 over 40 files. Zones (provinces and communes), community structure
// (most ties inside a commune or province, a few across, hubs), stances on ~40 interests,
// workshops, dialogues and commitments. The same seed always writes the same files, and
// they check with no error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

export const SIZES = {
    S: { actors: 300, ties: 1200, files: 2 },
    M: { actors: 2000, ties: 10000, files: 4 },
    L: { actors: 15500, ties: 60000, files: 8 },
    XL: { actors: 50000, ties: 250000, files: 40 }
};

const KINDS = ['association', 'cooperative', 'elected', 'civilServant', 'youth', 'enterprise', 'agency', 'ngo', 'donor', 'resident', 'media', 'university', 'coach'];
const KIND_WEIGHTS = [24, 18, 8, 8, 12, 10, 4, 5, 2, 5, 2, 1, 1];
const POSITIVE = ['collaboration', 'trust', 'information', 'advice', 'funding', 'membership', 'authority'];
const POSITIVE_WEIGHTS = [34, 14, 16, 12, 8, 8, 8];
const DIRECTED = new Set(['information', 'advice', 'funding', 'membership', 'authority', 'influence', 'rejection']);
const PROVINCES = ['OujdaAngad', 'Berkane', 'Nador', 'Driouch', 'Taourirt', 'Jerada', 'Guercif', 'Figuig'];
const THEMES = ['Eau', 'Emploi', 'Jeunes', 'Femmes', 'Tourisme', 'Peche', 'Agrumes', 'Olive', 'Dattes', 'Routes', 'Numerique', 'Formation', 'Sante', 'Ecoles', 'Environnement', 'Artisanat', 'Culture', 'Sport', 'Logement', 'Energie'];
const TITLE_WORDS = { association: 'Association', cooperative: 'Coopérative', elected: 'Commune', civilServant: 'Délégation', youth: 'Jeunes', enterprise: 'Société', agency: 'Agence', ngo: 'ONG', donor: 'Fonds', resident: 'Habitants', media: 'Radio', university: 'Université', coach: 'Coach' };

/** mulberry32: small, fast, good enough for generating test data. */
function random(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function pick(rng, list, weights) {
    if (!weights) return list[Math.floor(rng() * list.length)];
    const total = weights.reduce((a, b) => a + b, 0);
    let r = rng() * total;
    for (let i = 0; i < list.length; i++) {
        r -= weights[i];
        if (r < 0) return list[i];
    }
    return list[list.length - 1];
}

export function generate(size, seed = 1) {
    const spec = SIZES[size];
    if (!spec) throw new Error(`unknown size '${size}' (S, M, L or XL)`);
    const rng = random(seed);
    const fileCount = spec.files;
    const provinceNames = Array.from({ length: fileCount }, (_, i) => (i < PROVINCES.length ? PROVINCES[i] : `${PROVINCES[i % PROVINCES.length]}${Math.floor(i / PROVINCES.length) + 1}`));
    const communesPerProvince = Math.max(3, Math.round(spec.actors / fileCount / 60));
    const interests = Array.from({ length: 40 }, (_, i) => `Interet${THEMES[i % THEMES.length]}${Math.floor(i / THEMES.length) + 1}`);

    // Actors, by province and commune: a community structure the analysis can find.
    const actors = [];
    for (let i = 0; i < spec.actors; i++) {
        const province = Math.floor((i / spec.actors) * fileCount);
        const commune = Math.floor(rng() * communesPerProvince);
        const kind = pick(rng, KINDS, KIND_WEIGHTS);
        const positions = [];
        const count = Math.floor(rng() * 4);
        const favourite = (province * 5 + commune) % interests.length;
        for (let k = 0; k < count; k++) {
            const interest = k === 0 ? favourite : Math.floor(rng() * interests.length);
            if (positions.some(p => p.interest === interest)) continue;
            positions.push({ interest, supports: rng() < 0.78, intensity: 1 + Math.floor(rng() * 4) });
        }
        actors.push({ name: `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${i}`, kind, province, commune, positions, power: Math.floor(rng() * 6) });
    }
    const byCommune = new Map();
    const byProvince = new Map();
    actors.forEach((actor, i) => {
        const key = `${actor.province}:${actor.commune}`;
        if (!byCommune.has(key)) byCommune.set(key, []);
        byCommune.get(key).push(i);
        if (!byProvince.has(actor.province)) byProvince.set(actor.province, []);
        byProvince.get(actor.province).push(i);
    });
    // A few hubs per province (councils, agencies) collect many ties.
    const hubs = new Map([...byProvince].map(([province, members]) => [province, members.filter((_, j) => j % 97 === 0)]));

    const ties = [];
    const seen = new Set();
    let attempts = 0;
    while (ties.length < spec.ties && attempts < spec.ties * 20) {
        attempts++;
        const a = Math.floor(rng() * spec.actors);
        const actor = actors[a];
        const r = rng();
        let pool;
        if (r < 0.62) pool = byCommune.get(`${actor.province}:${actor.commune}`);
        else if (r < 0.86) pool = byProvince.get(actor.province);
        else if (r < 0.95) pool = hubs.get(actor.province);
        else pool = hubs.get(Math.floor(rng() * fileCount));
        const b = pool[Math.floor(rng() * pool.length)];
        if (b === undefined || a === b) continue;
        const negative = rng() < 0.04;
        const influence = !negative && rng() < 0.03;
        const relation = negative ? (rng() < 0.6 ? 'conflict' : 'rejection') : influence ? 'influence' : pick(rng, POSITIVE, POSITIVE_WEIGHTS);
        const key = `${Math.min(a, b)}-${Math.max(a, b)}-${relation}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ties.push({ a, b, relation, weight: 1 + Math.floor(rng() * 5) });
    }

    const files = new Map();
    const region = [
        '// Generated territory (scripts/generate-territory.mjs): zones, interests, workshops, dialogues.',
        `territory Region "Région générée (${size})" {`,
        `  population ${spec.actors * 120}`,
        '  asOf 2024-06-30',
        '}',
        ''
    ];
    provinceNames.forEach((province, p) => {
        region.push(`zone ${province} "Province ${province}" in Region {`);
        for (let c = 0; c < communesPerProvince; c++) region.push(`  zone ${province}C${c} "Commune ${c} de ${province}"`);
        region.push('}');
    });
    region.push('');
    interests.forEach((interest, i) => region.push(`interest ${interest} "Intérêt ${i + 1}" { sdg ${1 + (i % 17)} }`));
    region.push('');
    // Workshops and dialogues in each province, with commitments in every status.
    const statuses = ['proposed', 'agreed', 'ongoing', 'done', 'dropped'];
    provinceNames.forEach((province, p) => {
        const members = byProvince.get(p);
        const participants = members.filter((_, j) => j % 37 === 0).slice(0, 25).map(i => actors[i].name);
        if (participants.length < 2) return;
        const interest = interests[(p * 3) % interests.length];
        region.push(`workshop Atelier${province} "Atelier de synergie — ${province}" on 2024-0${1 + (p % 5)}-1${p % 9} in ${province} {`);
        region.push(`  participants ${participants.join(', ')}`);
        region.push(`  about ${interest}`);
        region.push('}');
        const parties = participants.slice(0, 6);
        region.push(`dialogue Dialogue${province} "Dialogue structuré — ${province}" on 2024-0${6 + (p % 3)}-20 {`);
        region.push(`  about ${interest}`);
        region.push(`  parties ${parties.join(', ')}`);
        region.push(`  from Atelier${province}`);
        parties.forEach((party, k) => {
            const status = statuses[(p + k) % statuses.length];
            const due = `2024-${String(1 + ((p + k) % 12)).padStart(2, '0')}-15`;
            region.push(`  commitment Engagement${k}: ${party} commits "Engagement ${k + 1}" due ${due} status ${status}`);
        });
        region.push('}');
    });
    files.set('region.territory', region);

    provinceNames.forEach((province, p) => {
        const lines = [`// Actors and ties of ${province} (generated).`, ''];
        for (const i of byProvince.get(p)) {
            const actor = actors[i];
            lines.push(`actor ${actor.name} "${TITLE_WORDS[actor.kind]} ${actor.name.replace(/\D+/, '')} de ${province}" {`);
            lines.push(`  kind ${actor.kind}`);
            lines.push(`  zone ${province}C${actor.commune}`);
            lines.push(`  power ${actor.power}`);
            for (const position of actor.positions) {
                lines.push(`  ${position.supports ? 'supports' : 'opposes'} ${interests[position.interest]} ${position.intensity}`);
            }
            lines.push('}');
        }
        lines.push('');
        files.set(`${province.toLowerCase()}.territory`, lines);
    });
    for (const tie of ties) {
        const a = actors[tie.a];
        const b = actors[tie.b];
        const arrow = DIRECTED.has(tie.relation) ? '->' : '--';
        // A tie lives in the file of its first actor's province.
        files.get(`${provinceNames[a.province].toLowerCase()}.territory`).push(`tie ${a.name} ${arrow} ${b.name} ${tie.relation} ${tie.weight}`);
    }
    return { files, actors: actors.length, ties: ties.length };
}

function main() {
    const { values } = parseArgs({ options: { size: { type: 'string', default: 'S' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
    if (!values.out) {
        process.stderr.write('usage: npm run gen -- --size S|M|L|XL --out DIR [--seed N]\n');
        process.exit(2);
    }
    const { files, actors, ties } = generate(values.size, Number(values.seed));
    fs.mkdirSync(values.out, { recursive: true });
    for (const [name, lines] of files) fs.writeFileSync(path.join(values.out, name), lines.join('\n') + '\n');
    process.stdout.write(`${values.out}: ${files.size} files, ${actors} actors, ${ties} ties\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
