/**
 * The built-in prelude: kinds and relations every model can use without declaring them.
 * It is a real (read-only) document so that completion, hover and go-to-definition treat
 * built-ins like any declaration; editors show it through the `territory-builtin` scheme.
 */
export const PRELUDE_SCHEME = 'territory-builtin';
export const PRELUDE_URI = `${PRELUDE_SCHEME}:/prelude.territory`;

export const PRELUDE_TEXT = `// Built-in kinds and relations of the territory language (read-only).
// A model may declare more kinds and relations, but may not redeclare these names.

kind association "Association"
kind cooperative "Cooperative"
kind elected "Elected official"
kind civilServant "Civil servant"
kind youth "Young people"
kind enterprise "Enterprise"
kind agency "Public agency"
kind ngo "Non-governmental organisation"
kind donor "Donor"
kind resident "Resident"
kind media "Media"
kind university "University"
kind coach "Territorial coach"

relation collaboration "Collaboration" mutual positive
relation trust "Trust" mutual positive
relation information "Information" directed positive
relation advice "Advice" directed positive
relation funding "Funding" directed positive
relation authority "Authority" directed neutral
relation influence "Influence (MACTOR direct influence)" directed neutral
relation membership "Membership" directed neutral
relation conflict "Conflict" mutual negative
relation rejection "Rejection (a Moreno sociogram rejection)" directed negative
`;

export function isPreludeUri(uri: { toString(): string } | string): boolean {
    return uri.toString() === PRELUDE_URI;
}
