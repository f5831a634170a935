import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { root, territory } from './run.js';

const v1 = 'test/fixtures/diff/v1';
const v2 = 'test/fixtures/diff/v2';
const expected = readFileSync(join(root, 'test/fixtures/diff/expected.md'), 'utf8');

/** A community as a set, whatever the order of its members. */
const sorted = (members: string[]) => [...members].sort();

describe('territory diff between two folders', () => {
    test('Markdown: the expected pull-request comment, exit 0 although the versions differ', async () => {
        const run = await territory(['diff', v1, v2], root);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(expected);
    });

    test('JSON: elements, ties, stances and commitments', async () => {
        const run = await territory(['diff', v1, v2, '--format', 'json'], root);
        expect(run.code).toBe(0);
        const diff = JSON.parse(run.stdout);
        expect(Object.keys(diff)).toEqual(['version', 'old', 'new', 'identical', 'summary', 'actors', 'zones', 'interests', 'ties', 'stances',
            'workshops', 'dialogues', 'commitments', 'analysis']);
        expect(diff.version).toBe(1);
        expect(diff.old).toEqual({ argument: v1, kind: 'folder', commit: null, path: v1, files: 4, asOf: '2024-03-01', syntaxErrors: [] });
        expect(diff.new).toMatchObject({ kind: 'folder', files: 4, asOf: '2024-06-01' });
        expect(diff.identical).toBe(false);
        expect(diff.summary).toEqual({
            actors: { old: 14, new: 14, added: 1, removed: 1, changed: 4 },
            zones: { added: 0, removed: 0, changed: 1 },
            interests: { added: 1, removed: 0, changed: 0 },
            ties: { old: 15, new: 16, added: 3, removed: 2, reweighted: 1 },
            stances: 3,
            workshops: { added: 1, removed: 0, changed: 0 },
            dialogues: { added: 0, removed: 0, changed: 1 },
            commitments: { added: 1, removed: 0, statusChanged: 1, changed: 0, newlyOverdue: 1, noLongerOverdue: 0 }
        });
        expect(diff.actors.added).toEqual([{
            name: 'CoopSafran', title: 'Coopérative du safran de Taliouine', kind: 'cooperative', zone: 'Amont', power: 2, tags: ['saffron']
        }]);
        expect(diff.actors.removed.map((actor: { name: string }) => actor.name)).toEqual(['RadioZiz']);
        expect(diff.actors.changed).toEqual([
            { name: 'AubergeAval', changes: [{ field: 'title', old: 'Auberge *Les Gorges*', new: 'Auberge & gîte *Les Gorges*' }] },
            { name: 'CommuneAval', changes: [{ field: 'power', old: 4, new: 3 }] },
            { name: 'CoopFemmes', changes: [{ field: 'tags', old: ['saffron', 'women'], new: ['saffron', 'tourism', 'women'] }] },
            { name: 'ONGOasis', changes: [{ field: 'zone', old: 'Ziz', new: 'Amont' }] }
        ]);
        expect(diff.zones.changed).toEqual([{ name: 'Plateau', changes: [{ field: 'title', old: 'Plateau des carrières', new: 'Plateau de Tizi' }] }]);
        expect(diff.interests.added).toEqual([{ name: 'Safran', title: 'Filière safran' }]);
        // A mutual tie is one tie whichever way it is written: `Agriculteurs -- AssocEau` in v2 is v1's `AssocEau -- Agriculteurs`.
        expect(diff.ties).toEqual({
            added: [
                { source: 'AgenceBassin', target: 'AssocEau', relation: 'collaboration', directed: false, polarity: 'positive', weight: 3 },
                { source: 'CoopFemmes', target: 'CoopSafran', relation: 'collaboration', directed: false, polarity: 'positive', weight: 2 },
                { source: 'UniversiteZiz', target: 'GuidesAval', relation: 'advice', directed: true, polarity: 'positive', weight: 1 }
            ],
            removed: [
                { source: 'CommuneAval', target: 'GuidesAval', relation: 'funding', directed: true, polarity: 'positive', weight: 2 },
                { source: 'RadioZiz', target: 'CommuneAval', relation: 'information', directed: true, polarity: 'positive', weight: 1 }
            ],
            reweighted: [
                { source: 'AssocEau', target: 'CoopFemmes', relation: 'collaboration', directed: false, polarity: 'positive', oldWeight: 2, newWeight: 4 }
            ]
        });
        expect(diff.stances).toEqual([
            { actor: 'CarriereSA', interest: 'EmploiJeunes', old: 1, new: 3 },
            { actor: 'JeunesAval', interest: 'Carriere', old: null, new: 4 },
            { actor: 'JeunesAval', interest: 'Tourisme', old: 2, new: null }
        ]);
        expect(diff.workshops.added.map((workshop: { name: string }) => workshop.name)).toEqual(['AtelierGorges']);
        expect(diff.dialogues.changed).toEqual([{ name: 'GorgesPropres', changes: [{
            field: 'parties', old: ['AubergeAval', 'CommuneAval', 'GuidesAval'], new: ['AubergeAval', 'CommuneAval', 'GuidesAval', 'JeunesAval']
        }] }]);
        expect(diff.commitments.statusChanged).toEqual([{ dialogue: 'CharteEau', name: 'Seguias', actor: 'CommuneAmont', old: 'ongoing', new: 'done' }]);
        // ToursEau (due 2024-04-15) is overdue against v2's asOf (2024-06-01), not v1's; Poubelles was overdue in both.
        expect(diff.commitments.newlyOverdue).toEqual([{ dialogue: 'CharteEau', name: 'ToursEau', actor: 'AssocEau', due: '2024-04-15', status: 'agreed' }]);
        expect(diff.commitments.added.map((c: { name: string }) => c.name)).toEqual(['Sentiers']);
    });

    test('JSON: the shifts of the analysis', async () => {
        const run = await territory(['diff', v1, v2, '--format', 'json'], root);
        const { analysis } = JSON.parse(run.stdout);
        expect(analysis.network.components).toEqual({ old: 4, new: 2 });
        expect(analysis.network.communities).toEqual({ old: 5, new: 3 });
        // Betweenness: the largest changes first, at most 10, with before and after.
        expect(analysis.betweenness.length).toBeGreaterThan(0);
        expect(analysis.betweenness.length).toBeLessThanOrEqual(10);
        const sizes = analysis.betweenness.map((shift: { change: number }) => Math.abs(shift.change));
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
        expect(analysis.betweenness[0]).toEqual({ actor: 'AssocEau', old: expect.any(Number), new: expect.any(Number), change: expect.any(Number) });
        expect(analysis.isolates).toEqual({ new: [], noLongerIsolated: ['UniversiteZiz'] });
        // The new tie AssocEau -- AgenceBassin merges the water group with the agency's group.
        expect(analysis.communities.merged).toHaveLength(1);
        expect(analysis.communities.merged[0].from.map(sorted)).toEqual([
            ['Agriculteurs', 'AssocEau', 'CommuneAmont', 'CoopFemmes'], ['AgenceBassin', 'ONGOasis']
        ]);
        expect(sorted(analysis.communities.merged[0].into)).toEqual(
            ['AgenceBassin', 'Agriculteurs', 'AssocEau', 'CommuneAmont', 'CoopFemmes', 'CoopSafran', 'ONGOasis']);
        expect(analysis.communities.split).toEqual([]);
        // The tourism group keeps its identity (matched by members, not by number): the university joined it.
        expect(analysis.communities.reshaped).toEqual([expect.objectContaining({ jaccard: 0.8, joined: ['UniversiteZiz'], left: [] })]);
        const pairs = (list: Array<{ a: string; b: string; reason: string }>) => list.map(({ a, b, reason }) => `${a} ${b} ${reason}`);
        expect(pairs(analysis.opportunities.resolved)).toEqual([
            'AgenceBassin AssocEau tied', 'CoopFemmes JeunesAval positions', 'JeunesAval ONGOasis positions'
        ]);
        expect(pairs(analysis.opportunities.new)).toEqual(expect.arrayContaining([
            'CommuneAval GuidesAval tie-removed', 'DelegationMines JeunesAval positions', 'CoopSafran ONGOasis actor-added'
        ]));
        expect(analysis.opportunities.new.find((o: { a: string; b: string }) => o.a === 'CommuneAval' && o.b === 'GuidesAval'))
            .toMatchObject({ convergence: 3.5, interests: ['Tourisme'], introducers: ['JeunesAval'] });
        expect(analysis.tensions).toEqual({ new: [{ a: 'AubergeAval', b: 'JeunesAval', convergence: 0, divergence: 3, reason: 'positions' }], resolved: [] });
    });

    test('the other way round: a split, a new isolate, a resolved tension', async () => {
        const run = await territory(['diff', v2, v1, '--format', 'json'], root);
        const { analysis, commitments } = JSON.parse(run.stdout);
        expect(analysis.communities.merged).toEqual([]);
        expect(analysis.communities.split).toHaveLength(1);
        expect(analysis.communities.split[0].into.map(sorted)).toEqual([
            ['Agriculteurs', 'AssocEau', 'CommuneAmont', 'CoopFemmes'], ['AgenceBassin', 'ONGOasis']
        ]);
        expect(analysis.isolates).toEqual({ new: ['UniversiteZiz'], noLongerIsolated: [] });
        expect(analysis.tensions.resolved).toEqual([{ a: 'AubergeAval', b: 'JeunesAval', convergence: 0, divergence: 3, reason: 'positions' }]);
        expect(commitments.noLongerOverdue).toEqual([
            { dialogue: 'CharteEau', name: 'ToursEau', actor: 'AssocEau', due: '2024-04-15', reason: 'rescheduled', status: 'agreed' }
        ]);
        const md = await territory(['diff', v2, v1], root);
        expect(md.stdout).toContain('- **Community split**: {AssocEau, Agriculteurs, CommuneAmont, +4 more} → ' +
            '{Agriculteurs, AssocEau, CommuneAmont, CoopFemmes} + {AgenceBassin, ONGOasis}');
        expect(md.stdout).toContain('- **New isolate**: UniversiteZiz');
    });

    test('the same version twice: no change, exit 0', async () => {
        const run = await territory(['diff', v1, v1], root);
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toBe('## Territory model changes\n\nNo change: both versions describe the same model (14 actors, 15 ties).\n');
        const json = JSON.parse((await territory(['diff', v1, v1, '--format', 'json'], root)).stdout);
        expect(json.identical).toBe(true);
        expect(json.analysis.betweenness).toEqual([]);
    });

    test('a version with a syntax error: a warning first, the diff of what could be read', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'territory-diff-broken-'));
        cpSync(join(root, v2), folder, { recursive: true });
        writeFileSync(join(folder, 'ties.territory'), readFileSync(join(folder, 'ties.territory'), 'utf8') + 'tie AssocEau -- \n');
        const run = await territory(['diff', join(root, v1), '.'], folder);
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n').slice(0, 4)).toEqual([
            '## Territory model changes', '',
            '> **Warning**: the new version has syntax errors in `ties.territory` (1 error); this diff covers what could be read (run `territory check`).', ''
        ]);
        const diff = JSON.parse((await territory(['diff', join(root, v1), '.', '--format', 'json'], folder)).stdout);
        expect(diff.new.syntaxErrors).toEqual([{ file: 'ties.territory', errors: 1 }]);
        expect(diff.old.syntaxErrors).toEqual([]);
    });

    test('usage problems exit 2 with one line', async () => {
        expect(await territory(['diff', v1], root)).toMatchObject({
            code: 2, stdout: '', stderr: 'territory: diff takes two versions, OLD and NEW (folders or git revisions), not 1: territory diff OLD NEW\n'
        });
        expect(await territory(['diff', v1, v2, '--format', 'html'], root)).toMatchObject({ code: 2, stderr: "territory: --format must be md or json, not 'html'\n" });
        expect(await territory(['diff', v1, v2, '--top', 'all'], root)).toMatchObject({ code: 2, stderr: "territory: --top takes a whole number, not 'all'\n" });
        expect(await territory(['diff', v1, 'README.md'], root)).toMatchObject({ code: 2, stderr: 'territory: README.md: not a .territory file\n' });
    });
});

describe('territory diff between two git revisions', () => {
    let repo: string;
    const git = (args: string[], cwd = repo) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const commitVersion = (fixture: string, message: string) => {
        const models = join(repo, 'models');
        rmSync(models, { recursive: true, force: true });
        mkdirSync(models);
        for (const file of readdirSync(join(root, fixture))) cpSync(join(root, fixture, file), join(models, file));
        git(['add', '-A']);
        git(['-c', 'user.name=Territory Tests', '-c', 'user.email=tests@territory.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message]);
    };

    beforeAll(() => {
        repo = mkdtempSync(join(tmpdir(), 'territory-diff-'));
        git(['init', '-q']);
        writeFileSync(join(repo, 'README.md'), 'A model repository.\n');
        commitVersion(v1, 'v1');
        commitVersion(v2, 'v2');
        // An uncommitted file in the work tree: revisions must not see it.
        writeFileSync(join(repo, 'models', 'scratch.territory'), 'actor Scratch "Not committed"\n');
    });

    test('HEAD~1 HEAD inside the model folder gives the same Markdown as the two folders', async () => {
        const run = await territory(['diff', 'HEAD~1', 'HEAD'], join(repo, 'models'));
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toBe(expected);
    }, 60_000);

    test('REV:path from the repository root, and the revisions in JSON', async () => {
        const run = await territory(['diff', 'HEAD~1:models', 'HEAD:models', '--format', 'json'], repo);
        expect(run.code).toBe(0);
        const diff = JSON.parse(run.stdout);
        const head = git(['rev-parse', 'HEAD']).trim();
        expect(diff.new).toEqual({ argument: 'HEAD:models', kind: 'revision', commit: head, path: 'models', files: 4, asOf: '2024-06-01', syntaxErrors: [] });
        expect(diff.old.commit).toBe(git(['rev-parse', 'HEAD~1']).trim());
        expect(diff.summary.actors).toEqual({ old: 14, new: 14, added: 1, removed: 1, changed: 4 });
        // The work tree and the index are untouched.
        expect(git(['status', '--porcelain'])).toBe('?? models/scratch.territory\n');
    }, 60_000);

    test('a revision against the work tree: the uncommitted actor shows', async () => {
        const run = await territory(['diff', 'HEAD', '.', '--format', 'json'], join(repo, 'models'));
        expect(run.code).toBe(0);
        const diff = JSON.parse(run.stdout);
        expect(diff.actors.added.map((actor: { name: string }) => actor.name)).toEqual(['Scratch']);
        expect(diff.actors.removed).toEqual([]);
        expect(diff.analysis.isolates.new).toEqual(['Scratch']);
    }, 60_000);

    test('an unknown revision, and no repository: one clear line, exit 2', async () => {
        expect(await territory(['diff', 'nosuchbranch', 'HEAD'], repo)).toMatchObject({
            code: 2, stdout: '', stderr: "territory: unknown revision 'nosuchbranch': neither a folder nor a commit of this repository\n"
        });
        expect(await territory(['diff', 'HEAD~1', 'HEAD~7:models'], repo)).toMatchObject({
            code: 2, stderr: "territory: unknown revision 'HEAD~7' in 'HEAD~7:models': not a commit of this repository\n"
        });
        const outside = mkdtempSync(join(tmpdir(), 'territory-no-repo-'));
        expect(await territory(['diff', 'HEAD~1', 'HEAD'], outside)).toMatchObject({
            code: 2, stderr: "territory: 'HEAD~1' is neither a folder nor a git revision (the current folder is not in a git repository)\n"
        });
    }, 60_000);
});
