import { csvCell } from '@territory/analysis';
import type { ExportGraph } from './graph.js';
import { plainValue } from './text.js';

/** The node attributes that go to Kumu's own columns rather than to one of their own. */
const ELEMENT_CORE = ['label', 'kind', 'description', 'tags'];
const CONNECTION_CORE = ['relation', 'weight', 'directed', 'note'];

/**
 * The two sheets of a Kumu import (RFC 4180, CRLF, UTF-8). Elements: `ID` (the actor's name,
 * so that a new import updates the map instead of duplicating it), `Label`, `Type` (the kind),
 * `Description`, `Tags` (words joined with `|`), then one column per other attribute.
 * Connections: `ID`, `From` and `To` (actors' IDs), `Type` (the relation), `Direction`
 * (`directed` for `->` ties, `mutual` for `--` ties), `Strength` (the weight), `Description`
 * (the notes), then `polarity` and `ties`.
 */
export function toKumuCsv(graph: ExportGraph): { elements: string; connections: string } {
    const elementColumns = graph.nodeAttributes.filter(spec => !ELEMENT_CORE.includes(spec.name));
    const elements = [
        ['ID', 'Label', 'Type', 'Description', 'Tags', ...elementColumns.map(spec => spec.name)],
        ...graph.nodes.map(node => [
            node.id,
            ...['label', 'kind', 'description', 'tags', ...elementColumns.map(spec => spec.name)].map(name => plainValue(node.attributes[name] ?? null))
        ])
    ];
    const connectionColumns = graph.edgeAttributes.filter(spec => !CONNECTION_CORE.includes(spec.name));
    const connections = [
        ['ID', 'From', 'To', 'Type', 'Direction', 'Strength', 'Description', ...connectionColumns.map(spec => spec.name)],
        ...graph.edges.map(edge => [
            // Names hold no space: "From relation To" is unique, and free of Kumu's `|` separator.
            `${edge.source} ${edge.attributes.relation} ${edge.target}`,
            edge.source,
            edge.target,
            plainValue(edge.attributes.relation),
            edge.directed ? 'directed' : 'mutual',
            plainValue(edge.attributes.weight),
            plainValue(edge.attributes.note),
            ...connectionColumns.map(spec => plainValue(edge.attributes[spec.name] ?? null))
        ])
    ];
    return { elements: sheet(elements), connections: sheet(connections) };
}

function sheet(rows: string[][]): string {
    return rows.map(row => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
