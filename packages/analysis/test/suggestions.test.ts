import { describe, expect, test } from 'vitest';
import { buildGraphs } from '../src/index.js';
import { introducers } from '../src/metrics/paths.js';
import { analysisOf, modelOf } from './helpers.js';

/**
 * Water: A +3, B +2, C +1, D −2. Roads: E +2, F +1.
 * A, B and C all talk to Hub but not to each other; C and D collaborate; E and F are in conflict.
 */
const MODEL = `
interest Water
interest Roads
actor A { supports Water 3 }
actor B { supports Water 2 }
actor C { supports Water 1 }
actor D { opposes Water 2 }
actor E { supports Roads 2 }
actor F { supports Roads 1 }
actor Hub
tie A -- Hub collaboration
tie Hub -- B collaboration
tie Hub -- C trust
tie C -- D collaboration
tie E -- F conflict
`;

describe('what the analysis suggests', () => {
    test('synergy opportunities: convergent actors not yet tied, best first, with who can introduce them', async () => {
        const { opportunities } = await analysisOf(MODEL);
        expect(opportunities).toEqual([
            { a: 'A', b: 'B', convergence: 2.5, divergence: 0, introducers: ['Hub'], interests: ['Water'] },
            { a: 'A', b: 'C', convergence: 2, divergence: 0, introducers: ['Hub'], interests: ['Water'] },
            { a: 'B', b: 'C', convergence: 1.5, divergence: 0, introducers: ['Hub'], interests: ['Water'] }
        ]);
    });

    test('tensions: tied actors whose positions diverge', async () => {
        const { tensions } = await analysisOf(MODEL);
        expect(tensions).toEqual([{ a: 'C', b: 'D', convergence: 0, divergence: 1.5 }]);
    });

    test('bridges: actors in conflict who converge on an interest', async () => {
        const { bridges, opportunities } = await analysisOf(MODEL);
        expect(bridges).toEqual([{ a: 'E', b: 'F', convergence: 1.5, interests: ['Roads'] }]);
        expect(opportunities.some(o => o.a === 'E')).toBe(false);
    });

    test('--top limits the opportunities; unconnected actors have no introducer', async () => {
        const { opportunities } = await analysisOf(MODEL + 'actor G { supports Roads 4 }\n', { top: 1 });
        expect(opportunities).toHaveLength(1);
        const all = (await analysisOf(MODEL + 'actor G { supports Roads 4 }\n')).opportunities;
        expect(all.find(o => o.a === 'E' && o.b === 'G')).toEqual({ a: 'E', b: 'G', convergence: 3, divergence: 0, introducers: [], interests: ['Roads'] });
    });

    test('introducers are ordered by how many shortest paths pass through them', async () => {
        // a–b paths of length 3: a·m1·n1·b, a·m1·n2·b, a·m2·n2·b → m1 and n2 on 2 paths, m2 and n1 on 1.
        const model = await modelOf('actor a\nactor b\nactor m1\nactor m2\nactor n1\nactor n2\n' +
            'tie a -- m1 trust\ntie a -- m2 trust\ntie m1 -- n1 trust\ntie m1 -- n2 trust\ntie m2 -- n2 trust\ntie n1 -- b trust\ntie n2 -- b trust');
        const graphs = buildGraphs(model);
        const found = introducers(graphs.compact, graphs.indexOf.get('a')!, graphs.indexOf.get('b')!);
        expect(found.map(({ actor, paths }) => [graphs.names[actor], paths])).toEqual([['m1', 2], ['n2', 2], ['m2', 1], ['n1', 1]]);
    });
});
