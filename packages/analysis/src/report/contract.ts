import type { AnalysisResult } from '../analyze.js';

/**
 * The result in the order of the JSON contract (shared/spec/analysis.md): network, actors,
 * convergence, opportunities, tensions, bridges, then this implementation's additions.
 * `territory metrics --format json` and the `territory/analysis` request both send this.
 */
export function contractJson(result: AnalysisResult): Record<string, unknown> {
    return {
        network: result.network,
        actors: result.actors,
        convergence: result.convergence,
        opportunities: result.opportunities,
        tensions: result.tensions,
        bridges: result.bridges,
        interests: result.interests,
        commitments: result.commitments,
        workshops: result.workshops,
        asOf: result.asOf,
        complete: result.complete
    };
}
