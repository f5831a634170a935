import type { AttributeSpec, AttributeValue, ExportGraph } from './graph.js';
import { formatNumber, presentAttributes, rgb, xmlAttribute, xmlText } from './text.js';

const GEXF_TYPES: Record<AttributeSpec['type'], string> = {
    string: 'string', integer: 'integer', double: 'double', boolean: 'boolean', strings: 'liststring'
};

/** Written as the edge's own `weight` attribute, which Gephi reads as the edge weight. */
const EDGE_CORE = ['weight'];

/**
 * GEXF 1.3 (http://gexf.net/1.3), as Gephi 0.9.3 and later read it: a static graph, every
 * attribute declared with its type, the actor's label as the node label, the view's colours
 * and sizes in `viz:`, and each edge's own type (directed or undirected), weight, and relation
 * as its label and `kind` (so Gephi keeps ties of different relations between two actors apart).
 */
export function toGexf(graph: ExportGraph): string {
    const lines: string[] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
        '  <meta>',
        '    <creator>Territory</creator>',
        `    <description>${xmlText(graph.title)}</description>`,
        '  </meta>',
        `  <graph mode="static" defaultedgetype="${graph.direction === 'directed' ? 'directed' : 'undirected'}">`
    ];
    const declare = (kind: 'node' | 'edge', specs: readonly AttributeSpec[]) => {
        lines.push(`    <attributes class="${kind}">`);
        for (const spec of specs) lines.push(`      <attribute id="${xmlAttribute(spec.name)}" title="${xmlAttribute(spec.name)}" type="${GEXF_TYPES[spec.type]}"/>`);
        lines.push('    </attributes>');
    };
    const nodeSpecs = graph.nodeAttributes.filter(spec => spec.name !== 'label');
    const edgeSpecs = graph.edgeAttributes.filter(spec => !EDGE_CORE.includes(spec.name));
    declare('node', nodeSpecs);
    declare('edge', edgeSpecs);
    lines.push(`    <nodes count="${graph.nodes.length}">`);
    for (const node of graph.nodes) {
        lines.push(`      <node id="${xmlAttribute(node.id)}" label="${xmlAttribute(String(node.attributes.label))}">`);
        attvalues(lines, nodeSpecs, node.attributes);
        const { r, g, b } = rgb(node.colour);
        lines.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
        lines.push(`        <viz:size value="${formatNumber(node.size)}"/>`);
        lines.push('      </node>');
    }
    lines.push('    </nodes>');
    lines.push(`    <edges count="${graph.edges.length}">`);
    for (const edge of graph.edges) {
        const relation = xmlAttribute(String(edge.attributes.relation));
        lines.push(`      <edge id="${xmlAttribute(edge.id)}" source="${xmlAttribute(edge.source)}" target="${xmlAttribute(edge.target)}" ` +
            `type="${edge.directed ? 'directed' : 'undirected'}" label="${relation}" kind="${relation}" weight="${formatNumber(edge.attributes.weight as number)}">`);
        attvalues(lines, edgeSpecs, edge.attributes);
        const { r, g, b } = rgb(edge.colour);
        lines.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
        if (edge.attributes.polarity === 'negative') lines.push('        <viz:shape value="dashed"/>');
        lines.push('      </edge>');
    }
    lines.push('    </edges>', '  </graph>', '</gexf>');
    return lines.join('\n') + '\n';
}

function attvalues(lines: string[], specs: readonly AttributeSpec[], values: Readonly<Record<string, AttributeValue>>): void {
    const present = presentAttributes(specs, values);
    if (present.length === 0) return;
    lines.push('        <attvalues>');
    for (const [spec, value] of present) lines.push(`          <attvalue for="${xmlAttribute(spec.name)}" value="${xmlAttribute(gexfValue(value))}"/>`);
    lines.push('        </attvalues>');
}

/** Lists as GEXF 1.3 writes them: `[a, b]`, each word quoted when it must be. */
function gexfValue(value: Exclude<AttributeValue, null>): string {
    if (Array.isArray(value)) {
        return `[${(value as readonly string[]).map(word => (/^[^,"'\\\s[\]]+$/.test(word) ? word : `"${word.replace(/["\\]/g, (char: string) => `\\${char}`)}"`)).join(', ')}]`;
    }
    return typeof value === 'number' ? formatNumber(value) : String(value);
}
