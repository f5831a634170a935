import type { ActorData, DialogueData, InterestData, Polarity, TerritoryModel, TieData, WorkshopData } from './model.js';
import type { Steps } from './steps.js';
import { ACTORS_PER_STEP, runSteps } from './steps.js';

/**
 * A model as it crosses to a worker thread: only what the analysis reads, with the actors
 * and ties as columns of numbers and one table of the names they use. Copying it takes a few
 * milliseconds where the model's objects (15,500 actors, 60,000 ties) take a third of a
 * second to copy and rebuild. `decodeModel(encodeModel(model))` analyses exactly as `model`.
 */
export interface WireModel {
    readonly asOf: string;
    /** Every name the actors and ties use: the actors' own first, in model order. */
    readonly strings: readonly string[];
    /** Per actor: its zone (index in `strings`, −1 for none) and power (NaN for none). */
    readonly zone: Int32Array;
    readonly power: Float64Array;
    /** Actor a's stances are `stanceInterest/stancePosition[stanceOffsets[a] .. stanceOffsets[a+1])`. */
    readonly stanceOffsets: Int32Array;
    readonly stanceInterest: Int32Array;
    readonly stancePosition: Float64Array;
    /** Per tie: source, target and relation (indices in `strings`), flags and weight. */
    readonly tieSource: Int32Array;
    readonly tieTarget: Int32Array;
    readonly tieRelation: Int32Array;
    /** Bit 0: directed; bits 1–2: the polarity (`POLARITIES`). */
    readonly tieFlags: Uint8Array;
    readonly tieWeight: Float64Array;
    readonly interests: readonly InterestData[];
    readonly workshops: readonly WorkshopData[];
    readonly dialogues: readonly DialogueData[];
}

const POLARITIES: readonly Polarity[] = ['positive', 'neutral', 'negative'];

export function encodeModel(model: TerritoryModel): WireModel {
    return runSteps(encodeModelInSteps(model));
}

/** Ties encoded between two pauses of `encodeModelInSteps`: a few milliseconds. */
const TIES_PER_STEP = 10_000;

/**
 * `encodeModel` in steps (`Steps`): of `ACTORS_PER_STEP` actors, then of `TIES_PER_STEP` ties.
 * Encoding 50,000 actors and 250,000 ties takes 0.12 s in all.
 */
export function* encodeModelInSteps(model: TerritoryModel): Steps<WireModel> {
    const strings: string[] = [];
    const ids = new Map<string, number>();
    const id = (name: string) => {
        let found = ids.get(name);
        if (found === undefined) {
            ids.set(name, (found = strings.length));
            strings.push(name);
        }
        return found;
    };
    const { actors, ties } = model;
    for (let a = 0; a < actors.length; a++) {
        if (a > 0 && a % ACTORS_PER_STEP === 0) yield;
        id(actors[a].name);
    }
    const zone = new Int32Array(actors.length);
    const power = new Float64Array(actors.length);
    const stanceOffsets = new Int32Array(actors.length + 1);
    for (let a = 0; a < actors.length; a++) {
        if (a % ACTORS_PER_STEP === 0) yield;
        const actor = actors[a];
        zone[a] = actor.zone === undefined ? -1 : id(actor.zone);
        power[a] = actor.power ?? NaN;
        stanceOffsets[a + 1] = stanceOffsets[a] + actor.positions.length;
    }
    const stanceInterest = new Int32Array(stanceOffsets[actors.length]);
    const stancePosition = new Float64Array(stanceOffsets[actors.length]);
    for (let a = 0; a < actors.length; a++) {
        if (a % ACTORS_PER_STEP === 0) yield;
        actors[a].positions.forEach(({ interest, position }, k) => {
            stanceInterest[stanceOffsets[a] + k] = id(interest);
            stancePosition[stanceOffsets[a] + k] = position;
        });
    }
    const tieSource = new Int32Array(ties.length);
    const tieTarget = new Int32Array(ties.length);
    const tieRelation = new Int32Array(ties.length);
    const tieFlags = new Uint8Array(ties.length);
    const tieWeight = new Float64Array(ties.length);
    for (let t = 0; t < ties.length; t++) {
        if (t % TIES_PER_STEP === 0) yield;
        const tie = ties[t];
        tieSource[t] = id(tie.source);
        tieTarget[t] = id(tie.target);
        tieRelation[t] = id(tie.relation);
        tieFlags[t] = (tie.directed ? 1 : 0) | (POLARITIES.indexOf(tie.polarity) << 1);
        tieWeight[t] = tie.weight;
    }
    return {
        asOf: model.asOf,
        strings,
        zone,
        power,
        stanceOffsets,
        stanceInterest,
        stancePosition,
        tieSource,
        tieTarget,
        tieRelation,
        tieFlags,
        tieWeight,
        interests: model.interests.map(({ name }) => ({ name })),
        workshops: model.workshops.map(({ name, date, participants, interests }) => ({ name, date, participants, interests })),
        dialogues: model.dialogues.map(({ name, parties, interests, commitments }) => ({
            name,
            parties,
            interests,
            commitments: commitments.map(({ name, actor, beneficiaries, due, status }) => ({ name, actor, beneficiaries, due, status }))
        }))
    };
}

/** The model again, without what the analysis does not read (titles, descriptions, tags, notes, places, locations). */
export function decodeModel(wire: WireModel): TerritoryModel {
    const { strings, zone, power, stanceOffsets, stanceInterest, stancePosition } = wire;
    const actors: ActorData[] = new Array(zone.length);
    for (let a = 0; a < zone.length; a++) {
        const positions: Array<{ interest: string; position: number }> = [];
        for (let k = stanceOffsets[a]; k < stanceOffsets[a + 1]; k++) positions.push({ interest: strings[stanceInterest[k]], position: stancePosition[k] });
        actors[a] = {
            name: strings[a],
            zone: zone[a] < 0 ? undefined : strings[zone[a]],
            power: Number.isNaN(power[a]) ? undefined : power[a],
            positions,
            tags: []
        };
    }
    const ties: TieData[] = new Array(wire.tieSource.length);
    for (let t = 0; t < ties.length; t++) {
        ties[t] = {
            source: strings[wire.tieSource[t]],
            target: strings[wire.tieTarget[t]],
            relation: strings[wire.tieRelation[t]],
            directed: (wire.tieFlags[t] & 1) === 1,
            polarity: POLARITIES[wire.tieFlags[t] >> 1],
            weight: wire.tieWeight[t]
        };
    }
    return { asOf: wire.asOf, actors, ties, interests: wire.interests, workshops: wire.workshops, dialogues: wire.dialogues, places: [] };
}

