import type { AnalysisOptions, AnalysisResult, TerritoryModel } from '../src/index.js';
import { analyze } from '../src/index.js';
import { modelFromDocuments } from '../../language/src/index.js';
import { createWorkspace } from '../../language/test/helpers.js';

/** The linked model of the given files (name → text), as the editor and the CLI build it. */
export async function modelOf(files: Record<string, string> | string): Promise<TerritoryModel> {
    const workspace = createWorkspace();
    const documents = await workspace.build(typeof files === 'string' ? { 'model.territory': files } : files);
    return modelFromDocuments(Object.values(documents));
}

export async function analysisOf(files: Record<string, string> | string, options?: AnalysisOptions): Promise<AnalysisResult> {
    return analyze(await modelOf(files), options);
}
