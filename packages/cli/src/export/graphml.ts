import type { AttributeSpec, ExportGraph } from './graph.js';
import { plainValue, presentAttributes, xmlAttribute, xmlText } from './text.js';

const GRAPHML_TYPES: Record<AttributeSpec['type'], string> = {
    string: 'string', integer: 'int', double: 'double', boolean: 'boolean', strings: 'string'
};

/**
 * GraphML (http://graphml.graphdrawing.org/xmlns): one `key` per attribute with its
 * `attr.name` and `attr.type` (tags are one string, words joined with `|`), and every edge
 * says whether it is directed. `edgedefault` is `directed` when every edge is, otherwise
 * `undirected`, the one-way edges saying `directed="true"` (readers that ignore
 * `directed="false"`, like graphology's, still get every edge right).
 */
export function toGraphml(graph: ExportGraph): string {
    const lines: string[] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
    ];
    const graphKeys: Array<[string, string]> = [['title', graph.title]];
    if (graph.view) graphKeys.push(['view', graph.view]);
    graphKeys.forEach(([name], i) => lines.push(`  <key id="g${i}" for="graph" attr.name="${name}" attr.type="string"/>`));
    const keys = (prefix: string, kind: string, specs: readonly AttributeSpec[]) => {
        const ids = new Map<string, string>();
        specs.forEach((spec, i) => {
            ids.set(spec.name, `${prefix}${i}`);
            lines.push(`  <key id="${prefix}${i}" for="${kind}" attr.name="${xmlAttribute(spec.name)}" attr.type="${GRAPHML_TYPES[spec.type]}"/>`);
        });
        return ids;
    };
    const nodeKeys = keys('n', 'node', graph.nodeAttributes);
    const edgeKeys = keys('e', 'edge', graph.edgeAttributes);
    lines.push(`  <graph id="G" edgedefault="${graph.direction === 'directed' ? 'directed' : 'undirected'}">`);
    graphKeys.forEach(([, value], i) => lines.push(`    <data key="g${i}">${xmlText(value)}</data>`));
    for (const node of graph.nodes) {
        lines.push(`    <node id="${xmlAttribute(node.id)}">`);
        for (const [spec, value] of presentAttributes(graph.nodeAttributes, node.attributes)) {
            lines.push(`      <data key="${nodeKeys.get(spec.name)}">${xmlText(plainValue(value))}</data>`);
        }
        lines.push('    </node>');
    }
    for (const edge of graph.edges) {
        lines.push(`    <edge id="${xmlAttribute(edge.id)}" source="${xmlAttribute(edge.source)}" target="${xmlAttribute(edge.target)}" directed="${edge.directed}">`);
        for (const [spec, value] of presentAttributes(graph.edgeAttributes, edge.attributes)) {
            lines.push(`      <data key="${edgeKeys.get(spec.name)}">${xmlText(plainValue(value))}</data>`);
        }
        lines.push('    </edge>');
    }
    lines.push('  </graph>', '</graphml>');
    return lines.join('\n') + '\n';
}
