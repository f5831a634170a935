/**
 * Search: case- and accent-insensitive, on actors' names and labels. "amal" finds
 * "Association Amal", "saidia" finds "Saïdia", and in Arabic the hamza forms of alif, the
 * short vowels, tatweel, tā' marbūṭa and alif maqṣūra do not matter either.
 */
import type { PositionedNode } from '@territory/sociogram';

export function normalise(text: string): string {
    return text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/\u0640/g, '') // tatweel
        .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا (when not decomposed)
        .replace(/\u0629/g, '\u0647') // ة → ه
        .replace(/\u0649/g, '\u064A') // ى → ي
        .toLocaleLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
}

/** The nodes matching the query, in the picture's order (an empty query matches nothing). */
export function searchNodes(nodes: readonly PositionedNode[], query: string): PositionedNode[] {
    const q = normalise(query);
    if (!q) return [];
    return nodes.filter(node => normalise(node.id).includes(q) || normalise(node.label).includes(q));
}
