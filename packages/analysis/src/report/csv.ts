import type { AnalysisResult } from '../analyze.js';
import type { TerritoryModel } from '../model.js';

const COLUMNS = [
    'degree', 'inDegree', 'outDegree', 'strength', 'betweenness', 'closeness', 'pagerank', 'eigenvector', 'clustering',
    'constraint', 'community', 'status', 'likedBy', 'rejectedBy', 'influence', 'dependence', 'rStar', 'workshops'
] as const;
const ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;

/** One row per actor (RFC 4180): who the actor is, then every per-actor figure. */
export function actorsCsv(result: AnalysisResult, model: TerritoryModel): string {
    const header = ['actor', 'title', 'kind', 'zone', ...COLUMNS, ...ROLES.map(role => `brokerage.${role}`)];
    const rows = model.actors.map(actor => {
        const figures = result.actors[actor.name];
        return [
            actor.name, actor.title ?? '', actor.kind ?? '', actor.zone ?? '',
            ...COLUMNS.map(column => figures[column] ?? ''),
            ...ROLES.map(role => figures.brokerage[role])
        ];
    });
    return [header, ...rows].map(row => row.map(cell => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(text: string): string {
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
