#!/usr/bin/env node
// The `territory` command: runs the CLI bundle built by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', '..', '..', 'out', 'cli.cjs');
if (!fs.existsSync(bundle)) {
    process.stderr.write('territory: the CLI is not built yet; run `npm run build` at the repository root.\n');
    process.exit(2);
}
require(bundle);
