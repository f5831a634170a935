/**
 * Every diagnostic carries one of these codes, in the LSP `code` field and in `data.code`,
 * so that quick fixes, the CLI and users' CI scripts can key on them. docs/language.md lists
 * them with their meaning.
 */
export namespace IssueCodes {
    // errors
    export const SyntaxError = 'syntax-error';
    export const UnresolvedReference = 'unresolved-reference';
    export const DuplicateName = 'duplicate-name';
    export const RedeclaredBuiltin = 'redeclared-builtin';
    export const ValueOutOfRange = 'value-out-of-range';
    export const NotAnInteger = 'not-an-integer';
    export const InvalidDate = 'invalid-date';
    export const ZoneCycle = 'zone-cycle';
    export const SelfTie = 'self-tie';
    export const ContradictoryStance = 'contradictory-stance';
    export const BidiControlInName = 'bidi-control-in-name';
    export const SecondTerritory = 'second-territory';
    export const DuplicateCommitment = 'duplicate-commitment';
    export const UnknownValue = 'unknown-value';
    export const StanceNeedsInterest = 'stance-needs-interest';
    // warnings
    export const DirectionMismatch = 'direction-mismatch';
    export const DuplicateTie = 'duplicate-tie';
    export const CommitmentByNonParty = 'commitment-by-non-party';
    export const CommitmentOverdue = 'commitment-overdue';
    export const WorkshopAfterDialogue = 'workshop-after-dialogue';
    export const RepeatedProperty = 'repeated-property';
    export const RepeatedStance = 'repeated-stance';
    export const InvalidColor = 'invalid-color';
    export const ConflictingZoneParent = 'conflicting-zone-parent';
    // hints
    export const IsolatedActor = 'isolated-actor';
    export const InterestWithoutStance = 'interest-without-stance';
    export const PartyWithoutCommitment = 'party-without-commitment';
    export const Tension = 'tension';
}
