import { isPreludeUri } from '../prelude.js';

/**
 * The workspace order of documents: the built-in prelude first, then by URI. Where a name is
 * declared twice (an error the checker reports), references resolve to the first declaration
 * in this order, whatever the order in which files were opened or changed.
 */
export function compareDocumentUris(a: string, b: string): number {
    return Number(!isPreludeUri(a)) - Number(!isPreludeUri(b)) || (a < b ? -1 : a > b ? 1 : 0);
}
