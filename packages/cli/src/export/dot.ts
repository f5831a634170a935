import type { ExportGraph } from './graph.js';
import { formatNumber, plainValue, presentAttributes } from './text.js';

/**
 * A Graphviz DOT string: `\` and `"` escaped, line breaks as `\n` (Graphviz reads `\\` as one
 * backslash in labels, and every ID here is quoted, so no name or title can end the string or
 * be read as a keyword).
 */
export function dotString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

const DOT_KEYWORDS = new Set(['node', 'edge', 'graph', 'digraph', 'subgraph', 'strict']);

/** An attribute name: bare when DOT allows it (`label`), quoted otherwise (`"brokerage.coordinator"`). */
function dotName(name: string): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !DOT_KEYWORDS.has(name.toLowerCase()) ? name : dotString(name);
}

function dotAttributes(attributes: ReadonlyArray<[string, string]>): string {
    return attributes.map(([name, value]) => `${dotName(name)}=${dotString(value)}`).join(', ');
}

/** Graphviz attributes the export sets itself: model attributes of the same name are left out. */
const GRAPHVIZ_NODE = ['label'];
const GRAPHVIZ_EDGE = ['weight'];

/**
 * Graphviz DOT: `graph` when no tie is one-way, otherwise `digraph`, two-way ties drawn with
 * `dir=none`. Nodes filled with the preview's group colours (community by default), edges
 * with its relation colours, negative ones dashed, pen width by weight. Every attribute of
 * the model is kept as a DOT attribute (Graphviz ignores those it does not know; `gvpr` and
 * the libraries that read DOT keep them); `weight` is also Graphviz's own.
 */
export function toDot(graph: ExportGraph): string {
    const directed = graph.direction !== 'undirected';
    const arrow = directed ? '->' : '--';
    const lines: string[] = [
        `${directed ? 'digraph' : 'graph'} ${dotString(graph.title)} {`,
        `  graph [label=${dotString(graph.title)}, labelloc="t", fontname="Helvetica", overlap="false"];`,
        '  node [shape="ellipse", style="filled", fontname="Helvetica", fontsize="11", color="#ffffff"];',
        '  edge [fontname="Helvetica", fontsize="9"];'
    ];
    for (const node of graph.nodes) {
        const label = String(node.attributes.label);
        const attributes: Array<[string, string]> = [
            ['label', label],
            ['tooltip', [label === node.id ? label : `${label} (${node.id})`, node.attributes.kind, node.attributes.zone].filter(Boolean).join(' · ')],
            ['fillcolor', node.colour],
            ...presentAttributes(graph.nodeAttributes, node.attributes, GRAPHVIZ_NODE).map(([spec, value]): [string, string] => [spec.name, plainValue(value)])
        ];
        lines.push(`  ${dotString(node.id)} [${dotAttributes(attributes)}];`);
    }
    const maxWeight = Math.max(1, ...graph.edges.map(edge => edge.attributes.weight as number));
    for (const edge of graph.edges) {
        const weight = edge.attributes.weight as number;
        const attributes: Array<[string, string]> = [
            ['color', edge.colour],
            ['penwidth', formatNumber(Math.round((0.8 + 2.7 * (weight / maxWeight)) * 10) / 10)],
            ['tooltip', `${edge.source} → ${edge.attributes.relation} → ${edge.target}, weight ${weight}`]
        ];
        if (edge.attributes.polarity === 'negative') attributes.push(['style', 'dashed']);
        if (directed && !edge.directed) attributes.push(['dir', 'none']);
        attributes.push(['weight', formatNumber(weight)]);
        for (const [spec, value] of presentAttributes(graph.edgeAttributes, edge.attributes, GRAPHVIZ_EDGE)) attributes.push([spec.name, plainValue(value)]);
        lines.push(`  ${dotString(edge.source)} ${arrow} ${dotString(edge.target)} [${dotAttributes(attributes)}];`);
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}
