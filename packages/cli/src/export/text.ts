import type { AttributeSpec, AttributeValue } from './graph.js';

/** Characters XML 1.0 does not allow, even escaped: replaced by U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
    ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;',
    // Written as references, or a parser would read them back as spaces.
    '\n': '&#10;', '\r': '&#13;', '\t': '&#9;'
};

/** Text content of an XML element. `\r` is escaped too: XML parsers would turn `\r\n` into `\n`. */
export function xmlText(text: string): string {
    return text.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, char => TEXT_ESCAPES[char] ?? '&#13;');
}

/** The value of an XML attribute, written between double quotes. */
export function xmlAttribute(text: string): string {
    return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\n\r\t]/g, char => ATTRIBUTE_ESCAPES[char]);
}

/** Numbers in their shortest exact form (`0.333333333333`, `2.5e-17`), the same on every run. */
export function formatNumber(value: number): string {
    return Number.isFinite(value) ? String(value) : 'NaN';
}

/** A value as plain text: words joined with `|` (Kumu's and GraphML readers' separator). */
export function plainValue(value: AttributeValue): string {
    if (value === null) return '';
    if (Array.isArray(value)) return value.join('|');
    if (typeof value === 'number') return formatNumber(value);
    return String(value);
}

/** The attributes of a node or an edge that have a value, in the declared order. */
export function presentAttributes(specs: readonly AttributeSpec[], values: Readonly<Record<string, AttributeValue>>, skip: readonly string[] = []): Array<[AttributeSpec, Exclude<AttributeValue, null>]> {
    const present: Array<[AttributeSpec, Exclude<AttributeValue, null>]> = [];
    for (const spec of specs) {
        const value = values[spec.name];
        if (value !== null && value !== undefined && !skip.includes(spec.name)) present.push([spec, value]);
    }
    return present;
}

/** `#rrggbb` as its red, green and blue channels. */
export function rgb(colour: string): { r: number; g: number; b: number } {
    const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
    if (!match) return { r: 127, g: 127, b: 127 };
    return { r: parseInt(match[1], 16), g: parseInt(match[2], 16), b: parseInt(match[3], 16) };
}
