import type { AnalysisResult } from '@territory/analysis';
import type { LayoutAlgorithm, PositionedGraph, ViewGraph, ViewSpec } from '@territory/sociogram';
import { LAYOUT_ALGORITHMS, layoutView, renderSociogram, toSvgString } from '@territory/sociogram';

/** How many synergy opportunities the picture draws at most: the preview's overlay. */
const OVERLAY_OPPORTUNITIES = 30;

/** The layout a view asks for (`layout …`), or clusters. */
export function viewLayout(spec: ViewSpec): LayoutAlgorithm {
    return (LAYOUT_ALGORITHMS as readonly string[]).includes(spec.layout ?? '') ? spec.layout as LayoutAlgorithm : 'clusters';
}

/**
 * The preview's picture as a standalone SVG: the same layout (ELK or clusters, seeded, so the
 * same model gives the same picture) and the same renderer, light theme, legend, and the
 * synergy opportunities overlay the preview shows by default.
 */
export async function toSvg(view: ViewGraph, spec: ViewSpec, analysis: AnalysisResult, options: { algorithm: LayoutAlgorithm; opportunities: boolean }): Promise<{ svg: string; layout: PositionedGraph['layout'] }> {
    const positioned = await layoutView(view, { algorithm: options.algorithm, root: spec.egos?.[0]?.actor });
    const shown = new Set(view.nodes.map(node => node.id));
    const opportunities = options.opportunities
        ? analysis.opportunities.filter(o => shown.has(o.a) && shown.has(o.b)).slice(0, OVERLAY_OPPORTUNITIES).map(({ a, b, convergence }) => ({ a, b, convergence }))
        : undefined;
    return { svg: toSvgString(renderSociogram(positioned, { opportunities })), layout: positioned.layout };
}
