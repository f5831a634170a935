import type { InterestMobilisation, PairConvergence } from './convergence.js';
import { analysePairs, interestMobilisation } from './convergence.js';
import type { CommitmentSummary, StatusCounts, WorkshopSummary } from './commitments.js';
import { commitmentSummary, emptyStatusCounts, workshopSummary } from './commitments.js';
import type { CompactGraph, TerritoryGraphs } from './graphs.js';
import { buildGraphs, pairKey } from './graphs.js';
import { mactorInfluence } from './mactor.js';
import type { TerritoryModel } from './model.js';
import type { BrokerageRoles } from './metrics/brokerage.js';
import { brokerage } from './metrics/brokerage.js';
import { eigenvector, pagerank } from './metrics/centrality.js';
import { communities, modularity } from './metrics/communities.js';
import { clustering, constraint } from './metrics/local.js';
import { balance, components, degreeCentralization, density, reciprocity } from './metrics/network.js';
import { pathMetrics } from './metrics/paths.js';
import type { SociometricStatus } from './metrics/status.js';
import { sociometricStatus } from './metrics/status.js';
import type { Bridge, SynergyOpportunity, Tension } from './suggestions.js';
import { asBridge, asTension, withIntroducers } from './suggestions.js';

/** Per-actor figures (`actors.<Name>` of shared/spec/analysis.md). */
export interface ActorMetrics {
    degree: number;
    inDegree: number;
    outDegree: number;
    strength: number;
    /** null until the path metrics are computed (see `AnalysisResult.complete`). */
    betweenness: number | null;
    closeness: number | null;
    pagerank: number;
    eigenvector: number;
    clustering: number;
    /** Burt's constraint; null for an isolate (and until computed). */
    constraint: number | null;
    community: number;
    status: SociometricStatus;
    likedBy: number;
    rejectedBy: number;
    brokerage: BrokerageRoles;
    influence: number;
    dependence: number;
    rStar: number;
    workshops: number;
    commitments: StatusCounts;
}

export interface NetworkMetrics {
    actors: number;
    ties: number;
    density: number;
    components: number;
    isolates: string[];
    averageClustering: number;
    reciprocity: number | null;
    modularity: number | null;
    balance: number | null;
    centralization: number | null;
    communities: number;
}

export interface AnalysisResult {
    /** The reference date used for overdue commitments. */
    asOf: string;
    /** False while the path metrics (betweenness, closeness, constraint) are still being computed. */
    complete: boolean;
    network: NetworkMetrics;
    actors: Record<string, ActorMetrics>;
    convergence: { pairs: PairConvergence[]; truncated: boolean };
    interests: Record<string, InterestMobilisation>;
    opportunities: SynergyOpportunity[];
    tensions: Tension[];
    bridges: Bridge[];
    commitments: CommitmentSummary;
    workshops: WorkshopSummary;
}

export interface AnalysisOptions {
    /** How many synergy opportunities to list (default 100). */
    top?: number;
    /** List every convergent pair even on models of more than 1,000 actors. */
    allPairs?: boolean;
}

/** Above this many actors, `convergence.pairs` keeps only the strongest pairs. */
export const ALL_PAIRS_LIMIT = 1000;
export const TRUNCATED_PAIRS = 10_000;

/** The path metrics, the costly part: one breadth-first search per actor. */
export interface PathFigures {
    betweenness: ArrayLike<number>;
    closeness: ArrayLike<number>;
    constraint: ArrayLike<number>;
}

/** The whole analysis in one go (CLI, tests). */
export function analyze(model: TerritoryModel, options: AnalysisOptions = {}): AnalysisResult {
    const graphs = buildGraphs(model);
    return withPathMetrics(analyzeWithoutPaths(model, graphs, options), graphs, computePathFigures(graphs));
}

export function computePathFigures(graphs: TerritoryGraphs): PathFigures {
    return computePathFiguresOf(graphs.compact);
}

/** The path metrics of a compact graph: what a worker thread receives and computes. */
export function computePathFiguresOf(graph: CompactGraph): PathFigures {
    const { betweenness, closeness } = pathMetrics(graph);
    return { betweenness, closeness, constraint: constraint(graph) };
}

/**
 * Everything but the path metrics: fast, so the editor can show it first while betweenness,
 * closeness and constraint are computed (on large models in a worker thread).
 */
export function analyzeWithoutPaths(model: TerritoryModel, graphs: TerritoryGraphs, options: AnalysisOptions = {}): AnalysisResult {
    const { names, compact, G, D } = graphs;
    const degree = names.map((_, i) => compact.offsets[i + 1] - compact.offsets[i]);
    const localClustering = clustering(compact);
    const ranks = pagerank(D);
    const eigen = eigenvector(G);
    const partition = communities(G);
    const statuses = sociometricStatus(model);
    const zoneOf = new Map(model.actors.map(actor => [actor.name, actor.zone ?? '']));
    const roles = brokerage(D, actor => zoneOf.get(actor) ?? '');
    const mactor = mactorInfluence(model);
    const rStar = (actor: string) => mactor.get(actor)?.rStar ?? 1;
    const commitments = commitmentSummary(model);
    const workshops = workshopSummary(model);

    const actors: Record<string, ActorMetrics> = {};
    names.forEach((name, i) => {
        const status = statuses.get(name)!;
        const influence = mactor.get(name)!;
        actors[name] = {
            degree: degree[i],
            inDegree: D.inDegree(name),
            outDegree: D.outDegree(name),
            strength: graphs.strength[i],
            betweenness: null,
            closeness: null,
            pagerank: round(ranks[name]),
            eigenvector: round(eigen[name]),
            clustering: round(localClustering[i]),
            constraint: null,
            community: partition[name],
            status: status.status,
            likedBy: status.likedBy,
            rejectedBy: status.rejectedBy,
            brokerage: roles.get(name)!,
            influence: round(influence.influence),
            dependence: round(influence.dependence),
            rStar: round(influence.rStar),
            workshops: workshops.participation[name] ?? 0,
            commitments: commitments.byActor[name] ?? emptyStatusCounts()
        };
    });

    // The contract: above 1,000 actors the list is the strongest pairs, and says so.
    const listAll = Boolean(options.allPairs) || names.length <= ALL_PAIRS_LIMIT;
    const { order } = compact;
    const pairs = analysePairs(model, rStar, {
        listAll,
        listLimit: TRUNCATED_PAIRS,
        top: options.top ?? 100,
        joined: (a, b) => G.hasEdge(names[a], names[b]),
        sign: (a, b) => graphs.signs.get(pairKey(a, b, order))
    });
    const interests: Record<string, InterestMobilisation> = {};
    for (const [name, figures] of interestMobilisation(model, rStar)) {
        interests[name] = { ...figures, support: round(figures.support), opposition: round(figures.opposition), mobilisation: round(figures.mobilisation) };
    }
    const parts = components(compact);
    const isolates = names.filter((_, i) => degree[i] === 0);
    const averageClustering = names.length === 0 ? 0 : localClustering.reduce((sum, v) => sum + v, 0) / names.length;
    return {
        asOf: model.asOf,
        complete: false,
        network: {
            actors: names.length,
            ties: model.ties.length,
            density: round(density(compact)),
            components: parts.length,
            isolates,
            averageClustering: round(averageClustering),
            reciprocity: roundOrNull(reciprocity(D)),
            modularity: roundOrNull(modularity(G, partition)),
            balance: roundOrNull(balance(graphs.signs, names.length)),
            centralization: roundOrNull(degreeCentralization(degree)),
            communities: new Set(Object.values(partition)).size
        },
        actors,
        convergence: { pairs: pairs.pairs.map(roundPair), truncated: pairs.truncated },
        interests,
        opportunities: withIntroducers(graphs, pairs.opportunities.map(roundPair)),
        tensions: pairs.tensions.map(roundPair).map(asTension),
        bridges: pairs.bridges.map(roundPair).map(asBridge),
        commitments,
        workshops
    };
}

/** Completes a partial result with the path metrics. */
export function withPathMetrics(partial: AnalysisResult, graphs: TerritoryGraphs, figures: PathFigures): AnalysisResult {
    const actors: Record<string, ActorMetrics> = {};
    graphs.names.forEach((name, i) => {
        actors[name] = {
            ...partial.actors[name],
            betweenness: round(figures.betweenness[i]),
            closeness: round(figures.closeness[i]),
            constraint: Number.isNaN(figures.constraint[i]) ? null : round(figures.constraint[i])
        };
    });
    return { ...partial, complete: true, actors };
}

/** Numbers keep 12 significant digits: more than the contract's 9, and the same on every run. */
export function round(value: number): number {
    return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

function roundOrNull(value: number | null): number | null {
    return value === null ? null : round(value);
}

function roundPair(pair: PairConvergence): PairConvergence {
    return {
        ...pair,
        convergence: round(pair.convergence),
        divergence: round(pair.divergence),
        weightedConvergence: round(pair.weightedConvergence),
        weightedDivergence: round(pair.weightedDivergence)
    };
}

