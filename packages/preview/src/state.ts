/**
 * The preview's UI state, kept with `vscode.setState` so that a revived (or re-shown) panel
 * comes back as the user left it. Filters are stored as what is *hidden*, so that a relation,
 * kind, zone or interest that appears after an edit is shown.
 */
import type { Transform } from './zoom-pan.js';

export interface HiddenValues {
    relations: string[];
    kinds: string[];
    zones: string[];
    interests: string[];
}

export type Facet = keyof HiddenValues;
export const FACETS: readonly Facet[] = ['relations', 'kinds', 'zones', 'interests'];

export interface UiState {
    version: 1;
    /** Zoom and pan, and the picture they belong to (see `sceneKey`). */
    transform?: Transform;
    scene?: string;
    selected?: string;
    hidden: HiddenValues;
    minWeight: number;
    opportunities: boolean;
    search: string;
    filtersOpen: boolean;
    legendOpen: boolean;
}

export function defaultState(): UiState {
    return {
        version: 1,
        hidden: { relations: [], kinds: [], zones: [], interests: [] },
        minWeight: 0,
        // On by default: the synergy opportunities are what this picture shows that no other does.
        opportunities: true,
        search: '',
        filtersOpen: false,
        legendOpen: true
    };
}

/** A stored state, checked field by field (a state from an older preview must not break it). */
export function restoreState(stored: unknown): UiState {
    const state = defaultState();
    if (!stored || typeof stored !== 'object') return state;
    const s = stored as Partial<UiState>;
    if (s.version !== 1) return state;
    const t = s.transform;
    if (t && [t.x, t.y, t.k].every(n => typeof n === 'number' && Number.isFinite(n)) && t.k > 0) state.transform = { x: t.x, y: t.y, k: t.k };
    if (typeof s.scene === 'string') state.scene = s.scene;
    if (typeof s.selected === 'string') state.selected = s.selected;
    for (const facet of FACETS) {
        const list = s.hidden?.[facet];
        if (Array.isArray(list)) state.hidden[facet] = list.filter((v): v is string => typeof v === 'string');
    }
    if (typeof s.minWeight === 'number' && Number.isFinite(s.minWeight)) state.minWeight = s.minWeight;
    if (typeof s.opportunities === 'boolean') state.opportunities = s.opportunities;
    if (typeof s.search === 'string') state.search = s.search;
    if (typeof s.filtersOpen === 'boolean') state.filtersOpen = s.filtersOpen;
    if (typeof s.legendOpen === 'boolean') state.legendOpen = s.legendOpen;
    return state;
}
