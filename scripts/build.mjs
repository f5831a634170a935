// One esbuild script for every bundle: the extension, the language server and the CLI
// (node, CommonJS, so that both VS Code's Node 22 and code-server's Node 20 load them).
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const nodeBundles = [
    { entryPoints: { extension: 'packages/extension/src/extension.ts' }, external: ['vscode'] },
    { entryPoints: { server: 'packages/server/src/start.ts' } },
    { entryPoints: { 'language-server': 'packages/server/src/main.ts' } },
    { entryPoints: { 'analysis-worker': 'packages/server/src/analysis-worker.ts' } },
    { entryPoints: { 'layout-worker': 'packages/server/src/layout-worker.ts' } },
    { entryPoints: { cli: 'packages/cli/src/main.ts' } }
];

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    sourcemap: !production,
    minify: production,
    // Langium and its dependencies are ES modules; `import.meta.url` has no CommonJS meaning.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    logLevel: 'info'
};

// The preview runs in a webview: a browser bundle, one file, no module loader.
const browserBundles = [
    {
        entryPoints: { preview: 'packages/preview/src/main.ts' },
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        // The webview may load files from this folder only (localResourceRoots).
        outdir: 'out/preview',
        sourcemap: !production,
        minify: production,
        logLevel: 'info'
    }
];

// The preview's static files (styles) go beside its bundle.
fs.mkdirSync('out/preview', { recursive: true });
if (fs.existsSync('packages/preview/media')) {
    for (const file of fs.readdirSync('packages/preview/media')) fs.copyFileSync(`packages/preview/media/${file}`, `out/preview/${file}`);
}

const contexts = await Promise.all([
    ...nodeBundles.map(bundle => esbuild.context({ ...common, ...bundle })),
    ...browserBundles.map(bundle => esbuild.context(bundle))
]);
if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
} else {
    await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
}
