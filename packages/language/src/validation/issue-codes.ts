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
    export const InvalidName = 'invalid-name';
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

/** What each issue means, for reports (SARIF rules) and documentation. */
export const ISSUE_DESCRIPTIONS: Readonly<Record<string, { title: string; help: string }>> = {
    'syntax-error': { title: 'Syntax error', help: 'The text does not follow the grammar of the territory language; the message says what was expected.' },
    'unresolved-reference': { title: 'Unknown name', help: 'No element of the expected type has this name. Check the spelling (the message lists the closest names) or declare the element.' },
    'duplicate-name': { title: 'Duplicate name', help: 'Every named element lives in one namespace across all files: two elements may not share a name.' },
    'redeclared-builtin': { title: 'Built-in name redeclared', help: 'The built-in kinds and relations cannot be declared again; choose another name.' },
    'value-out-of-range': { title: 'Value out of range', help: 'Weights are 1–5, power 0–5, intensities 1–4, SDG numbers 1–17, ego depths 1–10.' },
    'not-an-integer': { title: 'Not a whole number', help: 'This value must be a whole number without sign or decimals.' },
    'invalid-date': { title: 'Invalid date', help: 'Dates are written YYYY-MM-DD and must exist in the calendar.' },
    'zone-cycle': { title: 'Zone inside itself', help: 'A zone\'s chain of parents comes back to the zone: remove one `in` or nesting.' },
    'self-tie': { title: 'Tie to itself', help: 'A tie joins two different actors.' },
    'contradictory-stance': { title: 'Supports and opposes', help: 'An actor cannot both support and oppose the same interest: keep one position.' },
    'bidi-control-in-name': { title: 'Invisible characters in a name', help: 'Bidirectional control characters make different names look the same; they are not allowed in names.' },
    'invalid-name': { title: 'Invalid character in a name', help: 'Names are letters of any script, combining marks, digits and _, starting with a letter or _.' },
    'second-territory': { title: 'Second territory', help: 'A model has one territory; declare the others as zones.' },
    'duplicate-commitment': { title: 'Duplicate commitment', help: 'Two commitments of one dialogue may not share a name.' },
    'unknown-value': { title: 'Unknown value', help: 'A commitment status, layout, `size by` figure or `color by` choice outside its list.' },
    'stance-needs-interest': { title: 'Stance without interest', help: 'Write `color by stance INTEREST`.' },
    'direction-mismatch': { title: 'Arrow does not match the relation', help: 'Use `->` for a directed relation and `--` for a mutual one.' },
    'duplicate-tie': { title: 'Same tie twice', help: 'The same tie (endpoints, relation and direction) is declared more than once.' },
    'commitment-by-non-party': { title: 'Commitment by a non-party', help: 'The actor who commits is not among the dialogue\'s parties.' },
    'commitment-overdue': { title: 'Overdue commitment', help: 'The commitment was due before the reference date (`asOf`, or today) and is neither done nor dropped.' },
    'workshop-after-dialogue': { title: 'Workshop after its dialogue', help: 'The workshop a dialogue grew out of is dated after the dialogue.' },
    'repeated-property': { title: 'Property given twice', help: 'A property that holds one value is given more than once; only the last one counts.' },
    'repeated-stance': { title: 'Position given twice', help: 'The actor takes the same position on the interest twice; only one counts.' },
    'invalid-color': { title: 'Invalid colour', help: 'Colours are written "#rrggbb".' },
    'conflicting-zone-parent': { title: 'Nested zone with another parent', help: 'A nested zone takes its parent from the zone it is nested in; its `in` is ignored.' },
    'isolated-actor': { title: 'Isolated actor', help: 'The actor has no tie at all: it stands alone in the sociogram.' },
    'interest-without-stance': { title: 'Interest without positions', help: 'No actor supports or opposes this interest.' },
    'party-without-commitment': { title: 'Party without commitment', help: 'A party of the dialogue makes no commitment in it.' },
    'tension': { title: 'Tension', help: 'Two tied actors whose positions on interests diverge more than they converge.' }
};
