import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Actor, Commitment, Dialogue, Interest, Kind, Model, Relation, Territory, Tie, View, Workshop, Zone } from '../src/generated/ast.js';
import { check, createWorkspace } from './helpers.js';

async function parse(text: string): Promise<Model> {
    const documents = await createWorkspace().build({ 'model.territory': text });
    const document = documents['model.territory'];
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    return document.parseResult.value as Model;
}

describe('the spec example', () => {
    test('is the first example of the language reference', () => {
        const reference = readFileSync(new URL('../../../docs/language.md', import.meta.url), 'utf8');
        const firstExample = /```territory\n([\s\S]*?)```/.exec(reference)?.[1];
        const fixture = readFileSync(new URL('../../../test/fixtures/spec-example.territory', import.meta.url), 'utf8');
        expect(firstExample).toBe(fixture);
    });

    test('the README\'s tour checks without any error or warning', async () => {
        const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
        const tour = /```territory\n([\s\S]*?)```/.exec(readme)![1];
        const diagnostics = await check(tour);
        expect(diagnostics.filter(d => d.severity! <= 2).map(d => d.message)).toEqual([]);
    });

    test('parses and checks without any error or warning', async () => {
        const text = readFileSync(new URL('../../../test/fixtures/spec-example.territory', import.meta.url), 'utf8');
        const diagnostics = await check(text);
        expect(diagnostics.filter(d => d.severity! <= 2).map(d => d.message)).toEqual([]);
    });
});

describe('statements', () => {
    test('territory with population, asOf and description', async () => {
        const model = await parse('territory Oriental "Région de l\'Oriental" {\n population 1900000\n asOf 2022-02-28\n description "Seven provinces."\n}');
        const territory = model.statements[0] as Territory;
        expect(territory).toMatchObject({ $type: 'Territory', name: 'Oriental', title: "Région de l'Oriental", population: '1900000', asOf: '2022-02-28', description: 'Seven provinces.' });
    });

    test('zones nest and take a parent with `in`', async () => {
        const model = await parse('territory T\nzone Berkane "Province" in T {\n zone Saidia "Commune de Saïdia"\n zone Ahfir\n}');
        const berkane = model.statements[1] as Zone;
        expect(berkane.parent?.ref?.name).toBe('T');
        expect(berkane.zones.map(zone => zone.name)).toEqual(['Saidia', 'Ahfir']);
        expect(berkane.zones[0].title).toBe('Commune de Saïdia');
    });

    test('zones may also nest in the territory block', async () => {
        const model = await parse('territory Oriental {\n  population 1900000\n  zone Berkane {\n    zone Saidia\n  }\n}\nactor A { zone Saidia }');
        const territory = model.statements[0] as Territory;
        expect(territory.zones.map(zone => zone.name)).toEqual(['Berkane']);
        expect((model.statements[1] as Actor).zone?.ref?.name).toBe('Saidia');
    });

    test('kind with colour, relation with direction and polarity (defaults unset)', async () => {
        const model = await parse('kind fishers "Fishers\' group" color "#1565c0"\nrelation sponsorship "Sponsorship" directed positive\nrelation rivalry mutual negative\nrelation plain');
        const [kind, sponsorship, rivalry, plain] = model.statements as [Kind, Relation, Relation, Relation];
        expect(kind).toMatchObject({ name: 'fishers', color: '#1565c0' });
        expect(sponsorship).toMatchObject({ direction: 'directed', polarity: 'positive' });
        expect(rivalry).toMatchObject({ direction: 'mutual', polarity: 'negative' });
        expect(plain.direction).toBeUndefined();
        expect(plain.polarity).toBeUndefined();
    });

    test('interest with sdg list, zone and multi-line description', async () => {
        const model = await parse('zone Berkane\ninterest WaterAccess "Water" {\n sdg 6, 8\n zone Berkane\n description """Two\nlines"""\n}');
        const interest = model.statements[1] as Interest;
        expect(interest.sdgs).toEqual(['6', '8']);
        expect(interest.zone?.ref?.name).toBe('Berkane');
        expect(interest.description).toBe('Two\nlines');
    });

    test('actor with every property', async () => {
        const model = await parse(`zone Saidia
interest WaterAccess
interest QuarryExtension
actor AssocAmal "Association Amal — جمعية الأمل" {
  kind association
  zone Saidia
  power 4
  supports WaterAccess 3
  opposes QuarryExtension
  tags women, water, power, zone
  description "A \\"quoted\\" word\\tand a tab"
}`);
        const actor = model.statements[3] as Actor;
        expect(actor.title).toBe('Association Amal — جمعية الأمل');
        expect(actor.kind?.ref?.name).toBe('association');
        expect(actor.zone?.ref?.name).toBe('Saidia');
        expect(actor.power).toBe('4');
        expect(actor.stances.map(s => [s.position, s.interest.$refText, s.intensity])).toEqual([
            ['supports', 'WaterAccess', '3'], ['opposes', 'QuarryExtension', undefined]
        ]);
        expect(actor.tags).toEqual(['women', 'water', 'power', 'zone']);
        expect(actor.description).toBe('A "quoted" word\tand a tab');
    });

    test('ties: mutual and directed, with and without weight and note', async () => {
        const model = await parse('actor A\nactor B\ntie A -- B collaboration 3 "Since 2019"\ntie B -> A funding\ntie A -> B information 2');
        const ties = model.statements.slice(2) as Tie[];
        expect(ties.map(t => [t.source.$refText, t.arrow, t.target.$refText, t.relation.$refText, t.weight, t.note])).toEqual([
            ['A', '--', 'B', 'collaboration', '3', 'Since 2019'],
            ['B', '->', 'A', 'funding', undefined, undefined],
            ['A', '->', 'B', 'information', '2', undefined]
        ]);
        expect(ties[2].relation.ref?.name).toBe('information');
    });

    test('workshop, dated or planned', async () => {
        const model = await parse(`zone Berkane
interest Water
actor A
actor Coach
workshop SynergyWater "Synergy workshop — water" on 2022-03-15 in Berkane {
  participants A, Coach
  about Water
  facilitator Coach
  outcome "Agreement."
}
workshop Planned "Not yet dated"`);
        const [dated, planned] = model.statements.slice(4) as Workshop[];
        expect(dated).toMatchObject({ date: '2022-03-15', outcome: 'Agreement.' });
        expect(dated.place?.ref?.name).toBe('Berkane');
        expect(dated.participants.map(p => p.ref?.name)).toEqual(['A', 'Coach']);
        expect(dated.facilitators.map(p => p.ref?.name)).toEqual(['Coach']);
        expect(planned.date).toBeUndefined();
    });

    test('dialogue with parties, origin and commitments', async () => {
        const model = await parse(`interest Water
actor A
actor B
workshop W on 2022-03-15
dialogue Charter "Irrigation charter" on 2022-04-01 {
  about Water
  parties A, B
  from W
  commitment OpenPoints: B commits to A "Open two points" due 2022-09-01 status done
  commitment Upkeep: A commits "Maintain" due 2023-01-01 status ongoing
  commitment Bare: A commits
}`);
        const dialogue = model.statements[4] as Dialogue;
        expect(dialogue.origin?.ref?.name).toBe('W');
        expect(dialogue.date).toBe('2022-04-01');
        const [open, upkeep, bare] = dialogue.commitments as [Commitment, Commitment, Commitment];
        expect(open).toMatchObject({ name: 'OpenPoints', text: 'Open two points', due: '2022-09-01', status: 'done' });
        expect(open.actor.ref?.name).toBe('B');
        expect(open.beneficiaries.map(b => b.ref?.name)).toEqual(['A']);
        expect(upkeep.beneficiaries).toEqual([]);
        expect([bare.name, bare.text, bare.due, bare.status]).toEqual(['Bare', undefined, undefined, undefined]);
    });

    test('view with include, relations, color by, size by and layout', async () => {
        const model = await parse(`zone Berkane
zone Nador
interest Water
actor A
view WaterCoalition "Who can carry the water charter" {
  include zone Berkane, Nador, interest Water, kind association, actor A, ego A depth 2
  relations collaboration, funding
  color by stance Water
  size by betweenness
  layout layered
}`);
        const view = model.statements[4] as View;
        expect(view.includes.map(i => i.$type)).toEqual(['ZoneInclusion', 'InterestInclusion', 'KindInclusion', 'ActorInclusion', 'EgoInclusion']);
        expect(view.relations.map(r => r.ref?.name)).toEqual(['collaboration', 'funding']);
        expect(view.colorBy).toMatchObject({ choice: 'stance' });
        expect(view.colorBy?.interest?.ref?.name).toBe('Water');
        expect(view).toMatchObject({ sizeBy: 'betweenness', layout: 'layered' });
    });

    test('a title and a block are optional everywhere', async () => {
        const model = await parse('territory T\nzone Z\nkind k\nrelation r\ninterest I\nactor A\nworkshop W\ndialogue D\nview V');
        expect(model.statements.map(s => s.$type)).toEqual(['Territory', 'Zone', 'Kind', 'Relation', 'Interest', 'Actor', 'Workshop', 'Dialogue', 'View']);
    });

    test('semicolons between statements are accepted and ignored', async () => {
        const model = await parse('actor A; actor B;; tie A -- B trust; actor C { power 2; tags x }');
        expect(model.statements.map(s => s.$type)).toEqual(['Actor', 'Actor', 'Tie', 'Actor']);
    });
});

describe('lexical rules', () => {
    test('Unicode names: accents, Arabic, vowel marks', async () => {
        const model = await parse('actor CoopArganSaïdia\nactor جمعية_الأمل "جمعية الأمل"\nactor جَمعية\ntie جمعية_الأمل -- جَمعية trust');
        expect(model.statements.slice(0, 3).map(s => (s as Actor).name)).toEqual(['CoopArganSaïdia', 'جمعية_الأمل', 'جَمعية']);
        expect((model.statements[3] as Tie).target.ref?.name).toBe('جَمعية');
    });

    test('names that start with a keyword are names', async () => {
        const model = await parse('actor online\nactor zoneNord\nactor kindergarten\nactor information_point\nactor tieBreaker\nactor ongoingWork\ntie online -> zoneNord information');
        expect(model.statements.slice(0, 6).map(s => (s as Actor).name)).toEqual(['online', 'zoneNord', 'kindergarten', 'information_point', 'tieBreaker', 'ongoingWork']);
        expect((model.statements[6] as Tie).relation.ref?.name).toBe('information');
    });

    test('names are compared after NFC normalisation', async () => {
        const composed = 'Sa\u00efdia';      // ï as one code point
        const decomposed = 'Sai\u0308dia';   // i + combining diaeresis
        const diagnostics = await check(`actor ${composed}\nactor B\ntie ${decomposed} -- B trust`);
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
    });

    test('line and block comments are ignored', async () => {
        const model = await parse('// a line comment\nactor A /* a block\ncomment */ "Title" // trailing\n');
        expect((model.statements[0] as Actor).title).toBe('Title');
    });

    test('strings hold any Unicode, right-to-left included, and escapes', async () => {
        const model = await parse('actor A "تعاونية \\"الأمل\\" — Saïdia\\n2"');
        expect((model.statements[0] as Actor).title).toBe('تعاونية "الأمل" — Saïdia\n2');
    });

    test('keywords cannot be used as names', async () => {
        const diagnostics = await check('actor zone');
        expect(diagnostics.some(d => d.code === 'syntax-error' && /a name/.test(String(d.message)))).toBe(true);
    });
});
