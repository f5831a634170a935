import type { BuildOptions, LangiumSharedCoreServices } from 'langium';
import { DefaultWorkspaceManager } from 'langium';

/**
 * The first build validates every file. Langium's default skips validation there; a file
 * opened while that build runs then leaves the other files unvalidated — and out of the
 * Problems panel and the analysis — until some later edit.
 */
export class TerritoryWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }
}
