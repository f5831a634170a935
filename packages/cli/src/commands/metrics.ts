import { actorsCsv, analyze, contractJson, summaryMarkdown } from '@territory/analysis';
import { modelFromDocuments } from '@territory/language';
import { UsageError } from '../errors.js';
import { loadModel } from '../load-model.js';

export const METRICS_FORMATS = ['json', 'csv', 'md'] as const;
export type MetricsFormat = (typeof METRICS_FORMATS)[number];

export interface MetricsOptions {
    format: MetricsFormat;
    top?: number;
    allPairs?: boolean;
}

/** The analysis of the model under the given paths, in the requested format. */
export async function metrics(paths: string[], options: MetricsOptions): Promise<string> {
    const { documents } = await loadModel(paths);
    const model = modelFromDocuments(documents);
    const result = analyze(model, { top: options.top, allPairs: options.allPairs });
    switch (options.format) {
        case 'json':
            return JSON.stringify(contractJson(result), null, 2) + '\n';
        case 'csv':
            return actorsCsv(result, model);
        case 'md':
            return summaryMarkdown(result, model);
    }
}

export function parseFormat(format: string): MetricsFormat {
    if (!(METRICS_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`--format must be json, csv or md, not '${format}'`);
    }
    return format as MetricsFormat;
}

export function parseTop(top: string | undefined): number | undefined {
    if (top === undefined) return undefined;
    if (!/^[0-9]+$/.test(top)) throw new UsageError(`--top takes a whole number, not '${top}'`);
    return Number(top);
}
