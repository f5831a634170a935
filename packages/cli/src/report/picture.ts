import type { AnalysisResult, TerritoryModel } from '@territory/analysis';
import type { LayoutAlgorithm, PositionedGraph, RenderOptions, SvgElement, ViewSpec } from '@territory/sociogram';
import { aggregate, LAYOUT_ALGORITHMS, layoutView, LIGHT_THEME, renderSociogram, selectView, toSvgString } from '@territory/sociogram';

/**
 * Above this many actors shown, the preview draws one node per community (or zone): the
 * report draws the same aggregated picture (the server's AGGREGATION_THRESHOLD, the default
 * of the `territory.preview.aggregationThreshold` setting).
 */
export const AGGREGATION_THRESHOLD = 800;

export interface Picture {
    /** The `<svg>` element, serialised by the shared renderer (every model text escaped). */
    readonly svg: string;
    readonly graph: PositionedGraph;
    /** The opportunities drawn over the picture (both actors in view). */
    readonly opportunities: number;
    /** The picture's natural size, in pixels (labels at 11 px). */
    readonly width: number;
    readonly height: number;
}

export interface PictureOptions {
    readonly spec: ViewSpec;
    /** How many of the best synergy opportunities to draw (those whose actors are both in view): the ones the report lists. */
    readonly opportunities: number;
    readonly strings?: RenderOptions['strings'];
    readonly aggregationThreshold?: number;
}

/**
 * The preview's picture of a view (or of the whole model), in Node: the same selection, the
 * same aggregation above the threshold, the same layout (the view's, or clusters) and the same
 * renderer, in the light theme.
 */
export async function sociogramPicture(model: TerritoryModel, result: AnalysisResult, options: PictureOptions): Promise<Picture> {
    const { spec } = options;
    let graph = selectView(model, result, spec);
    if (graph.nodes.length > (options.aggregationThreshold ?? AGGREGATION_THRESHOLD)) {
        graph = aggregate(graph, spec.colorBy?.kind === 'zone' ? 'zone' : 'community');
    }
    const requested = spec.layout ?? 'clusters';
    const algorithm: LayoutAlgorithm = (LAYOUT_ALGORITHMS as readonly string[]).includes(requested) ? requested as LayoutAlgorithm : 'clusters';
    const positioned = await layoutView(graph, { algorithm, root: spec.egos?.[0]?.actor });
    const shown = new Set(graph.nodes.map(node => node.id));
    const opportunities = graph.aggregated
        ? []
        : result.opportunities.slice(0, options.opportunities).filter(o => shown.has(o.a) && shown.has(o.b))
            .map(({ a, b, convergence }) => ({ a, b, convergence }));
    const tree = renderSociogram(positioned, { theme: LIGHT_THEME, opportunities, strings: options.strings });
    return { svg: inlineSvg(tree), graph: positioned, opportunities: opportunities.length, width: Number(tree.attrs.width), height: Number(tree.attrs.height) };
}

/**
 * The renderer's standalone SVG made fit for an HTML page: no XML declaration, and no fixed
 * size (the viewBox keeps the proportions; the page's stylesheet sets the width).
 */
function inlineSvg(tree: SvgElement): string {
    const { width, height, ...attrs } = tree.attrs;
    const root: SvgElement = {
        ...tree,
        attrs: { ...attrs, role: 'img', preserveAspectRatio: 'xMidYMin meet', 'data-width': width, 'data-height': height }
    };
    return toSvgString(root).replace(/^<\?xml[^>]*\?>\n/, '').trimEnd();
}
