import type { AstNodeDescription, LangiumCoreServices, ReferenceInfo, Scope, Stream } from 'langium';
import { DefaultScopeProvider, MapScope, stream } from 'langium';
import type { TerritoryIndexManager } from '../workspace/index-manager.js';

/**
 * The global scope resolves a name declared twice to its first declaration in workspace
 * order. Names are looked up in the index's map of every exported name
 * (`TerritoryIndexManager.firstNamed`), kept up to date file by file.
 */
export class TerritoryScopeProvider extends DefaultScopeProvider {
    constructor(services: LangiumCoreServices) {
        super(services);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        // The shared module's index manager (territory-module.ts).
        return this.globalScopeCache.get(referenceType, () => new WorkspaceScope(this.indexManager as TerritoryIndexManager, referenceType));
    }
}

/** The names of one type across the workspace, each resolved to its first declaration in workspace order. */
class WorkspaceScope implements Scope {
    private all?: MapScope;

    constructor(private readonly indexManager: TerritoryIndexManager, private readonly type: string) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.indexManager.firstNamed(name, this.type);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const found = this.getElement(name);
        return stream(found ? [found] : []);
    }

    /** For completion: each name once. */
    getAllElements(): Stream<AstNodeDescription> {
        return this.allElements().getAllElements();
    }

    private allElements(): MapScope {
        // Langium's map scope keeps the last description it is given for a name: given in reverse, the first.
        this.all ??= new MapScope(this.indexManager.allElements(this.type).toArray().reverse());
        return this.all;
    }
}
