import { describe, expect, test } from 'vitest';
import { modelOf } from './helpers.js';

describe('the model read from the documents', () => {
    test('places from nested zones, the first of duplicate names in file order and nesting, asOf from the first territory', async () => {
        const model = await modelOf({
            'a.territory': 'territory T "Territory" { asOf 2024-05-01 zone Z1 "first" { zone Z2 "inner" } zone Z3 }\n' +
                'zone Z4 in Z3\nactor A { zone Z2 }\nactor A "again"\n',
            'b.territory': 'zone Z2 "later"\nterritory U { asOf 2020-01-01 }\nactor B "b" { zone Z4 }\n'
        });
        expect(model.asOf).toBe('2024-05-01');
        expect(model.places).toEqual([
            { name: 'T', title: 'Territory', parent: undefined },
            { name: 'U', title: undefined, parent: undefined },
            { name: 'Z1', title: 'first', parent: 'T' },
            { name: 'Z2', title: 'inner', parent: 'Z1' },
            { name: 'Z3', title: undefined, parent: 'T' },
            { name: 'Z4', title: undefined, parent: 'Z3' }
        ]);
        expect(model.actors.map(actor => [actor.name, actor.title, actor.zone])).toEqual([['A', undefined, 'Z2'], ['B', 'b', 'Z4']]);
        expect(model.locations?.get('B')).toMatchObject({ line: 2, character: 0 });
    });
});
