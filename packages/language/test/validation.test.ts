import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { check, createWorkspace } from './helpers.js';

const ERROR = 1, WARNING = 2, HINT = 4;

interface Found {
    code: string;
    severity: number;
    /** The source text the diagnostic's range covers. */
    text: string;
    line: number;
    message: string;
}

function found(source: string, diagnostics: Diagnostic[]): Found[] {
    const lines = source.split('\n');
    return diagnostics.map(d => {
        const { start, end } = d.range;
        const text = start.line === end.line
            ? lines[start.line].slice(start.character, end.character)
            : lines[start.line].slice(start.character);
        return { code: String(d.code), severity: d.severity!, text, line: start.line + 1, message: String(d.message) };
    });
}

async function issuesOf(source: string, code: string): Promise<Found[]> {
    return found(source, await check(source)).filter(f => f.code === code);
}

/** Each check: a model that triggers it (where, what) and a close model that does not. */
interface Case {
    code: string;
    severity: number;
    failing: string;
    text: string;
    message: RegExp;
    passing: string;
    /** How many diagnostics the failing model gets (both declarations of a duplicate, say). */
    count?: number;
}

const BASE = 'actor A\nactor B\ntie A -- B trust\n';

const cases: Case[] = [
    {
        code: 'unresolved-reference', severity: ERROR,
        failing: 'actor AssocAmal\nactor B\ntie AssocAmel -- B trust', text: 'AssocAmel',
        message: /Unknown actor 'AssocAmel'\. Did you mean 'AssocAmal'\?/,
        passing: 'actor AssocAmal\nactor B\ntie AssocAmal -- B trust'
    },
    {
        code: 'duplicate-name', severity: ERROR,
        failing: BASE + 'interest A', text: 'A', message: /Duplicate name 'A'/, count: 2,
        passing: BASE + 'interest C'
    },
    {
        code: 'redeclared-builtin', severity: ERROR,
        failing: BASE + 'relation collaboration mutual positive', text: 'collaboration', message: /built-in relation/,
        passing: BASE + 'relation collaborationLocale mutual positive'
    },
    {
        code: 'value-out-of-range', severity: ERROR,
        failing: 'actor A\nactor B\ntie A -- B trust 6', text: '6', message: /weight must be a whole number from 1 to 5, not 6/,
        passing: 'actor A\nactor B\ntie A -- B trust 5'
    },
    {
        code: 'value-out-of-range', severity: ERROR,
        failing: BASE + 'actor C { power 6 }', text: '6', message: /Power must be a whole number from 0 to 5/,
        passing: BASE + 'actor C { power 0 }'
    },
    {
        code: 'value-out-of-range', severity: ERROR,
        failing: BASE + 'interest I\nactor C { supports I 5 }', text: '5', message: /intensity must be a whole number from 1 to 4/,
        passing: BASE + 'interest I\nactor C { supports I 4 }'
    },
    {
        code: 'not-an-integer', severity: ERROR,
        failing: BASE + 'actor C { power 2.5 }', text: '2.5', message: /Power must be a whole number from 0 to 5, not '2\.5'/,
        passing: BASE + 'actor C { power 2 }'
    },
    {
        code: 'not-an-integer', severity: ERROR,
        failing: 'actor A\nactor B\ntie A -- B trust -1', text: '-1', message: /not '-1'/,
        passing: 'actor A\nactor B\ntie A -- B trust 1'
    },
    {
        code: 'invalid-date', severity: ERROR,
        failing: BASE + 'workshop W on 2022-02-30', text: '2022-02-30', message: /not a calendar date/,
        passing: BASE + 'workshop W on 2024-02-29'
    },
    {
        code: 'invalid-date', severity: ERROR,
        failing: BASE + 'workshop W on 2022-3-5', text: '2022-3-5', message: /YYYY-MM-DD/,
        passing: BASE + 'workshop W on 2022-03-05'
    },
    {
        code: 'zone-cycle', severity: ERROR,
        failing: BASE + 'zone Z1 in Z2\nzone Z2 in Z1', text: 'Z2', message: /Zone 'Z1' contains itself/, count: 2,
        passing: BASE + 'zone Z1\nzone Z2 in Z1'
    },
    {
        code: 'self-tie', severity: ERROR,
        failing: BASE + 'tie A -> A advice', text: 'A', message: /from 'A' to itself/,
        passing: BASE + 'tie A -> B advice'
    },
    {
        code: 'contradictory-stance', severity: ERROR,
        failing: BASE + 'interest I\nactor C { supports I 2\n opposes I }', text: 'opposes I', message: /both supports and opposes 'I'/,
        passing: BASE + 'interest I\nactor C { supports I 2 }'
    },
    {
        code: 'bidi-control-in-name', severity: ERROR,
        failing: BASE + 'actor Ass\u200Foc', text: 'Ass\u200Foc', message: /bidirectional control characters/,
        passing: BASE + 'actor Assoc'
    },
    {
        code: 'invalid-name', severity: ERROR,
        failing: BASE + 'actor Assoc—Amal', text: 'Assoc—Amal', message: /'—' cannot be part of a name/,
        passing: BASE + 'actor Assoc_Amal'
    },
    {
        code: 'second-territory', severity: ERROR,
        failing: 'territory T1\nterritory T2\n' + BASE, text: 'T2', message: /one territory; 'T1' is already declared/,
        passing: 'territory T1\nzone T2 in T1\n' + BASE
    },
    {
        code: 'duplicate-commitment', severity: ERROR,
        failing: BASE + 'dialogue D {\n parties A\n commitment C1: A commits\n commitment C1: A commits }', text: 'C1',
        message: /already has a commitment named 'C1'/,
        passing: BASE + 'dialogue D {\n parties A\n commitment C1: A commits\n commitment C2: A commits }'
    },
    {
        code: 'unknown-value', severity: ERROR,
        failing: BASE + 'dialogue D {\n parties A\n commitment C1: A commits status ongiong }', text: 'ongiong',
        message: /Unknown commitment status 'ongiong'.*Did you mean 'ongoing'\?/,
        passing: BASE + 'dialogue D {\n parties A\n commitment C1: A commits status ongoing }'
    },
    {
        code: 'unknown-value', severity: ERROR,
        failing: BASE + 'view V { layout forse }', text: 'forse', message: /Unknown layout 'forse'.*Did you mean 'force'\?/,
        passing: BASE + 'view V { layout force }'
    },
    {
        code: 'unknown-value', severity: ERROR,
        failing: BASE + 'view V { size by betweeness }', text: 'betweeness', message: /Did you mean 'betweenness'\?/,
        passing: BASE + 'view V { size by betweenness }'
    },
    {
        code: 'unknown-value', severity: ERROR,
        failing: BASE + 'view V { color by comunity }', text: 'comunity', message: /Did you mean 'community'\?/,
        passing: BASE + 'view V { color by community }'
    },
    {
        code: 'stance-needs-interest', severity: ERROR,
        failing: BASE + 'interest I\nactor C { supports I }\nview V { color by stance }', text: 'stance', message: /color by stance INTEREST/,
        passing: BASE + 'interest I\nactor C { supports I }\nview V { color by stance I }'
    },
    {
        code: 'direction-mismatch', severity: WARNING,
        failing: 'actor A\nactor B\ntie A -- B funding', text: '--', message: /directed relation: write the tie with '->'/,
        passing: 'actor A\nactor B\ntie A -> B funding'
    },
    {
        code: 'direction-mismatch', severity: WARNING,
        failing: 'actor A\nactor B\ntie A -> B collaboration', text: '->', message: /mutual relation: write the tie with '--'/,
        passing: 'actor A\nactor B\ntie A -- B collaboration'
    },
    {
        code: 'duplicate-tie', severity: WARNING,
        failing: BASE + 'tie B -- A trust', text: 'tie B -- A trust', message: /same tie is already declared in model\.territory:3/,
        passing: BASE + 'tie B -- A collaboration'
    },
    {
        code: 'commitment-by-non-party', severity: WARNING,
        failing: BASE + 'dialogue D {\n parties A\n commitment C1: A commits\n commitment C2: B commits }', text: 'B',
        message: /'B' is not a party of dialogue 'D'/,
        passing: BASE + 'dialogue D {\n parties A, B\n commitment C1: A commits\n commitment C2: B commits }'
    },
    {
        code: 'commitment-overdue', severity: WARNING,
        failing: 'territory T { asOf 2022-06-01 }\n' + BASE + 'dialogue D {\n parties A\n commitment C1: A commits due 2022-05-31 status ongoing }',
        text: '2022-05-31', message: /due on 2022-05-31 and is still 'ongoing' \(as of 2022-06-01\)/,
        passing: 'territory T { asOf 2022-06-01 }\n' + BASE + 'dialogue D {\n parties A\n commitment C1: A commits due 2022-05-31 status done }'
    },
    {
        code: 'workshop-after-dialogue', severity: WARNING,
        failing: BASE + 'workshop W on 2022-05-01\ndialogue D on 2022-04-01 { from W }', text: 'W', message: /dated after this dialogue/,
        passing: BASE + 'workshop W on 2022-03-01\ndialogue D on 2022-04-01 { from W }'
    },
    {
        code: 'repeated-property', severity: WARNING,
        failing: BASE + 'actor C { power 2\n power 3 }', text: 'power', message: /'power' is given more than once/,
        passing: BASE + 'actor C { power 3 }'
    },
    {
        code: 'isolated-actor', severity: HINT,
        failing: BASE + 'actor Lonely', text: 'Lonely', message: /'Lonely' has no tie/,
        passing: BASE + 'actor Lonely\ntie Lonely -> A advice'
    },
    {
        code: 'interest-without-stance', severity: HINT,
        failing: BASE + 'interest Roads', text: 'Roads', message: /No actor supports or opposes 'Roads'/,
        passing: BASE + 'interest Roads\nactor C { opposes Roads }\ntie C -- A trust'
    },
    {
        code: 'tension', severity: HINT,
        failing: 'interest W\nactor A { supports W 3 }\nactor B { opposes W 1 }\ntie A -- B trust\ntie A -> B advice', text: 'tie A -- B trust',
        message: /Tension: 'A' and 'B' are tied but diverge on W \(divergence 2 > convergence 0\)/,
        passing: 'interest W\nactor A { supports W 3 }\nactor B { supports W 1 }\ntie A -- B trust'
    },
    {
        code: 'party-without-commitment', severity: HINT,
        failing: BASE + 'dialogue D {\n parties A, B\n commitment C1: A commits }', text: 'B', message: /Party 'B' makes no commitment/,
        passing: BASE + 'dialogue D {\n parties A, B\n commitment C1: A commits\n commitment C2: B commits }'
    }
];

describe('each check has a failing and a passing case', () => {
    test.each(cases.map(c => [`${c.code}: ${c.text}`, c] as const))('%s', async (_, c) => {
        const failing = await issuesOf(c.failing, c.code);
        expect(failing, `expected ${c.code} in:\n${c.failing}`).toHaveLength(c.count ?? 1);
        expect(failing[0]).toMatchObject({ severity: c.severity, text: c.text });
        expect(failing[0].message).toMatch(c.message);
        expect(await issuesOf(c.passing, c.code)).toEqual([]);
    });
});

describe('messages and locations', () => {
    test('tension: an interest held twice counts once, with its last stance, in the order of its first', async () => {
        const source = 'interest W\ninterest V\nactor A { supports W 3\n supports V 1\n opposes W 2 }\nactor B { supports W 1\n opposes V 2 }\ntie A -- B trust';
        const [issue] = await issuesOf(source, 'tension');
        expect(issue.message).toBe("Tension: 'A' and 'B' are tied but diverge on W, V (divergence 3 > convergence 0).");
    });

    test('did you mean: the closest names of the expected type only', async () => {
        const source = 'actor AssocAmal\nactor AssocAmar\nzone AssocAmap\nactor B\ntie AssocAmaz -- B trust';
        const [issue] = await issuesOf(source, 'unresolved-reference');
        expect(issue.message).toBe("Unknown actor 'AssocAmaz'. Did you mean 'AssocAmal' or 'AssocAmar'?");
    });

    test('a name of another type is said so', async () => {
        const [issue] = await issuesOf('zone Berkane\nactor B\ntie Berkane -- B trust', 'unresolved-reference');
        expect(issue.message).toMatch(/^'Berkane' is a zone, not an actor\./);
    });

    test('only relations are expected in a tie\'s relation slot', async () => {
        const [issue] = await issuesOf('actor A\nactor B\ntie A -- B colaboration', 'unresolved-reference');
        expect(issue.message).toBe("Unknown relation 'colaboration'. Did you mean 'collaboration'?");
    });

    test('both declarations of a duplicate are reported, across files', async () => {
        const workspace = createWorkspace();
        const documents = await workspace.build({
            'a.territory': 'actor AssocAmal\nactor B\ntie AssocAmal -- B trust',
            'b.territory': '\ninterest AssocAmal'
        });
        const a = documents['a.territory'].diagnostics!.filter(d => d.code === 'duplicate-name');
        const b = documents['b.territory'].diagnostics!.filter(d => d.code === 'duplicate-name');
        expect(a.map(d => d.message)).toEqual(["Duplicate name 'AssocAmal': also declared as interest in b.territory:2."]);
        expect(b.map(d => d.message)).toEqual(["Duplicate name 'AssocAmal': also declared as actor in a.territory:1."]);
    });

    test('a missing value is reported right after the previous token, not at the next statement', async () => {
        const source = 'actor A {\n  power\n}\n\n\nactor B';
        const [issue] = found(source, await check(source)).filter(f => f.code === 'syntax-error');
        expect(issue.line).toBe(2);
        expect(issue.message).toMatch(/a number/);
    });

    test('one typo does not hide the rest of the file', async () => {
        const source = 'actor A { powr 3 }\nactor B\ntie A -- B trust 9\ntie A -- C trust';
        const codes = found(source, await check(source)).map(f => f.code);
        expect(codes).toContain('syntax-error');
        expect(codes).toContain('value-out-of-range');
        expect(codes).toContain('unresolved-reference');
    });

    test('an unterminated string is a located error, and the next lines still parse', async () => {
        const source = 'actor A "Association\nactor B\ntie B -- C trust';
        const issues = found(source, await check(source));
        expect(issues.some(f => f.code === 'syntax-error' && f.line === 1)).toBe(true);
        expect(issues.some(f => f.code === 'unresolved-reference' && f.text === 'C')).toBe(true);
    });

    test('without a territory, asOf is today: a commitment due long ago and not done is overdue', async () => {
        const source = BASE + 'dialogue D {\n parties A\n commitment C1: A commits due 2001-01-01 status agreed }';
        const [issue] = await issuesOf(source, 'commitment-overdue');
        expect(issue.message).toMatch(/as of \d{4}-\d{2}-\d{2}/);
        expect(await issuesOf(BASE + 'dialogue D {\n parties A\n commitment C1: A commits due 2999-01-01 }', 'commitment-overdue')).toEqual([]);
    });

    test('an unknown status is one error, not also an overdue warning', async () => {
        const source = 'territory T { asOf 2022-06-01 }\n' + BASE + 'dialogue D {\n parties A\n commitment C1: A commits due 2020-01-01 status finished }';
        expect(await issuesOf(source, 'unknown-value')).toHaveLength(1);
        expect(await issuesOf(source, 'commitment-overdue')).toEqual([]);
    });

    test('a commitment without status counts as proposed, and can be overdue', async () => {
        const source = 'territory T { asOf 2022-06-01 }\n' + BASE + 'dialogue D {\n parties A\n commitment C1: A commits due 2022-01-01 }';
        const [issue] = await issuesOf(source, 'commitment-overdue');
        expect(issue.message).toMatch(/still 'proposed'/);
    });
});
