import type { InterestMobilisation, PairConvergence } from './convergence.js';
import { analysePairs, interestMobilisation } from './convergence.js';
import type { CommitmentSummary, StatusCounts, WorkshopSummary } from './commitments.js';
import { commitmentSummary, emptyStatusCounts, workshopSummary } from './commitments.js';
import type { TerritoryGraphs } from './graphs.js';
import { buildGraphs } from './graphs.js';
import { mactorInfluence } from './mactor.js';
import type { TerritoryModel } from './model.js';
import type { BrokerageRoles } from './metrics/brokerage.js';
import { brokerage } from './metrics/brokerage.js';
import { eigenvector, pagerank } from './metrics/centrality.js';
import { communities, partitionModularity } from './metrics/communities.js';
import { clustering, constraint } from './metrics/local.js';
import { balance, countComponents, degreeCentralization, density, reciprocity } from './metrics/network.js';
import type { PathMetrics } from './metrics/paths.js';
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
    /** Burt's constraint; null for an isolate. */
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
    /** False while the path metrics (betweenness, closeness) are still being computed. */
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
    /** Told how long each step took, in milliseconds (`territory metrics --timings`, benchmarks). */
    onStep?: (step: string, ms: number) => void;
}

/** Runs `compute` and tells `onStep` how long it took. */
function timed<T>(onStep: AnalysisOptions['onStep'], step: string, compute: () => T): T {
    if (!onStep) return compute();
    const start = performance.now();
    const value = compute();
    onStep(step, performance.now() - start);
    return value;
}

/** Above this many actors, `convergence.pairs` keeps only the strongest pairs. */
export const ALL_PAIRS_LIMIT = 1000;
export const TRUNCATED_PAIRS = 10_000;

/** The path metrics, the costly part: one breadth-first search per actor. */
export type PathFigures = PathMetrics;

/** The whole analysis in one go (CLI, tests). */
export function analyze(model: TerritoryModel, options: AnalysisOptions = {}): AnalysisResult {
    const graphs = timed(options.onStep, 'graphs G, D and S', () => buildGraphs(model));
    const partial = analyzeWithoutPaths(model, graphs, options);
    const figures = timed(options.onStep, 'betweenness and closeness (exact, one thread)', () => computePathFigures(graphs));
    return withPathMetrics(partial, graphs.names, figures);
}

/** Betweenness and closeness (split into `PATH_METRICS_PARTS` added up, as the worker threads do). */
export function computePathFigures(graphs: TerritoryGraphs): PathFigures {
    return pathMetrics(graphs.compact);
}

/**
 * Everything but the path metrics: fast, so the editor can show it first while betweenness
 * and closeness are computed (on large models in worker threads).
 */
export function analyzeWithoutPaths(model: TerritoryModel, graphs: TerritoryGraphs, options: AnalysisOptions = {}): AnalysisResult {
    const { names, compact, directed } = graphs;
    const degree = names.map((_, i) => compact.offsets[i + 1] - compact.offsets[i]);
    const step = <T>(name: string, compute: () => T): T => timed(options.onStep, name, compute);
    const localClustering = step('clustering', () => clustering(compact));
    const localConstraint = step('constraint', () => constraint(compact));
    const ranks = step('pagerank', () => pagerank(directed));
    const eigen = step('eigenvector', () => eigenvector(compact));
    const partition = step('communities (Louvain)', () => communities(names, graphs.edges));
    const statuses = step('sociometric status', () => sociometricStatus(model, graphs.tieEnds));
    const roles = step('brokerage', () => brokerage(directed, model.actors.map(actor => actor.zone ?? '')));
    const mactor = step('MACTOR influence', () => mactorInfluence(model, graphs.tieEnds));
    const rStar = Float64Array.from(mactor, scores => scores.rStar);
    const commitments = step('commitments', () => commitmentSummary(model));
    const workshops = workshopSummary(model);

    const actors: Record<string, ActorMetrics> = {};
    names.forEach((name, i) => {
        const status = statuses[i];
        const influence = mactor[i];
        actors[name] = {
            degree: degree[i],
            inDegree: directed.inOffsets[i + 1] - directed.inOffsets[i],
            outDegree: directed.outOffsets[i + 1] - directed.outOffsets[i],
            strength: graphs.strength[i],
            betweenness: null,
            closeness: null,
            pagerank: round(ranks[i]),
            eigenvector: round(eigen[i]),
            clustering: round(localClustering[i]),
            constraint: Number.isNaN(localConstraint[i]) ? null : round(localConstraint[i]),
            community: partition[i],
            status: status.status,
            likedBy: status.likedBy,
            rejectedBy: status.rejectedBy,
            brokerage: roles[i],
            influence: round(influence.influence),
            dependence: round(influence.dependence),
            rStar: round(influence.rStar),
            workshops: workshops.participation[name] ?? 0,
            commitments: commitments.byActor[name] ?? emptyStatusCounts()
        };
    });

    // The contract: above 1,000 actors the list is the strongest pairs, and says so.
    const listAll = Boolean(options.allPairs) || names.length <= ALL_PAIRS_LIMIT;
    const pairs = step('convergence pairs, opportunities, tensions, bridges', () => analysePairs(model, rStar, {
        listAll,
        listLimit: TRUNCATED_PAIRS,
        top: options.top ?? 100,
        joined: compact,
        signs: graphs.signs
    }));
    const interests: Record<string, InterestMobilisation> = {};
    for (const [name, figures] of interestMobilisation(model, rStar)) {
        interests[name] = { ...figures, support: round(figures.support), opposition: round(figures.opposition), mobilisation: round(figures.mobilisation) };
    }
    const componentCount = countComponents(compact);
    const isolates = names.filter((_, i) => degree[i] === 0);
    const averageClustering = names.length === 0 ? 0 : localClustering.reduce((sum, v) => sum + v, 0) / names.length;
    return {
        asOf: model.asOf,
        complete: false,
        network: {
            actors: names.length,
            ties: model.ties.length,
            density: round(density(compact)),
            components: componentCount,
            isolates,
            averageClustering: round(averageClustering),
            reciprocity: roundOrNull(reciprocity(directed)),
            modularity: roundOrNull(partitionModularity(graphs.edges, partition)),
            balance: roundOrNull(balance(graphs.signs, names.length)),
            centralization: roundOrNull(degreeCentralization(degree)),
            communities: new Set(partition).size
        },
        actors,
        convergence: { pairs: pairs.pairs.map(roundPair), truncated: pairs.truncated },
        interests,
        opportunities: step('introducers of the opportunities', () => withIntroducers(graphs, pairs.opportunities.map(roundPair))),
        tensions: pairs.tensions.map(roundPair).map(asTension),
        bridges: pairs.bridges.map(roundPair).map(asBridge),
        commitments,
        workshops
    };
}

/** Completes a partial result with the path metrics. */
export function withPathMetrics(partial: AnalysisResult, names: readonly string[], figures: PathFigures): AnalysisResult {
    const actors: Record<string, ActorMetrics> = {};
    names.forEach((name, i) => {
        actors[name] = {
            ...partial.actors[name],
            betweenness: round(figures.betweenness[i]),
            closeness: round(figures.closeness[i])
        };
    });
    return { ...partial, complete: true, actors };
}

/** Numbers keep 12 significant digits: more than the contract's 9, and the same on every run. */
export function round(value: number): number {
    // That is Number(value.toPrecision(12)), computed without the text where it is sure to
    // be the same. Whole numbers and halves below 1e11 have at most 12 significant digits:
    // they stay as they are (−0 becomes 0, as through the text).
    if (Number.isInteger(value * 2) && Math.abs(value) < 1e11) return value === 0 ? 0 : value;
    const magnitude = Math.abs(value);
    if (magnitude > 1e-10 && magnitude < 1e21) {
        // The 12 digits as a whole number: |value|·10^shift, off by far less than 1e-3 from the
        // exact product; away from a tie, the nearest whole number is the same.
        const shift = 11 - Math.floor(Math.log10(magnitude));
        const scaled = shift >= 0 ? magnitude * POWERS_OF_TEN[shift] : magnitude / POWERS_OF_TEN[-shift];
        const whole = Math.floor(scaled);
        const fraction = scaled - whole;
        if (whole > 1e11 && whole < 1e12 - 1 && Math.abs(fraction - 0.5) > 1e-3) {
            const digits = fraction > 0.5 ? whole + 1 : whole;
            // One correctly rounded operation on exact operands: the number the text stands for.
            const rounded = shift >= 0 ? digits / POWERS_OF_TEN[shift] : digits * POWERS_OF_TEN[-shift];
            return value < 0 ? -rounded : rounded;
        }
    }
    return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** 10^0 .. 10^22, all exact doubles. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

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

