import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { analyze, compareNames } from '@territory/analysis';
import type { View } from '@territory/language';
import { isDialogue, isKind, isRelation, isTerritory, isView, modelFromDocuments, viewSpecOf } from '@territory/language';
import type { ViewSpec } from '@territory/sociogram';
import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { loadModel } from '../load-model.js';
import { buildReport } from '../report/build-report.js';
import { sociogramPicture } from '../report/picture.js';
import type { ReportLanguage } from '../report/words.js';
import { REPORT_LANGUAGES, WORDS } from '../report/words.js';

const VERSION = '0.1.0';
/** Synergy opportunities listed (and drawn over the sociogram) by default. */
const DEFAULT_TOP = 20;

export const reportCommand: Command = {
    name: 'report',
    summary: 'one self-contained, printable HTML report for a council: sociogram, figures, opportunities, commitments',
    usage: 'territory report [paths…] -o FILE.html [--view NAME] [--title TEXT] [--lang en|fr] [--top N]',
    description: 'Writes one HTML file that opens anywhere without a network: the key figures explained in plain words, ' +
        'the sociogram (the picture of the editor\'s preview, inline SVG), brokers, isolated actors, communities, ' +
        'synergy opportunities with who could introduce the actors, tensions, bridges, and every dialogue\'s commitments ' +
        'with the overdue ones highlighted. It prints on A4, one section per page. The same model always gives the same file.\n' +
        'Exit code: 0 written, 2 usage or I/O problem (missing -o, unknown view…).',
    examples: [
        'territory report examples/oriental -o oriental.html',
        'territory report examples/oriental -o jerada.html --view TensionsJerada --title "Jerada — bilan"',
        'territory report models --lang fr -o rapport.html',
        'territory report models -o - > report.html'
    ],
    options: {
        output: { type: 'string', short: 'o' },
        view: { type: 'string' },
        title: { type: 'string' },
        lang: { type: 'string' },
        top: { type: 'string' }
    },
    optionHelp: [
        '-o FILE        where to write the report (- for standard output); required (also --output)',
        '--view NAME    draw the sociogram of this view (its actors, relations, colours and layout);',
        '               the figures and lists stay those of the whole model',
        '--title TEXT   the report\'s title (default: the territory\'s title)',
        '--lang L       en (default) or fr: the language of the headings and explanations',
        `--top N        how many synergy opportunities to list and draw (default ${DEFAULT_TOP})`
    ],
    async run({ paths, options, stdout, stderr, progress }) {
        const output = options.output as string | undefined;
        if (output === undefined || output === '') throw new UsageError('report needs -o FILE (or -o - for standard output)');
        const lang = (options.lang as string | undefined) ?? 'en';
        if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be en or fr, not '${lang}'`);
        const top = options.top === undefined ? DEFAULT_TOP : wholeNumber('--top', options.top as string);
        const words = WORDS[lang as ReportLanguage];

        progress.start('Checking the model', 4);
        const { services, documents } = await loadModel(paths);
        const facts = astFacts(documents);
        const titles = kindAndRelationTitles(services.shared.workspace.LangiumDocuments.all.toArray());
        const viewName = options.view as string | undefined;
        let view: View | undefined;
        if (viewName !== undefined) {
            view = facts.views.find(candidate => candidate.name === viewName);
            if (!view) {
                const known = facts.views.map(candidate => candidate.name).sort(compareNames);
                throw new UsageError(`no view named '${viewName}' in the model (${known.length ? `views: ${known.join(', ')}` : 'it declares no view'})`);
            }
        }
        const errors = documents.reduce((sum, document) => sum + (document.diagnostics ?? []).filter(d => (d.severity ?? 1) === 1).length, 0);
        if (errors && !options.quiet) {
            stderr(`territory: warning: the model has ${errors} error${errors === 1 ? '' : 's'}; what does not resolve is left out of the report (see territory check)\n`);
        }

        progress.update(1, 'analysing');
        const model = modelFromDocuments(documents);
        const opportunitiesLimit = Math.max(100, top);
        const result = analyze(model, { top: opportunitiesLimit });

        progress.update(2, 'laying out the sociogram');
        const spec: ViewSpec = view ? viewSpecOf(view) : {};
        const picture = await sociogramPicture(model, result, { spec, opportunities: top, strings: words.svgStrings });

        progress.update(3, 'writing the report');
        const territoryPlace = model.places.find(place => !place.parent && place.name === facts.territory?.name) ?? model.places.find(place => !place.parent);
        const title = (options.title as string | undefined) ?? territoryPlace?.title ?? territoryPlace?.name ?? words.defaultTitle;
        const report = buildReport({
            model,
            result,
            words,
            title,
            territory: facts.territory ? { description: facts.territory.description, population: facts.territory.population } : undefined,
            asOfDeclared: facts.territory?.asOf !== undefined,
            picture,
            view: view ? { name: view.name, title: view.title } : undefined,
            kinds: titles.kinds,
            relations: titles.relations,
            dialogues: facts.dialogues,
            top,
            opportunitiesLimit,
            files: documents.length,
            version: VERSION
        });
        progress.done();

        if (output === '-') {
            stdout(report);
            return 0;
        }
        try {
            await fs.writeFile(output, report, 'utf8');
        } catch (error) {
            throw new UsageError(`${output}: cannot be written (${(error as NodeJS.ErrnoException).code ?? error})`);
        }
        if (!options.quiet) {
            const overdue = result.commitments.overdue.length;
            stderr(`${path.relative(process.cwd(), path.resolve(output)) || output}: ${result.network.actors} actors, ${result.network.ties} ties, ` +
                `${overdue} overdue commitment${overdue === 1 ? '' : 's'}\n`);
        }
        return 0;
    }
};

function wholeNumber(option: string, value: string): number {
    if (!/^[0-9]+$/.test(value)) throw new UsageError(`${option} takes a whole number, not '${value}'`);
    if (Number(value) < 1) throw new UsageError(`${option} takes a whole number of at least 1, not '${value}'`);
    return Number(value);
}

interface AstFacts {
    territory?: { name: string; asOf?: string; description?: string; population?: number };
    views: View[];
    dialogues: Map<string, { date?: string; description?: string }>;
}

/** What the report reads from the AST beyond the analysis model: the territory's text, the views, the dialogues' dates. */
function astFacts(documents: readonly LangiumDocument[]): AstFacts {
    const facts: AstFacts = { views: [], dialogues: new Map() };
    for (const document of documents) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (isTerritory(node) && !facts.territory && node.name) {
                facts.territory = {
                    name: node.name,
                    asOf: node.asOf,
                    description: node.description ? dedent(node.description) : undefined,
                    population: node.population !== undefined && /^[0-9]+$/.test(String(node.population)) ? Number(node.population) : undefined
                };
            } else if (isView(node) && node.name) {
                facts.views.push(node);
            } else if (isDialogue(node) && node.name && !facts.dialogues.has(node.name)) {
                facts.dialogues.set(node.name, { date: node.date, description: node.description ? dedent(node.description) : undefined });
            }
        }
    }
    return facts;
}

/** The titles of kinds and relations, from the model and the built-in prelude. */
function kindAndRelationTitles(documents: readonly LangiumDocument[]): { kinds: Map<string, string>; relations: Map<string, string> } {
    const kinds = new Map<string, string>();
    const relations = new Map<string, string>();
    const ordered = [...documents].sort((a, b) => compareNames(a.uri.toString(), b.uri.toString()));
    for (const document of ordered) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (isKind(node) && node.name && node.title && !kinds.has(node.name)) kinds.set(node.name, node.title);
            else if (isRelation(node) && node.name && node.title && !relations.has(node.name)) relations.set(node.name, node.title);
        }
    }
    return { kinds, relations };
}

/** A multi-line description as one paragraph. */
function dedent(text: string): string {
    return text.split('\n').map(line => line.trim()).filter(Boolean).join(' ');
}
