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
import type { Steps } from './steps.js';
import { ACTORS_PER_STEP, runSteps } from './steps.js';

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
 * and closeness are computed (on large models in worker threads, where it comes in two
 * stages: the structural figures, then the global ones).
 */
export function analyzeWithoutPaths(model: TerritoryModel, graphs: TerritoryGraphs, options: AnalysisOptions = {}): AnalysisResult {
    const structure = structuralFigures(model, graphs, options);
    return keyFiguresResult(graphs.names, structuralResult(graphs.names, structure), globalFigures(model, graphs, structure.rStar, options));
}

/** The sociometric statuses, in the order `StructuralFigures.status` numbers them. */
const STATUSES: readonly SociometricStatus[] = ['popular', 'rejected', 'neglected', 'controversial', 'average', 'unclassified'];

/**
 * The first stage of the key figures: the figures of an actor read from its ties and its
 * neighbours' (ties, clustering, constraint, sociometric status, brokerage, MACTOR
 * influence, workshops, commitments), and of the network all but the communities and
 * modularity: about 0.15 s at 15,500 actors, shown by the editor while the global figures
 * are computed. Per-actor figures are columns in name order, unrounded: plain data that
 * crosses worker threads cheaply (`structuralResult` makes the figures of them).
 */
export interface StructuralFigures {
    readonly asOf: string;
    readonly degree: Int32Array;
    readonly inDegree: Int32Array;
    readonly outDegree: Int32Array;
    readonly strength: Float64Array;
    readonly clustering: Float64Array;
    /** NaN for an isolate. */
    readonly constraint: Float64Array;
    /** Index in the list of sociometric statuses (popular, rejected, neglected, controversial, average, unclassified). */
    readonly status: Uint8Array;
    readonly likedBy: Int32Array;
    readonly rejectedBy: Int32Array;
    readonly brokerage: readonly BrokerageRoles[];
    readonly influence: Float64Array;
    readonly dependence: Float64Array;
    /** MACTOR r*, which the convergence pairs weigh by. */
    readonly rStar: Float64Array;
    readonly network: StructuralNetworkMetrics;
    readonly interests: Record<string, InterestMobilisation>;
    readonly commitments: CommitmentSummary;
    readonly workshops: WorkshopSummary;
}

/** The network figures known at the first stage: all but `modularity` and `communities`. */
export type StructuralNetworkMetrics = Omit<NetworkMetrics, 'modularity' | 'communities'>;

export function structuralFigures(model: TerritoryModel, graphs: TerritoryGraphs, options: AnalysisOptions = {}): StructuralFigures {
    const { names, compact, directed } = graphs;
    const n = names.length;
    const degree = new Int32Array(n);
    const inDegree = new Int32Array(n);
    const outDegree = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        degree[i] = compact.offsets[i + 1] - compact.offsets[i];
        inDegree[i] = directed.inOffsets[i + 1] - directed.inOffsets[i];
        outDegree[i] = directed.outOffsets[i + 1] - directed.outOffsets[i];
    }
    const step = <T>(name: string, compute: () => T): T => timed(options.onStep, name, compute);
    const localClustering = step('clustering', () => clustering(compact));
    const localConstraint = step('constraint', () => constraint(compact));
    const statuses = step('sociometric status', () => sociometricStatus(model, graphs.tieEnds));
    const roles = step('brokerage', () => brokerage(directed, model.actors.map(actor => actor.zone ?? '')));
    const mactor = step('MACTOR influence', () => mactorInfluence(model, graphs.tieEnds));
    const commitments = step('commitments', () => commitmentSummary(model));
    const workshops = workshopSummary(model);
    const rStar = Float64Array.from(mactor, scores => scores.rStar);
    const interests: Record<string, InterestMobilisation> = {};
    for (const [name, figures] of interestMobilisation(model, rStar)) {
        interests[name] = { ...figures, support: round(figures.support), opposition: round(figures.opposition), mobilisation: round(figures.mobilisation) };
    }
    const averageClustering = n === 0 ? 0 : localClustering.reduce((sum, v) => sum + v, 0) / n;
    return {
        asOf: model.asOf,
        degree,
        inDegree,
        outDegree,
        strength: graphs.strength,
        clustering: localClustering,
        constraint: localConstraint,
        status: Uint8Array.from(statuses, scores => STATUSES.indexOf(scores.status)),
        likedBy: Int32Array.from(statuses, scores => scores.likedBy),
        rejectedBy: Int32Array.from(statuses, scores => scores.rejectedBy),
        brokerage: roles,
        influence: Float64Array.from(mactor, scores => scores.influence),
        dependence: Float64Array.from(mactor, scores => scores.dependence),
        rStar,
        network: {
            actors: n,
            ties: model.ties.length,
            density: round(density(compact)),
            components: countComponents(compact),
            isolates: names.filter((_, i) => degree[i] === 0),
            averageClustering: round(averageClustering),
            reciprocity: roundOrNull(reciprocity(directed)),
            balance: roundOrNull(balance(graphs.signs, n)),
            centralization: roundOrNull(degreeCentralization(degree))
        },
        interests,
        commitments,
        workshops
    };
}

/**
 * The second stage of the key figures, the costly part: those that iterate over the whole
 * sociogram (pagerank, eigenvector, the communities) and everything read from the
 * convergence pairs. Plain data, as the first stage.
 */
export interface GlobalFigures {
    /** Per actor, in name order, unrounded. */
    readonly pagerank: Float64Array;
    readonly eigenvector: Float64Array;
    readonly community: Int32Array;
    readonly modularity: number | null;
    readonly convergence: { pairs: PairConvergence[]; truncated: boolean };
    readonly opportunities: SynergyOpportunity[];
    readonly tensions: Tension[];
    readonly bridges: Bridge[];
}

export function globalFigures(model: TerritoryModel, graphs: TerritoryGraphs, rStar: Float64Array, options: AnalysisOptions = {}): GlobalFigures {
    const { names, compact } = graphs;
    const step = <T>(name: string, compute: () => T): T => timed(options.onStep, name, compute);
    const ranks = step('pagerank', () => pagerank(graphs.directed));
    const eigen = step('eigenvector', () => eigenvector(compact));
    const partition = step('communities (Louvain)', () => communities(names, graphs.edges));
    // The contract: above 1,000 actors the list is the strongest pairs, and says so.
    const listAll = Boolean(options.allPairs) || names.length <= ALL_PAIRS_LIMIT;
    const pairs = step('convergence pairs, opportunities, tensions, bridges', () => analysePairs(model, rStar, {
        listAll,
        listLimit: TRUNCATED_PAIRS,
        top: options.top ?? 100,
        joined: compact,
        signs: graphs.signs
    }));
    return {
        pagerank: ranks,
        eigenvector: eigen,
        community: partition,
        modularity: roundOrNull(partitionModularity(graphs.edges, partition)),
        convergence: { pairs: pairs.pairs.map(roundPair), truncated: pairs.truncated },
        opportunities: step('introducers of the opportunities', () => withIntroducers(graphs, pairs.opportunities.map(roundPair))),
        tensions: pairs.tensions.map(roundPair).map(asTension),
        bridges: pairs.bridges.map(roundPair).map(asBridge)
    };
}

/** An actor's figures at the first stage: all but pagerank, eigenvector and community (betweenness and closeness null). */
export type StructuralActorMetrics = Omit<ActorMetrics, 'pagerank' | 'eigenvector' | 'community'>;

/**
 * What the editor shows of a large model before the global figures are known
 * (`complete: false`, as every result without the path metrics): the figures it has are
 * those of the complete result; it has no communities and no convergence pairs yet.
 */
export interface StructuralResult {
    asOf: string;
    complete: false;
    network: StructuralNetworkMetrics;
    actors: Record<string, StructuralActorMetrics>;
    interests: Record<string, InterestMobilisation>;
    commitments: CommitmentSummary;
    workshops: WorkshopSummary;
}

/** Whether a partial result has all the key figures (communities, convergence pairs…), not only the structural ones. */
export function hasKeyFigures(result: AnalysisResult | StructuralResult): result is AnalysisResult {
    return 'convergence' in result;
}

/** The first stage's figures, as the editor shows them. */
export function structuralResult(names: readonly string[], s: StructuralFigures): StructuralResult {
    return runSteps(structuralResultInSteps(names, s));
}

/** `structuralResult` in steps (`Steps`) of `ACTORS_PER_STEP` actors. */
export function* structuralResultInSteps(names: readonly string[], s: StructuralFigures): Steps<StructuralResult> {
    const actors: Record<string, StructuralActorMetrics> = {};
    for (let i = 0; i < names.length; i++) {
        if (i > 0 && i % ACTORS_PER_STEP === 0) yield;
        const name = names[i];
        actors[name] = {
            degree: s.degree[i],
            inDegree: s.inDegree[i],
            outDegree: s.outDegree[i],
            strength: s.strength[i],
            betweenness: null,
            closeness: null,
            clustering: round(s.clustering[i]),
            constraint: Number.isNaN(s.constraint[i]) ? null : round(s.constraint[i]),
            status: STATUSES[s.status[i]],
            likedBy: s.likedBy[i],
            rejectedBy: s.rejectedBy[i],
            brokerage: s.brokerage[i],
            influence: round(s.influence[i]),
            dependence: round(s.dependence[i]),
            rStar: round(s.rStar[i]),
            workshops: s.workshops.participation[name] ?? 0,
            commitments: s.commitments.byActor[name] ?? emptyStatusCounts()
        };
    }
    const { asOf, network, interests, commitments, workshops } = s;
    return { asOf, complete: false, network, actors, interests, commitments, workshops };
}

/** The key figures of both stages: the result without the path metrics (`complete: false`). */
export function keyFiguresResult(names: readonly string[], structure: StructuralResult, global: GlobalFigures): AnalysisResult {
    return runSteps(keyFiguresResultInSteps(names, structure, global));
}

/** `keyFiguresResult` in steps (`Steps`) of `ACTORS_PER_STEP` actors. */
export function* keyFiguresResultInSteps(names: readonly string[], structure: StructuralResult, global: GlobalFigures): Steps<AnalysisResult> {
    const actors: Record<string, ActorMetrics> = {};
    for (let i = 0; i < names.length; i++) {
        if (i > 0 && i % ACTORS_PER_STEP === 0) yield;
        const name = names[i];
        // In the contract's order of fields.
        const { degree, inDegree, outDegree, strength, betweenness, closeness, clustering, constraint, ...rest } = structure.actors[name];
        actors[name] = {
            degree, inDegree, outDegree, strength, betweenness, closeness,
            pagerank: round(global.pagerank[i]),
            eigenvector: round(global.eigenvector[i]),
            clustering, constraint,
            community: global.community[i],
            ...rest
        };
    }
    const { network } = structure;
    return {
        asOf: structure.asOf,
        complete: false,
        network: {
            actors: network.actors,
            ties: network.ties,
            density: network.density,
            components: network.components,
            isolates: network.isolates,
            averageClustering: network.averageClustering,
            reciprocity: network.reciprocity,
            modularity: global.modularity,
            balance: network.balance,
            centralization: network.centralization,
            communities: new Set(global.community).size
        },
        actors,
        convergence: global.convergence,
        interests: structure.interests,
        opportunities: global.opportunities,
        tensions: global.tensions,
        bridges: global.bridges,
        commitments: structure.commitments,
        workshops: structure.workshops
    };
}

/** Completes a partial result with the path metrics. */
export function withPathMetrics(partial: AnalysisResult, names: readonly string[], figures: PathFigures): AnalysisResult {
    return runSteps(withPathMetricsInSteps(partial, names, figures));
}

/** `withPathMetrics` in steps (`Steps`) of `ACTORS_PER_STEP` actors. */
export function* withPathMetricsInSteps(partial: AnalysisResult, names: readonly string[], figures: PathFigures): Steps<AnalysisResult> {
    const actors: Record<string, ActorMetrics> = {};
    for (let i = 0; i < names.length; i++) {
        if (i > 0 && i % ACTORS_PER_STEP === 0) yield;
        const name = names[i];
        actors[name] = {
            ...partial.actors[name],
            betweenness: round(figures.betweenness[i]),
            closeness: round(figures.closeness[i])
        };
    }
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

