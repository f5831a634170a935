import { CLOSED_STATUSES, COMMITMENT_STATUSES } from './vocabulary.js';
import type { TerritoryModel } from './model.js';
import { compareNames } from './model.js';

export type StatusCounts = Record<string, number>;

export interface OverdueCommitment {
    dialogue: string;
    name: string;
    actor: string;
    due: string;
    status: string;
}

export interface CommitmentSummary {
    byDialogue: Record<string, StatusCounts>;
    byActor: Record<string, StatusCounts>;
    /** Due before `asOf` and neither done nor dropped, earliest first. */
    overdue: OverdueCommitment[];
}

/** Every status at 0, in the language's order. */
export function emptyStatusCounts(): StatusCounts {
    return { ...EMPTY_STATUS_COUNTS };
}

const EMPTY_STATUS_COUNTS: Readonly<StatusCounts> = Object.fromEntries(COMMITMENT_STATUSES.map(status => [status.word, 0]));

/** Commitments by dialogue and by actor, counted by status, and the overdue ones against `asOf`. */
export function commitmentSummary(model: TerritoryModel): CommitmentSummary {
    const byDialogue: Record<string, StatusCounts> = {};
    const byActor: Record<string, StatusCounts> = {};
    const overdue: OverdueCommitment[] = [];
    for (const dialogue of model.dialogues) {
        const counts = (byDialogue[dialogue.name] = emptyStatusCounts());
        for (const commitment of dialogue.commitments) {
            counts[commitment.status] = (counts[commitment.status] ?? 0) + 1;
            const actorCounts = (byActor[commitment.actor] ??= emptyStatusCounts());
            actorCounts[commitment.status] = (actorCounts[commitment.status] ?? 0) + 1;
            if (commitment.due && commitment.due < model.asOf && !CLOSED_STATUSES.has(commitment.status)) {
                overdue.push({ dialogue: dialogue.name, name: commitment.name, actor: commitment.actor, due: commitment.due, status: commitment.status });
            }
        }
    }
    overdue.sort((p, q) => compareNames(p.due, q.due) || compareNames(p.dialogue, q.dialogue) || compareNames(p.name, q.name));
    return { byDialogue, byActor: sortKeys(byActor), overdue };
}

export interface WorkshopSummary {
    /** Per workshop: how many participants. */
    participants: Record<string, number>;
    /** Per actor: how many workshops the actor took part in (actors in none are left out). */
    participation: Record<string, number>;
    /** Interests that no workshop has been about, by name. */
    uncoveredInterests: string[];
}

export function workshopSummary(model: TerritoryModel): WorkshopSummary {
    const participants: Record<string, number> = {};
    const participation: Record<string, number> = {};
    const covered = new Set<string>();
    for (const workshop of model.workshops) {
        const distinct = new Set(workshop.participants);
        participants[workshop.name] = distinct.size;
        for (const actor of distinct) participation[actor] = (participation[actor] ?? 0) + 1;
        workshop.interests.forEach(interest => covered.add(interest));
    }
    return {
        participants,
        participation: sortKeys(participation),
        uncoveredInterests: model.interests.map(i => i.name).filter(name => !covered.has(name))
    };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareNames(a, b)));
}

