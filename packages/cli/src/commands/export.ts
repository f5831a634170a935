import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { analyze } from '@territory/analysis';
import { findView, modelFromDocuments, viewNames, viewSpecOf } from '@territory/language';
import type { LayoutAlgorithm, ViewSpec } from '@territory/sociogram';
import { LAYOUT_ALGORITHMS, selectView } from '@territory/sociogram';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { toKumuCsv } from '../export/csv.js';
import { toDot } from '../export/dot.js';
import { toGexf } from '../export/gexf.js';
import { exportGraph } from '../export/graph.js';
import { toGraphml } from '../export/graphml.js';
import { toJson } from '../export/json.js';
import { toSvg, viewLayout } from '../export/svg.js';
import { loadModel } from '../load-model.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json', 'dot', 'svg'] as const;
type ExportFormat = typeof EXPORT_FORMATS[number];

const EXTENSIONS: Record<string, ExportFormat> = {
    '.gexf': 'gexf', '.graphml': 'graphml', '.csv': 'csv', '.json': 'json', '.dot': 'dot', '.gv': 'dot', '.svg': 'svg'
};

export const exportCommand: Command = {
    name: 'export',
    summary: 'the sociogram for Gephi (GEXF), GraphML tools, Kumu (CSV), graphology (JSON), Graphviz (DOT) or as SVG',
    usage: 'territory export [paths…] --format gexf|graphml|csv|json|dot|svg [--view NAME] [-o FILE]',
    description: 'Writes the actors (with label, kind, zone, power, tags, description and every per-actor figure of ' +
        '`territory metrics`: degree, betweenness, PageRank, community, status, brokerage, MACTOR, commitments…) and their ' +
        'ties (relation, polarity, weight, direction, notes) of the whole model, or of what a `view` declaration selects. ' +
        'Ties are merged as the preview draws them: one edge per pair of actors, relation and direction, weights summed ' +
        '(`ties` counts the tie statements, `note` joins their notes). The figures are those of the whole model, as in ' +
        'the preview.\n' +
        'gexf: GEXF 1.3 for Gephi; graphml: GraphML with typed keys; csv: two files for a Kumu import, ' +
        'FILE-elements.csv and FILE-connections.csv (-o actors.csv writes actors-elements.csv and actors-connections.csv); ' +
        'json: graphology\'s format (Graph.from reads it); dot: Graphviz; svg: the preview\'s picture, with the layout ' +
        'the view declares (or clusters). Without -o (or with -o -) the result goes to standard output, except csv.',
    examples: [
        'territory export examples/oriental --format gexf -o oriental.gexf',
        'territory export examples/oriental --view EauBasseMoulouya -o water.svg',
        'territory export examples/oriental --format csv -o actors.csv     # actors-elements.csv, actors-connections.csv',
        'territory export examples/oriental --format dot | dot -Tpdf -o oriental.pdf',
        'territory export examples/oriental --format graphml --view TensionsJerada -o jerada.graphml'
    ],
    options: {
        format: { type: 'string' },
        view: { type: 'string' },
        output: { type: 'string', short: 'o' },
        layout: { type: 'string' },
        'no-opportunities': { type: 'boolean' }
    },
    optionHelp: [
        '--format F          gexf, graphml, csv, json, dot or svg (default: from the extension of -o)',
        '--view NAME         only what this view declaration selects (its actors, relations, colours, layout)',
        '-o, --output FILE   where to write (default: standard output); csv writes FILE-elements.csv and FILE-connections.csv',
        '--layout L          svg: clusters, layered, radial, force or stress instead of the view\'s layout',
        '--no-opportunities  svg: without the synergy opportunities overlay'
    ],
    async run({ paths, options, stdout, stderr, progress }) {
        const output = options.output as string | undefined;
        const toFile = output !== undefined && output !== '-';
        const format = exportFormat(options.format as string | undefined, toFile ? output : undefined);
        if (format === 'csv' && !toFile) {
            throw new UsageError('--format csv writes two files (NAME-elements.csv and NAME-connections.csv): give -o NAME.csv');
        }
        const layout = options.layout as string | undefined;
        if (layout !== undefined) {
            if (!(LAYOUT_ALGORITHMS as readonly string[]).includes(layout)) throw new UsageError(`--layout must be ${orList(LAYOUT_ALGORITHMS)}, not '${layout}'`);
            if (format !== 'svg') throw new UsageError('--layout applies to --format svg only');
        }

        progress.start('Checking the model');
        const { documents } = await loadModel(paths);
        const viewName = options.view as string | undefined;
        let spec: ViewSpec = {};
        if (viewName !== undefined) {
            const view = findView(documents, viewName);
            if (!view) {
                progress.done();
                const names = viewNames(documents);
                throw new UsageError(`no view named '${viewName}' in the model (${names.length ? `its views: ${names.join(', ')}` : 'it declares no view'})`);
            }
            spec = viewSpecOf(view);
        }
        progress.update(1, 'analysing');
        const model = modelFromDocuments(documents);
        const analysis = analyze(model);
        const view = selectView(model, analysis, spec);
        const graph = exportGraph(model, analysis, view, spec);

        const files: Array<[string, string]> = [];
        if (format === 'csv') {
            const base = output!.replace(/\.csv$/i, '');
            const { elements, connections } = toKumuCsv(graph);
            files.push([`${base}-elements.csv`, elements], [`${base}-connections.csv`, connections]);
        } else {
            let text: string;
            if (format === 'svg') {
                progress.update(2, 'laying out');
                const algorithm: LayoutAlgorithm = (layout as LayoutAlgorithm | undefined) ?? viewLayout(spec);
                const picture = await toSvg(view, spec, analysis, { algorithm, opportunities: !options['no-opportunities'] });
                if (picture.layout.note && !options.quiet) stderr(`territory: ${picture.layout.note}\n`);
                text = picture.svg;
            } else {
                text = { gexf: toGexf, graphml: toGraphml, json: toJson, dot: toDot }[format](graph);
            }
            if (!toFile) {
                progress.done();
                stdout(text);
                return 0;
            }
            files.push([output!, text]);
        }
        progress.done();
        for (const [file, text] of files) {
            try {
                await fs.writeFile(file, text, 'utf8');
            } catch (error) {
                throw new UsageError(`${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? error})`);
            }
        }
        if (!options.quiet) {
            stderr(`Wrote ${files.map(([file]) => path.normalize(file)).join(' and ')}: ${graph.nodes.length} actors, ${graph.edges.length} edges.\n`);
        }
        return 0;
    }
};

function exportFormat(option: string | undefined, output: string | undefined): ExportFormat {
    if (option !== undefined) {
        if (!(EXPORT_FORMATS as readonly string[]).includes(option)) throw new UsageError(`--format must be ${orList(EXPORT_FORMATS)}, not '${option}'`);
        return option as ExportFormat;
    }
    const inferred = output ? EXTENSIONS[path.extname(output).toLowerCase()] : undefined;
    if (!inferred) throw new UsageError(`--format is needed (${orList(EXPORT_FORMATS)})${output ? `: '${path.basename(output)}' does not tell` : ''}`);
    return inferred;
}

function orList(words: readonly string[]): string {
    return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
