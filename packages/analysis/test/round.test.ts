import { describe, expect, test } from 'vitest';
import { round } from '../src/index.js';
import { seededRandom } from '../../../test/seeded-random.js';


const throughText = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(12)) : value);

describe('round: 12 significant digits', () => {
    test('the same number as through toPrecision(12), bit for bit', () => {
        const random = seededRandom(12);
        const bits = new Float64Array(1);
        const words = new Uint32Array(bits.buffer);
        const values: number[] = [0, -0, 0.5, -2.5, 1 / 3, -2 / 3, 0.1, 1e-10, 1e21, 99999999999.5, 123456789012.5, Number.MIN_VALUE, Number.MAX_VALUE, NaN, Infinity, -Infinity];
        for (let i = 0; i < 200_000; i++) {
            values.push((random() - 0.5) * 10 ** (Math.floor(random() * 40) - 15));
            values.push(random() / 15_500);
            // Twelve digits and a half, or just below: the cases where rounding could go either way.
            const digits = 1e11 + Math.floor(random() * 9e11);
            const exponent = Math.floor(random() * 30) - 20;
            values.push((digits + 0.5) * 10 ** exponent, (digits + 0.4999) * 10 ** exponent, digits * 10 ** exponent);
            words[0] = Math.floor(random() * 2 ** 32);
            words[1] = Math.floor(random() * 2 ** 32);
            values.push(bits[0]);
        }
        const different = values.filter(value => !Object.is(round(value), throughText(value)));
        expect(different).toEqual([]);
    });
});
