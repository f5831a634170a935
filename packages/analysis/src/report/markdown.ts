import type { ActorMetrics, AnalysisResult } from '../analyze.js';
import type { TerritoryModel } from '../model.js';
import { compareNames } from '../model.js';

/** Model text in Markdown is text: escape what Markdown would read as markup (and table pipes). */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, char => `\\${char}`);
}

/** The per-actor figures a table can be sorted by. */
export const SORTABLE_FIGURES = [
    'betweenness', 'degree', 'strength', 'closeness', 'pagerank', 'eigenvector', 'clustering', 'constraint', 'inDegree',
    'outDegree', 'rStar'
] as const;
export type SortableFigure = (typeof SORTABLE_FIGURES)[number];

function formatNumber(value: number | null | undefined): string {
    if (value === null || value === undefined) return '—';
    return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function label(model: TerritoryModel): (name: string) => string {
    const titles = new Map(model.actors.map(actor => [actor.name, actor.title]));
    return name => {
        const title = titles.get(name);
        return title ? `**${escapeMarkdown(name)}** (${escapeMarkdown(title)})` : `**${escapeMarkdown(name)}**`;
    };
}

/**
 * A readable summary for coaches and reviewers: key figures, top brokers, isolates,
 * communities, the best synergy opportunities with who could introduce the actors, tensions
 * and overdue commitments.
 */
export function summaryMarkdown(result: AnalysisResult, model: TerritoryModel, options: { top?: number } = {}): string {
    const top = options.top ?? 10;
    const who = label(model);
    const { network } = result;
    const lines: string[] = ['# Territory analysis', ''];
    lines.push(`As of ${result.asOf}: **${network.actors}** actors, **${network.ties}** ties, ` +
        `**${network.components}** connected groups, **${network.communities}** communities.`, '');
    lines.push('| figure | value |', '|---|---|');
    lines.push(`| density | ${formatNumber(network.density)} |`);
    lines.push(`| average clustering | ${formatNumber(network.averageClustering)} |`);
    lines.push(`| reciprocity | ${formatNumber(network.reciprocity)} |`);
    lines.push(`| modularity | ${formatNumber(network.modularity)} |`);
    lines.push(`| structural balance | ${formatNumber(network.balance)} |`);
    lines.push(`| degree centralization | ${formatNumber(network.centralization)} |`, '');

    lines.push('## Brokers', '', 'Actors who most often lie on the shortest paths between others: they can carry information between groups.', '');
    const brokers = Object.entries(result.actors)
        .filter(([, figures]) => (figures.betweenness ?? 0) > 0)
        .sort(([a, p], [b, q]) => (q.betweenness ?? 0) - (p.betweenness ?? 0) || compareNames(a, b))
        .slice(0, top);
    lines.push(...(brokers.length ? brokers.map(([name, figures]) => `1. ${who(name)} — betweenness ${formatNumber(figures.betweenness)}, ${figures.degree} ties`) : ['None: nobody stands between others.']), '');

    lines.push('## Isolated actors', '');
    lines.push(network.isolates.length ? network.isolates.map(name => `- ${who(name)}`).join('\n') : 'None.', '');

    lines.push('## Communities', '', 'Groups of actors more tied to each other than to the rest.', '');
    const members = new Map<number, string[]>();
    for (const [name, figures] of Object.entries(result.actors)) {
        members.set(figures.community, [...(members.get(figures.community) ?? []), name]);
    }
    for (const [community, names] of [...members].sort(([a], [b]) => a - b).filter(([, names]) => names.length > 1)) {
        const central = [...names].sort((a, b) => (result.actors[b].degree - result.actors[a].degree) || compareNames(a, b));
        const shown = central.slice(0, 8).map(name => escapeMarkdown(name)).join(', ');
        lines.push(`- **Community ${community}** (${names.length} actors): ${shown}${names.length > 8 ? ', …' : ''}`);
    }
    lines.push('');

    lines.push('## Synergy opportunities', '', 'Actors who converge on interests but have no tie yet, and who could introduce them.', '');
    if (result.opportunities.length === 0) lines.push('None found.');
    for (const opportunity of result.opportunities.slice(0, top)) {
        const introducers = opportunity.introducers.length
            ? `introduced by ${opportunity.introducers.slice(0, 3).map(name => escapeMarkdown(name)).join(', ')}`
            : 'no one connects them yet';
        lines.push(`1. ${who(opportunity.a)} and ${who(opportunity.b)} — convergence ${formatNumber(opportunity.convergence)}` +
            ` on ${opportunity.interests.map(escapeMarkdown).join(', ')}; ${introducers}`);
    }
    lines.push('');

    lines.push('## Tensions', '', 'Tied actors whose positions diverge more than they converge.', '');
    lines.push(...(result.tensions.length ? result.tensions.slice(0, top).map(t => `- ${who(t.a)} and ${who(t.b)} — divergence ${formatNumber(t.divergence)}, convergence ${formatNumber(t.convergence)}`) : ['None.']), '');

    lines.push('## Bridges', '', 'Actors in conflict who still converge on some interest: topics for a structured dialogue.', '');
    lines.push(...(result.bridges.length ? result.bridges.slice(0, top).map(b => `- ${who(b.a)} and ${who(b.b)} — on ${b.interests.map(escapeMarkdown).join(', ')}`) : ['None.']), '');

    lines.push('## Overdue commitments', '');
    if (result.commitments.overdue.length === 0) lines.push('None.');
    else {
        lines.push('| dialogue | commitment | by | due | status |', '|---|---|---|---|---|');
        for (const c of result.commitments.overdue) {
            lines.push(`| ${escapeMarkdown(c.dialogue)} | ${escapeMarkdown(c.name)} | ${escapeMarkdown(c.actor)} | ${c.due} | ${c.status} |`);
        }
    }
    lines.push('');
    return lines.join('\n');
}

/** Every actor's figures as a table sorted by one figure, largest first. */
export function metricsTableMarkdown(result: AnalysisResult, sortBy: SortableFigure = 'betweenness'): string {
    const value = (figures: ActorMetrics) => figures[sortBy] ?? -Infinity;
    const rows = Object.entries(result.actors).sort(([a, p], [b, q]) => value(q) - value(p) || compareNames(a, b));
    // The sorted figure first, then the usual ones: few enough columns to fit a preview
    // beside the editor (the CSV export has every figure).
    const columns = [...new Set<SortableFigure>([sortBy, 'degree', 'strength', 'betweenness', 'closeness', 'pagerank', 'constraint'])];
    const lines = [
        `# Actors by ${sortBy}`, '',
        `${rows.length} actors, as of ${result.asOf}.${result.complete ? '' : ' Betweenness and closeness are still being computed.'}`, '',
        `| actor | ${columns.join(' | ')} | community | status |`,
        `|---|${columns.map(() => '--:').join('|')}|--:|---|`
    ];
    for (const [name, f] of rows) {
        lines.push(`| ${escapeMarkdown(name)} | ${columns.map(column => formatNumber(f[column])).join(' | ')} | ${f.community} | ${f.status} |`);
    }
    return lines.join('\n') + '\n';
}

/** The synergy opportunities with their introducers, for the editor's command. */
export function opportunitiesMarkdown(result: AnalysisResult, model: TerritoryModel): string {
    const who = label(model);
    const lines = ['# Synergy opportunities', '',
        'Pairs of actors who converge on interests (MACTOR convergence greater than divergence) but are not tied yet, ' +
        'best first, with the actors who lie on the shortest paths between them: candidates to invite together to the next synergy workshop.', ''];
    if (result.opportunities.length === 0) lines.push('None found.');
    result.opportunities.forEach((o, index) => {
        lines.push(`${index + 1}. ${who(o.a)} and ${who(o.b)}`);
        lines.push(`   - converge on ${o.interests.map(escapeMarkdown).join(', ')} (convergence ${formatNumber(o.convergence)}, divergence ${formatNumber(o.divergence)})`);
        lines.push(`   - ${o.introducers.length ? `introducers: ${o.introducers.map(escapeMarkdown).join(', ')}` : 'no one connects them yet'}`);
    });
    return lines.join('\n') + '\n';
}
