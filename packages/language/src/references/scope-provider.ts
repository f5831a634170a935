import type { AstNodeDescription, LangiumCoreServices, ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider, MapScope } from 'langium';

/**
 * The global scope resolves a name declared twice to its first declaration in workspace
 * order (the index lists symbols in that order; Langium's map scope keeps the last one it
 * is given, so it is given them in reverse).
 */
export class TerritoryScopeProvider extends DefaultScopeProvider {
    constructor(services: LangiumCoreServices) {
        super(services);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.globalScopeCache.get(referenceType, () => {
            const descriptions: AstNodeDescription[] = this.indexManager.allElements(referenceType).toArray().reverse();
            return new MapScope(descriptions);
        });
    }
}
