import { describe, expect, test } from 'vitest';
import { analysisOf } from './helpers.js';

const MODEL = `
territory T { asOf 2022-06-01 }
interest Water
interest Roads
interest Schools
actor A { supports Water }
actor B { supports Roads }
tie A -- B trust
workshop W1 on 2022-01-10 { participants A, B
  about Water }
workshop W2 { participants A
  about Roads }
dialogue D1 { parties A, B
  commitment Late: A commits due 2022-05-31 status ongoing
  commitment Done: A commits due 2022-05-31 status done
  commitment DueToday: B commits due 2022-06-01 status agreed
  commitment Dropped: B commits due 2022-01-01 status dropped
  commitment Undated: B commits status proposed
  commitment Oldest: B commits due 2021-12-01 }
dialogue D2 { parties A
  commitment Other: A commits due 2022-02-01 status agreed }
`;

describe('commitments and workshops', () => {
    test('overdue against asOf: due strictly before it, neither done nor dropped, earliest first', async () => {
        const { commitments, asOf } = await analysisOf(MODEL);
        expect(asOf).toBe('2022-06-01');
        expect(commitments.overdue).toEqual([
            { dialogue: 'D1', name: 'Oldest', actor: 'B', due: '2021-12-01', status: 'proposed' },
            { dialogue: 'D2', name: 'Other', actor: 'A', due: '2022-02-01', status: 'agreed' },
            { dialogue: 'D1', name: 'Late', actor: 'A', due: '2022-05-31', status: 'ongoing' }
        ]);
    });

    test('counts by status per dialogue and per actor', async () => {
        const { commitments, actors } = await analysisOf(MODEL);
        expect(commitments.byDialogue.D1).toEqual({ proposed: 2, agreed: 1, ongoing: 1, done: 1, dropped: 1 });
        expect(commitments.byDialogue.D2).toEqual({ proposed: 0, agreed: 1, ongoing: 0, done: 0, dropped: 0 });
        expect(commitments.byActor.A).toEqual({ proposed: 0, agreed: 1, ongoing: 1, done: 1, dropped: 0 });
        expect(actors.B.commitments).toEqual({ proposed: 2, agreed: 1, ongoing: 0, done: 0, dropped: 1 });
    });

    test('workshop participation and interests no workshop has covered', async () => {
        const { workshops, actors } = await analysisOf(MODEL);
        expect(workshops.participants).toEqual({ W1: 2, W2: 1 });
        expect([actors.A.workshops, actors.B.workshops]).toEqual([2, 1]);
        expect(workshops.uncoveredInterests).toEqual(['Schools']);
    });
});
