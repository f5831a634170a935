import type { ActorData, AnalysisResult, BrokerageRoles, TerritoryModel } from '@territory/analysis';
import { compareNames } from '@territory/analysis';
import { ALGORITHM_LIMITS, groupColours, LIGHT_THEME, relationColours } from '@territory/sociogram';
import type { Html, HtmlValue } from './html.js';
import { html, join, trusted } from './html.js';
import type { Picture } from './picture.js';
import { REPORT_CSS } from './style.js';
import type { SectionId, Words } from './words.js';

/** Everything the report shows: the model, its analysis, the picture, and what the AST adds. */
export interface ReportInput {
    readonly model: TerritoryModel;
    readonly result: AnalysisResult;
    readonly words: Words;
    /** The territory's title, or --title. */
    readonly title: string;
    readonly territory?: { readonly description?: string; readonly population?: number };
    /** Whether the model gives its asOf date (otherwise the analysis used today's). */
    readonly asOfDeclared: boolean;
    readonly picture: Picture;
    /** The view drawn (--view), if any. */
    readonly view?: { readonly name: string; readonly title?: string };
    /** Titles of the kinds and relations (built-in ones included), by name. */
    readonly kinds: ReadonlyMap<string, string>;
    readonly relations: ReadonlyMap<string, string>;
    /** Dates and descriptions of the dialogues, by name. */
    readonly dialogues: ReadonlyMap<string, { readonly date?: string; readonly description?: string }>;
    /** How many synergy opportunities to list. */
    readonly top: number;
    /** The most opportunities the analysis listed: when it listed that many, there may be more. */
    readonly opportunitiesLimit: number;
    readonly files: number;
    readonly version: string;
}

const BROKERS = 10;
const MEMBERS_SHOWN = 60;
/** Pictures wider than this (in pixels, labels at 11 px) shrink to fit the page: the reader may show them at full size. */
const ZOOMABLE_WIDTH = 1000;
const ROLE_ORDER = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;

/** The report: one self-contained HTML document (inline style, inline SVG, no script, no request). */
export function buildReport(input: ReportInput): string {
    const { words: w, result } = input;
    const asOf = w.date(result.asOf);
    const labels = new Labels(input);
    const sections: Array<{ id: SectionId; body: Html }> = [
        { id: 'sociogram', body: sociogramSection(input, labels) },
        { id: 'opportunities', body: opportunitiesSection(input, labels) },
        { id: 'brokers', body: brokersSection(input, labels) },
        { id: 'isolates', body: isolatesSection(input, labels) },
        { id: 'communities', body: communitiesSection(input, labels) },
        { id: 'tensions', body: tensionsSection(input, labels) },
        { id: 'bridges', body: bridgesSection(input, labels) },
        { id: 'commitments', body: commitmentsSection(input, labels) },
        { id: 'about', body: aboutSection(input) }
    ];
    const page = html`<!DOCTYPE html>
<html lang="${w.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="Territory ${input.version}">
<title>${input.title} — ${asOf}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<div class="page">
<header class="cover">
<p class="kicker">${w.kicker}</p>
<h1 dir="auto">${input.title}</h1>
<p class="meta"><span class="as-of">${w.asOf(asOf)}</span>${input.territory?.population !== undefined ? html` · ${w.population(input.territory.population)}` : ''}</p>
${input.territory?.description ? html`<p class="description" dir="auto">${input.territory.description}</p>` : ''}
${input.asOfDeclared ? '' : html`<p class="note">${w.asOfToday}</p>`}
</header>
<nav class="contents" aria-label="${w.contents}"><strong>${w.contents}</strong>
<ol>${sections.map(section => html`<li><a href="#${section.id}">${w.sections[section.id]}</a></li>`)}</ol>
</nav>
${glanceSection(input, labels)}
${sections.map((section, i) => html`<section id="${section.id}" class="section-${section.id}">
<h2><span class="number">${i + 1}</span>${w.sections[section.id]}</h2>
${section.body}
</section>
`)}
<footer>${w.generatedBy(input.version, input.files)}</footer>
</div>
</body>
</html>
`;
    return page.text;
}

/** Actor, interest and zone labels: the titles the model gives, the names otherwise. */
class Labels {
    readonly actors: Map<string, ActorData>;
    private readonly interests: Map<string, string>;
    private readonly places: Map<string, { title?: string; parent?: string }>;
    private readonly kinds: ReadonlyMap<string, string>;
    private readonly relations: ReadonlyMap<string, string>;
    private readonly builtIn: Record<string, string>;

    constructor(input: ReportInput) {
        const { model } = input;
        this.actors = new Map(model.actors.map(actor => [actor.name, actor]));
        this.interests = new Map(model.interests.map(interest => [interest.name, interest.title ?? interest.name]));
        this.places = new Map(model.places.map(place => [place.name, place]));
        this.kinds = input.kinds;
        this.relations = input.relations;
        this.builtIn = input.words.builtInTitles ?? {};
    }

    kind(name: string | undefined): string | undefined {
        return name === undefined ? undefined : this.builtIn[name] ?? this.kinds.get(name) ?? name;
    }

    /** A relation's title without its explanation in brackets ("Rejection (a Moreno sociogram rejection)"). */
    relation(name: string): string {
        const title = this.builtIn[name] ?? this.relations.get(name) ?? name;
        return title.replace(/\s*\([^()]*\)\s*$/u, '') || title;
    }

    actorTitle(name: string): string {
        return this.actors.get(name)?.title ?? name;
    }

    /** For a table cell: the title, and the model's name below it. */
    actor(name: string): Html {
        const title = this.actors.get(name)?.title;
        return html`<span class="actor">${title ?? name}</span>${title && title !== name ? html`<span class="id">${name}</span>` : ''}`;
    }

    /** Within a sentence: isolated from the surrounding text's direction. */
    inline(name: string): Html {
        return html`<bdi class="actor">${this.actorTitle(name)}</bdi>`;
    }

    interest(name: string): string {
        return this.interests.get(name) ?? name;
    }

    interestList(names: readonly string[]): Html {
        return html`<ul class="tags">${names.map(name => html`<li dir="auto">${this.interest(name)}</li>`)}</ul>`;
    }

    interestsInline(names: readonly string[]): Html {
        return join(names.map(name => html`<bdi>${this.interest(name)}</bdi>`), ', ');
    }

    zone(name: string | undefined): string {
        return name === undefined ? '—' : this.places.get(name)?.title ?? name;
    }

    /** The province (the place just below the territory) a zone lies in; the territory for itself. */
    province(name: string | undefined): string | undefined {
        if (name === undefined) return undefined;
        let current = name;
        const seen = new Set<string>();
        for (;;) {
            const parent = this.places.get(current)?.parent;
            if (!parent || !this.places.get(parent)?.parent || seen.has(parent)) return current;
            seen.add(current);
            current = parent;
        }
    }
}

function glanceSection(input: ReportInput, labels: Labels): Html {
    const { words: w, result, model } = input;
    const { network } = result;
    const asOf = w.date(result.asOf);
    const commitments = model.dialogues.reduce((sum, dialogue) => sum + dialogue.commitments.length, 0);
    const overdue = result.commitments.overdue.length;
    const f = w.figures;
    const capped = result.opportunities.length >= input.opportunitiesLimit;
    const card = (id: string, [label, explanation]: [string, string], value: string, alert = false) =>
        html`<div class="figure-card${alert ? ' alert' : ''}" data-figure="${id}"><dt>${label}</dt><dd><span class="value">${value}</span>${explanation}</dd></div>`;
    const cards = [
        card('actors', f.actors, w.num(network.actors)),
        card('ties', f.ties, w.num(network.ties)),
        card('density', f.density, w.percent(network.density)),
        card('components', f.components, w.num(network.components)),
        card('communities', f.communities, w.num(network.communities)),
        card('modularity', f.modularity, network.modularity === null ? '—' : w.num(network.modularity)),
        card('balance', network.balance === null ? [f.balance[0], f.undefinedBalance] : f.balance, network.balance === null ? '—' : w.num(network.balance)),
        card('reciprocity', network.reciprocity === null ? [f.reciprocity[0], f.undefinedReciprocity] : f.reciprocity, network.reciprocity === null ? '—' : w.percent(network.reciprocity)),
        card('centralization', f.centralization, network.centralization === null ? '—' : w.num(network.centralization)),
        card('isolates', f.isolates, w.num(network.isolates.length)),
        card('opportunities', f.opportunities, `${w.num(result.opportunities.length)}${capped ? '+' : ''}`),
        card('overdue', [f.overdue[0], f.overdue[1](commitments, asOf)], w.num(overdue), overdue > 0)
    ];

    const points: Array<{ text: HtmlValue; alert?: boolean }> = [];
    points.push({ text: `${w.structure(network.actors, network.communities, network.modularity)} ${w.pieces(network.components, network.isolates.length)}` });
    const brokers = topBrokers(result);
    if (brokers.length) {
        const [first, second] = brokers;
        points.push({ text: w.mainBroker(labels.inline(first[0]), w.percent(first[1].betweenness ?? 0), second ? { who: labels.inline(second[0]), share: w.percent(second[1].betweenness ?? 0) } : undefined) });
    }
    const best = result.opportunities[0];
    if (best) {
        const introducers = best.introducers.slice(0, 2);
        points.push({ text: w.bestOpportunity(labels.inline(best.a), labels.inline(best.b), labels.interestsInline(best.interests), introducers.length ? join(introducers.map(name => labels.inline(name)), w.lang === 'fr' ? ' ou ' : ' or ') : undefined) });
    }
    if (network.isolates.length) {
        const shown = network.isolates.slice(0, 4).map(name => labels.inline(name));
        points.push({ text: w.isolatesPoint(network.isolates.length, html`${join(shown, ', ')}${network.isolates.length > 4 ? '…' : ''}`) });
    }
    if (result.tensions.length || result.bridges.length) points.push({ text: w.tensionsPoint(result.tensions.length, result.bridges.length) });
    points.push(overdue ? { text: w.overduePoint(overdue, asOf), alert: true } : { text: w.noOverduePoint(commitments) });

    return html`<section id="glance" class="glance">
<div class="key-points">
<h2>${w.keyPoints}</h2>
<ul>${points.map(point => html`<li${point.alert ? trusted(' class="alert"') : ''}>${point.text}</li>`)}</ul>
<p class="caution">${w.caution}</p>
</div>
<h2>${w.sections.glance}</h2>
<dl class="figures">${cards}</dl>
</section>
`;
}

function sociogramSection(input: ReportInput, labels: Labels): Html {
    const { words: w, picture } = input;
    const graph = picture.graph;
    const reading: HtmlValue[] = [];
    if (graph.aggregated) reading.push(w.aggregatedMeaning(input.result.network.actors, graph.nodes.length, graph.aggregated));
    else {
        reading.push(w.colourMeaning(graph.colorBy.kind, graph.colorBy.kind === 'stance' ? html`<bdi>${labels.interest(graph.colorBy.interest)}</bdi>` : undefined));
        reading.push(w.sizeMeaning(graph.sizeBy));
    }
    reading.push(w.linesMeaning);
    if (picture.opportunities) reading.push(w.opportunitiesMeaning(picture.opportunities, Math.min(input.top, input.result.opportunities.length)));
    if (graph.groups.length) reading.push(w.groupsMeaning);
    const { requested, used } = graph.layout;
    if (requested !== used && requested !== 'clusters') reading.push(w.layoutNote(requested, used, ALGORITHM_LIMITS[requested], graph.nodes.length));
    if (picture.width > ZOOMABLE_WIDTH) reading.push(w.zoomHint);
    const caption = input.view ? w.viewCaption(html`<bdi>${input.view.title ?? input.view.name}</bdi>`) : w.wholeModel;
    if (!graph.nodes.length) return html`<p class="intro">${w.sociogramIntro}</p><p class="none">${w.emptyView}</p>`;
    return html`<p class="intro">${w.sociogramIntro}</p>
<figure class="sociogram-figure">
<figcaption>${caption}</figcaption>
${legend(input, labels)}
${picture.width > ZOOMABLE_WIDTH ? html`<input type="checkbox" id="sociogram-zoom" class="zoom-toggle">
<label for="sociogram-zoom" class="zoom-label"><span class="when-fit">${w.zoomIn}</span><span class="when-full">${w.zoomOut}</span></label>
` : ''}<div class="canvas" style="--natural-width: ${Math.ceil(picture.width)}px">${trusted(picture.svg)}</div>
</figure>
<ul class="reading">${reading.map(item => html`<li>${item}</li>`)}</ul>`;
}

/** The picture's legend as HTML, readable at any scale (the SVG carries its own, drawn at the picture's scale). */
function legend(input: ReportInput, labels: Labels): Html {
    const { words: w, picture } = input;
    const graph = picture.graph;
    const colours = [...groupColours(graph, LIGHT_THEME)];
    const colourBy = graph.colorBy.kind === 'stance' ? html`${w.svgStrings.interests}: <bdi>${labels.interest(graph.colorBy.interest)}</bdi>` : w.svgStrings[graph.colorBy.kind];
    const groupLabel = (group: string): string => {
        if (graph.aggregated === 'zone' || graph.colorBy.kind === 'zone') return labels.zone(group === '—' ? undefined : group);
        if (graph.colorBy.kind === 'kind') return group === '—' ? '—' : labels.kind(group) ?? group;
        return w.groupWords[group] ?? group;
    };
    const line = (colour: string, dash?: string) => html`<svg class="line-swatch" width="26" height="10" aria-hidden="true"><line x1="1" y1="5" x2="25" y2="5" stroke="${colour}" stroke-width="2.5"${dash ? html` stroke-dasharray="${dash}" stroke-linecap="round"` : ''}/></svg>`;
    const relations = [...relationColours(graph, LIGHT_THEME)].filter(([, colour]) => colour !== LIGHT_THEME.negative);
    const negative = graph.edges.some(edge => edge.polarity === 'negative');
    return html`<div class="legend" aria-label="${w.svgStrings.legend}">
<div class="legend-row"><span class="legend-title">${w.legendColour} — ${colourBy}</span>${colours.slice(0, 40).map(([group, colour]) => html`<span class="key"><span class="swatch" style="background:${colour}"></span><bdi>${groupLabel(group)}</bdi></span>`)}${colours.length > 40 ? html`<span class="key">…</span>` : ''}</div>
<div class="legend-row"><span class="legend-title">${w.legendLines}</span>${relations.map(([relation, colour]) => html`<span class="key">${line(colour)}<bdi>${labels.relation(relation)}</bdi></span>`)}${negative ? html`<span class="key">${line(LIGHT_THEME.negative, '6 4')}${w.negativeLine}</span>` : ''}${picture.opportunities ? html`<span class="key">${line(LIGHT_THEME.opportunity, '2 5')}${w.opportunityLine}</span>` : ''}</div>
</div>`;
}

function opportunitiesSection(input: ReportInput, labels: Labels): Html {
    const { words: w, result } = input;
    const listed = result.opportunities.slice(0, input.top);
    if (!listed.length) return html`<p class="intro">${w.opportunitiesIntro}</p><p class="none">${w.noOpportunities}</p>`;
    const [rank, actors, interests, agreement, introducers] = w.opportunitiesColumns;
    const rows = listed.map((o, i) => html`<tr data-opportunity="${o.a}|${o.b}">
<td class="rank">${i + 1}</td>
${pairCell(labels, o.a, o.b)}
<td>${labels.interestList(o.interests)}</td>
<td class="num">${w.num(o.convergence, 1)}</td>
<td dir="auto">${o.introducers.length
        ? html`<ul class="tags">${o.introducers.slice(0, 3).map(name => html`<li dir="auto">${labels.actorTitle(name)}</li>`)}${o.introducers.length > 3 ? html`<li>…</li>` : ''}</ul>`
        : html`<span class="introducer-none">${w.noIntroducer}</span>`}</td>
</tr>`);
    return html`<p class="intro">${w.opportunitiesIntro}</p>
<table class="opportunities-table">
<thead><tr><th>${rank}</th><th>${actors}</th><th>${interests}</th><th class="num">${agreement}</th><th>${introducers}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p class="note">${w.opportunitiesNote(listed.length, result.opportunities.length, result.opportunities.length >= input.opportunitiesLimit)}</p>`;
}

function topBrokers(result: AnalysisResult) {
    return Object.entries(result.actors)
        .filter(([, figures]) => (figures.betweenness ?? 0) > 0)
        .sort(([a, p], [b, q]) => (q.betweenness ?? 0) - (p.betweenness ?? 0) || compareNames(a, b))
        .slice(0, BROKERS);
}

function mainRole(roles: BrokerageRoles): (typeof ROLE_ORDER)[number] | undefined {
    let best: (typeof ROLE_ORDER)[number] | undefined;
    for (const role of ROLE_ORDER) if (roles[role] > 0 && (!best || roles[role] > roles[best])) best = role;
    return best;
}

function brokersSection(input: ReportInput, labels: Labels): Html {
    const { words: w, result } = input;
    const brokers = topBrokers(result);
    if (!brokers.length) return html`<p class="intro">${w.brokersIntro}</p><p class="none">${w.noBrokers}</p>`;
    const [rank, actor, betweenness, ties, role] = w.brokersColumns;
    const rows = brokers.map(([name, figures], i) => {
        const data = labels.actors.get(name);
        const main = mainRole(figures.brokerage);
        return html`<tr data-broker="${name}">
<td class="rank">${i + 1}</td>
<td dir="auto">${labels.actor(name)}${data?.kind || data?.zone ? html`<span class="sub">${[labels.kind(data.kind), data.zone ? labels.zone(data.zone) : undefined].filter(Boolean).join(' · ')}</span>` : ''}</td>
<td class="num">${w.percent(figures.betweenness ?? 0)}</td>
<td class="num">${figures.degree}</td>
<td>${main ? w.roles[main][0] : '—'}</td>
</tr>`;
    });
    return html`<p class="intro">${w.brokersIntro}</p>
<table class="brokers-table">
<thead><tr><th>${rank}</th><th>${actor}</th><th class="num">${betweenness}</th><th class="num">${ties}</th><th>${role}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p class="note">${w.brokersNote(w.percent(brokers[0][1].betweenness ?? 0))}</p>
<p class="note">${w.rolesTitle}</p>
<dl class="legend-list">${ROLE_ORDER.map(role => html`<dt>${w.roles[role][0]}</dt> <dd>— ${w.roles[role][1]}</dd>`)}</dl>`;
}

function positions(actor: ActorData | undefined, labels: Labels, w: Words): Html {
    if (!actor?.positions.length) return html`—`;
    return html`<ul class="tags">${actor.positions.map(p => html`<li dir="auto">${p.position > 0 ? w.supports : w.opposes} <bdi>${labels.interest(p.interest)}</bdi></li>`)}</ul>`;
}

function isolatesSection(input: ReportInput, labels: Labels): Html {
    const { words: w, result } = input;
    const [actor, zone, stances] = w.isolatesColumns;
    const table = (names: readonly string[], kind: string) => html`<table class="${kind}-table">
<thead><tr><th>${actor}</th><th>${zone}</th><th>${stances}</th></tr></thead>
<tbody>${names.map(name => {
        const data = labels.actors.get(name);
        return html`<tr data-actor-row="${name}"><td dir="auto">${labels.actor(name)}${data?.kind ? html`<span class="sub">${labels.kind(data.kind)}</span>` : ''}</td><td dir="auto">${labels.zone(data?.zone)}</td><td>${positions(data, labels, w)}</td></tr>`;
    })}</tbody>
</table>`;
    const isolates = result.network.isolates;
    const neglected = Object.entries(result.actors).filter(([, f]) => f.status === 'neglected' && f.degree > 0).map(([name]) => name);
    return html`<p class="intro">${w.isolatesIntro}</p>
${isolates.length ? table(isolates, 'isolates') : html`<p class="none">${w.noIsolates}</p>`}
${neglected.length ? html`<h3>${w.neglectedTitle}</h3><p class="intro">${w.neglectedIntro}</p>${table(neglected, 'neglected')}` : ''}`;
}

function communitiesSection(input: ReportInput, labels: Labels): Html {
    const { words: w, result, picture } = input;
    const members = new Map<number, string[]>();
    for (const [name, figures] of Object.entries(result.actors)) members.set(figures.community, [...(members.get(figures.community) ?? []), name]);
    const colours = picture.graph.colorBy.kind === 'community' ? groupColours(picture.graph, LIGHT_THEME) : undefined;
    const groups = [...members].sort(([a], [b]) => a - b);
    const singletons = groups.filter(([, names]) => names.length === 1).length;
    const cards = groups.filter(([, names]) => names.length > 1).map(([community, names]) => {
        const byDegree = [...names].sort((a, b) => result.actors[b].degree - result.actors[a].degree || compareNames(a, b));
        const zoneCounts = new Map<string, number>();
        for (const name of names) {
            const province = labels.province(labels.actors.get(name)?.zone);
            if (province) zoneCounts.set(province, (zoneCounts.get(province) ?? 0) + 1);
        }
        const zones = [...zoneCounts].sort(([a, p], [b, q]) => q - p || compareNames(a, b)).slice(0, 3);
        const colour = colours?.get(String(community));
        return html`<div class="community" data-community="${community}">
<h3>${colour ? html`<span class="swatch" style="background:${colour}"></span>` : ''}${w.community(community)} <span class="count">${w.members(names.length)}</span></h3>
${zones.length ? html`<p class="zones">${w.mostlyIn}: ${join(zones.map(([zone, count]) => html`<bdi>${labels.zone(zone)}</bdi> (${count})`), ' · ')}</p>` : ''}
<ul class="members">${byDegree.slice(0, MEMBERS_SHOWN).map(name => html`<li dir="auto">${labels.actorTitle(name)}</li>`)}${names.length > MEMBERS_SHOWN ? html`<li>${w.andMore(names.length - MEMBERS_SHOWN)}</li>` : ''}</ul>
</div>`;
    });
    return html`<p class="intro">${w.communitiesIntro}</p>
<div class="communities">${cards}</div>
${singletons ? html`<p class="note">${w.singletons(singletons)}</p>` : ''}`;
}

/** The relations between two actors (either direction), of the given polarity. */
function relationsBetween(model: TerritoryModel, a: string, b: string, negative: boolean): string[] {
    const relations = new Set<string>();
    for (const tie of model.ties) {
        if (!((tie.source === a && tie.target === b) || (tie.source === b && tie.target === a))) continue;
        if ((tie.polarity === 'negative') === negative) relations.add(tie.relation);
    }
    return [...relations].sort(compareNames);
}

function divergentInterests(labels: Labels, a: string, b: string): string[] {
    const of = (name: string) => new Map((labels.actors.get(name)?.positions ?? []).map(p => [p.interest, p.position]));
    const pa = of(a), pb = of(b);
    return [...pa].filter(([interest, position]) => position * (pb.get(interest) ?? 0) < 0).map(([interest]) => interest).sort(compareNames);
}

function pairCell(labels: Labels, a: string, b: string): Html {
    return html`<td class="pair"><div dir="auto">${labels.actor(a)}</div><div dir="auto">${labels.actor(b)}</div></td>`;
}

function tensionsSection(input: ReportInput, labels: Labels): Html {
    const { words: w, result, model } = input;
    if (!result.tensions.length) return html`<p class="intro">${w.tensionsIntro}</p><p class="none">${w.noTensions}</p>`;
    const [actors, relation, where, disagreement] = w.tensionsColumns;
    const rows = result.tensions.map(t => html`<tr data-tension="${t.a}|${t.b}">${pairCell(labels, t.a, t.b)}<td>${relationsBetween(model, t.a, t.b, false).map(name => labels.relation(name)).join(', ') || '—'}</td><td>${labels.interestList(divergentInterests(labels, t.a, t.b))}</td><td class="num">${w.num(t.divergence, 1)}</td></tr>`);
    return html`<p class="intro">${w.tensionsIntro}</p>
<table class="tensions-table">
<thead><tr><th>${actors}</th><th>${relation}</th><th>${where}</th><th class="num">${disagreement}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p class="note">${w.agreementNote}</p>`;
}

function bridgesSection(input: ReportInput, labels: Labels): Html {
    const { words: w, result, model } = input;
    if (!result.bridges.length) return html`<p class="intro">${w.bridgesIntro}</p><p class="none">${w.noBridges}</p>`;
    const [actors, conflict, shared, agreement] = w.bridgesColumns;
    const rows = result.bridges.map(b => html`<tr data-bridge="${b.a}|${b.b}">${pairCell(labels, b.a, b.b)}<td>${relationsBetween(model, b.a, b.b, true).map(name => labels.relation(name)).join(', ') || '—'}</td><td>${labels.interestList(b.interests)}</td><td class="num">${w.num(b.convergence, 1)}</td></tr>`);
    return html`<p class="intro">${w.bridgesIntro}</p>
<table class="bridges-table">
<thead><tr><th>${actors}</th><th>${conflict}</th><th>${shared}</th><th class="num">${agreement}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p class="note">${w.agreementNote}</p>`;
}

function commitmentsSection(input: ReportInput, labels: Labels): Html {
    const { words: w, result, model } = input;
    const asOf = w.date(result.asOf);
    if (!model.dialogues.length) return html`<p class="intro">${w.commitmentsIntro(asOf)}</p><p class="none">${w.noDialogues}</p>`;
    const overdue = new Set(result.commitments.overdue.map(c => `${c.dialogue}|${c.name}`));
    const total = model.dialogues.reduce((sum, dialogue) => sum + dialogue.commitments.length, 0);
    const dialogues = [...model.dialogues].sort((p, q) =>
        compareNames(input.dialogues.get(p.name)?.date ?? '9999', input.dialogues.get(q.name)?.date ?? '9999') || compareNames(p.name, q.name));
    const [what, who, toWhom, due, status] = w.commitmentsColumns;
    const blocks = dialogues.map(dialogue => {
        const info = input.dialogues.get(dialogue.name);
        const counts = result.commitments.byDialogue[dialogue.name] ?? {};
        const countText = Object.entries(counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${w.statuses[s] ?? s}`).join(' · ');
        const late = dialogue.commitments.filter(c => overdue.has(`${dialogue.name}|${c.name}`)).length;
        const rows = dialogue.commitments.map(c => {
            const isOverdue = overdue.has(`${dialogue.name}|${c.name}`);
            return html`<tr class="${isOverdue ? 'commitment overdue' : 'commitment'}" data-commitment="${dialogue.name}.${c.name}">
<td dir="auto">${c.text ? html`<span>${c.text}</span><span class="id">${c.name}</span>` : html`<span>${c.name}</span>`}</td>
<td dir="auto">${labels.actorTitle(c.actor)}</td>
<td dir="auto">${c.beneficiaries.length ? html`<ul class="tags">${c.beneficiaries.map(name => html`<li dir="auto">${labels.actorTitle(name)}</li>`)}</ul>` : '—'}</td>
<td class="num">${c.due ? w.date(c.due) : w.noDueDate}</td>
<td><span class="status status-${c.status}">${w.statuses[c.status] ?? c.status}</span>${isOverdue ? html` <span class="badge-overdue">${w.overdueBadge}</span>` : ''}</td>
</tr>`;
        });
        return html`<div class="dialogue" data-dialogue="${dialogue.name}">
<h3 dir="auto">${dialogue.title ?? dialogue.name}</h3>
<p class="sub">${info?.date ? html`${w.date(info.date)} · ` : ''}${countText || w.commitmentsSummary(0, 1)}${late ? html` · <strong class="overdue-count">${w.overdueSummary(late)}</strong>` : ''}</p>
${info?.description ? html`<p class="sub" dir="auto">${info.description}</p>` : ''}
${dialogue.parties.length ? html`<p class="sub"><strong>${w.parties}:</strong> ${join(dialogue.parties.map(name => labels.inline(name)), ', ')}</p>` : ''}
${dialogue.interests.length ? html`<p class="sub"><strong>${w.about}:</strong> ${labels.interestsInline(dialogue.interests)}</p>` : ''}
${rows.length ? html`<table class="commitments-table">
<thead><tr><th>${what}</th><th>${who}</th><th>${toWhom}</th><th class="num">${due}</th><th>${status}</th></tr></thead>
<tbody>${rows}</tbody>
</table>` : html`<p class="none">${w.noCommitments}</p>`}
</div>`;
    });
    const late = result.commitments.overdue.length;
    return html`<p class="intro">${w.commitmentsIntro(asOf)}</p>
<p class="counts">${w.commitmentsSummary(total, model.dialogues.length)}${late ? html` · <strong class="overdue-count" data-overdue="${late}">${w.overdueSummary(late)}</strong>` : ''}</p>
${blocks}`;
}

function aboutSection(input: ReportInput): Html {
    const { words: w } = input;
    return html`${w.aboutParagraphs.map(paragraph => html`<p class="intro">${paragraph}</p>`)}`;
}
