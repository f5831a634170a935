import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('English and French', () => {
    test('every manifest string has its English and French text', () => {
        const manifest = read('package.json');
        const keys = [...manifest.matchAll(/"%([\w.]+)%"/g)].map(match => match[1]);
        const english = JSON.parse(read('package.nls.json'));
        const french = JSON.parse(read('package.nls.fr.json'));
        expect(keys.length).toBeGreaterThan(5);
        for (const key of keys) {
            expect(english[key], key).toBeTruthy();
            expect(french[key], key).toBeTruthy();
        }
        expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
    });

    test('every string the extension shows through vscode.l10n has a French translation', () => {
        const french = JSON.parse(read('l10n/bundle.l10n.fr.json'));
        const folder = 'packages/extension/src';
        const messages = readdirSync(join(root, folder)).filter(file => file.endsWith('.ts'))
            .flatMap(file => [...read(join(folder, file)).matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map(match => match[1].replace(/\\'/g, "'")));
        expect(messages.length).toBeGreaterThan(20);
        const missing = [...new Set(messages)].filter(message => !french[message]);
        expect(missing).toEqual([]);
    });
});
