import { actorsCsv, analyze, contractJson, summaryMarkdown } from '@territory/analysis';
import { modelFromDocuments } from '@territory/language';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { loadModel } from '../load-model.js';

export const METRICS_FORMATS = ['json', 'csv', 'md'] as const;

export const metricsCommand: Command = {
    name: 'metrics',
    summary: 'the sociogram analysis: figures, convergence, synergy opportunities, commitments',
    usage: 'territory metrics [paths…] [--format json|csv|md] [--top N] [--all-pairs] [--actor NAME] [--timings]',
    description: 'Per-actor figures (degree, betweenness, closeness, PageRank, community, sociometric status, MACTOR…), ' +
        'network figures, convergence, synergy opportunities with who could introduce the actors, tensions, bridges and ' +
        'commitments. json: the contract of docs/metrics.md; csv: one row per actor; md: a readable summary.',
    examples: [
        'territory metrics examples/oriental --format md',
        'territory metrics examples/oriental --format csv > actors.csv',
        'territory metrics examples/oriental --actor AgenceOriental'
    ],
    options: {
        format: { type: 'string' },
        top: { type: 'string' },
        'all-pairs': { type: 'boolean' },
        actor: { type: 'string' },
        timings: { type: 'boolean' }
    },
    optionHelp: [
        '--format F     json (default), csv or md',
        '--top N        how many synergy opportunities to list (default 100)',
        '--all-pairs    list every convergent pair even above 1,000 actors',
        '--actor NAME   only this actor: its figures, pairs, opportunities, tensions, bridges and commitments',
        '--timings      also print how long each step took, on standard error (for benchmarks)'
    ],
    async run({ paths, options, stdout, stderr, progress }) {
        const format = (options.format as string | undefined) ?? 'json';
        if (!(METRICS_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be json, csv or md, not '${format}'`);
        const top = options.top === undefined ? undefined : parseWholeNumber('--top', options.top as string);
        const steps: Array<[string, number]> = [];
        progress.start('Checking the model');
        let start = performance.now();
        const { documents } = await loadModel(paths);
        steps.push(['reading and checking the files', performance.now() - start]);
        progress.update(1, 'analysing');
        start = performance.now();
        const model = modelFromDocuments(documents);
        steps.push(['the model out of the documents', performance.now() - start]);
        const result = analyze(model, { top, allPairs: Boolean(options['all-pairs']), onStep: (step, ms) => steps.push([step, ms]) });
        progress.done();
        if (options.timings) stderr(steps.map(([step, ms]) => `${ms.toFixed(1).padStart(10)} ms  ${step}\n`).join(''));
        const actor = options.actor as string | undefined;
        if (actor !== undefined) {
            if (!result.actors[actor]) throw new UsageError(`no actor named '${actor}' in the model`);
            const involves = (pair: { a: string; b: string }) => pair.a === actor || pair.b === actor;
            const figures = {
                actor,
                ...result.actors[actor],
                convergence: result.convergence.pairs.filter(involves),
                opportunities: result.opportunities.filter(involves),
                tensions: result.tensions.filter(involves),
                bridges: result.bridges.filter(involves),
                overdue: result.commitments.overdue.filter(c => c.actor === actor)
            };
            if (format === 'json') stdout(JSON.stringify(figures, null, 2) + '\n');
            else if (format === 'csv') stdout(actorsCsv(result, { ...model, actors: model.actors.filter(a => a.name === actor) }));
            else stdout(actorMarkdown(figures));
            return 0;
        }
        if (format === 'json') stdout(JSON.stringify(contractJson(result), null, 2) + '\n');
        else if (format === 'csv') stdout(actorsCsv(result, model));
        else stdout(summaryMarkdown(result, model));
        return 0;
    }
};

function parseWholeNumber(option: string, value: string): number {
    if (!/^[0-9]+$/.test(value)) throw new UsageError(`${option} takes a whole number, not '${value}'`);
    return Number(value);
}

function actorMarkdown(figures: Record<string, unknown> & { actor: string }): string {
    const lines = [`# ${figures.actor}`, '', '| figure | value |', '|---|---|'];
    for (const [key, value] of Object.entries(figures)) {
        if (key === 'actor' || Array.isArray(value) || typeof value === 'object') continue;
        lines.push(`| ${key} | ${value ?? '—'} |`);
    }
    const list = (title: string, items: unknown[], line: (item: any) => string) => {
        lines.push('', `## ${title}`, '', ...(items.length ? items.map(line) : ['None.']));
    };
    list('Synergy opportunities', figures.opportunities as unknown[], o => `- with ${o.a === figures.actor ? o.b : o.a}: convergence ${o.convergence}; introducers: ${o.introducers.join(', ') || 'none'}`);
    list('Tensions', figures.tensions as unknown[], t => `- with ${t.a === figures.actor ? t.b : t.a}: divergence ${t.divergence}, convergence ${t.convergence}`);
    list('Bridges', figures.bridges as unknown[], b => `- with ${b.a === figures.actor ? b.b : b.a}: on ${b.interests.join(', ')}`);
    list('Overdue commitments', figures.overdue as unknown[], c => `- ${c.dialogue}.${c.name}, due ${c.due}, ${c.status}`);
    return lines.join('\n') + '\n';
}
