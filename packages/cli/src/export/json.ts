import type { ExportGraph } from './graph.js';

/**
 * graphology's serialisation format (`graph.export()`; `Graph.from(json)` reads it back, and
 * sigma.js draws it): a mixed multigraph, the graph's title and view in `attributes`, every
 * node with every attribute (null where the actor has none) plus the preview's `color` and
 * `size`, every edge with `undirected: true` unless it is directed, and its attributes and
 * `color`. Tags are arrays of words.
 */
export function toJson(graph: ExportGraph): string {
    const document = {
        options: { type: 'mixed', multi: true, allowSelfLoops: true },
        attributes: { title: graph.title, view: graph.view ?? null },
        nodes: graph.nodes.map(node => ({ key: node.id, attributes: { ...node.attributes, color: node.colour, size: node.size } })),
        edges: graph.edges.map(edge => ({
            key: edge.id,
            source: edge.source,
            target: edge.target,
            ...(edge.directed ? {} : { undirected: true }),
            attributes: { ...edge.attributes, color: edge.colour }
        }))
    };
    return JSON.stringify(document, null, 2) + '\n';
}
