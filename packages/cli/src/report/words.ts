import type { Html } from './html.js';
import { html } from './html.js';

export const REPORT_LANGUAGES = ['en', 'fr'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/**
 * Every word of the report that does not come from the model, in English and French.
 * Numbers and dates are formatted here by hand (not by the platform's locale data): the same
 * model gives the same bytes on every machine.
 */
export interface Words {
    readonly lang: ReportLanguage;
    readonly kicker: string;
    readonly defaultTitle: string;
    asOf(date: string): string;
    readonly asOfToday: string;
    population(value: number): string;
    readonly contents: string;
    readonly keyPoints: string;
    readonly caution: string;
    readonly sections: Record<SectionId, string>;
    /** Number formatting. */
    num(value: number, digits?: number): string;
    percent(value: number): string;
    date(iso: string): string;
    plural(count: number, one: string, many: string): string;

    // Key figures
    readonly figures: {
        actors: [string, string];
        ties: [string, string];
        density: [string, string];
        components: [string, string];
        communities: [string, string];
        modularity: [string, string];
        balance: [string, string];
        reciprocity: [string, string];
        centralization: [string, string];
        isolates: [string, string];
        opportunities: [string, string];
        overdue: [string, (total: number, asOf: string) => string];
        undefinedBalance: string;
        undefinedReciprocity: string;
    };
    // Key points
    structure(actors: number, communities: number, modularity: number | null): string;
    pieces(components: number, isolates: number): string;
    mainBroker(who: Html, share: string, next?: { who: Html; share: string }): Html;
    bestOpportunity(a: Html, b: Html, interests: Html, introducers: Html | undefined): Html;
    isolatesPoint(count: number, who: Html): Html;
    tensionsPoint(tensions: number, bridges: number): string;
    overduePoint(count: number, asOf: string): string;
    noOverduePoint(total: number): string;

    // The sociogram
    readonly sociogramIntro: string;
    colourMeaning(kind: string, interest?: Html): Html;
    sizeMeaning(figure: string): string;
    readonly linesMeaning: string;
    opportunitiesMeaning(count: number, listed: number): string;
    readonly groupsMeaning: string;
    aggregatedMeaning(actors: number, groups: number, by: 'community' | 'zone'): string;
    viewCaption(title: Html): Html;
    readonly wholeModel: string;
    layoutNote(requested: string, used: string, limit: number, shown: number): string;
    readonly svgStrings: Record<'legend' | 'negative' | 'opportunity' | 'members' | 'community' | 'kind' | 'zone' | 'status' | 'interests', string>;
    readonly emptyView: string;
    readonly zoomIn: string;
    readonly zoomOut: string;
    readonly zoomHint: string;
    readonly legendColour: string;
    readonly legendLines: string;
    readonly negativeLine: string;
    readonly opportunityLine: string;
    /** Status and stance words of the colour legend. */
    readonly groupWords: Record<string, string>;
    /** Titles of the built-in kinds and relations in this language (the prelude's are English). */
    readonly builtInTitles?: Record<string, string>;

    // Synergy opportunities
    readonly opportunitiesIntro: string;
    readonly opportunitiesColumns: [string, string, string, string, string];
    readonly noIntroducer: string;
    opportunitiesNote(shown: number, total: number, capped: boolean): string;
    readonly noOpportunities: string;

    // Brokers
    readonly brokersIntro: string;
    readonly brokersColumns: [string, string, string, string, string];
    brokersNote(example: string): string;
    readonly noBrokers: string;
    readonly roles: Record<'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison', [string, string]>;
    readonly rolesTitle: string;

    // Isolates
    readonly isolatesIntro: string;
    readonly isolatesColumns: [string, string, string];
    readonly noIsolates: string;
    readonly neglectedTitle: string;
    readonly neglectedIntro: string;
    readonly supports: string;
    readonly opposes: string;

    // Communities
    readonly communitiesIntro: string;
    community(number: number): string;
    members(count: number): string;
    mostlyIn: string;
    singletons(count: number): string;
    andMore(count: number): string;

    // Tensions and bridges
    readonly tensionsIntro: string;
    readonly tensionsColumns: [string, string, string, string];
    readonly noTensions: string;
    readonly bridgesIntro: string;
    readonly bridgesColumns: [string, string, string, string];
    readonly noBridges: string;
    readonly agreementNote: string;

    // Commitments
    commitmentsIntro(asOf: string): string;
    commitmentsSummary(total: number, dialogues: number): string;
    overdueSummary(count: number): string;
    readonly commitmentsColumns: [string, string, string, string, string];
    readonly statuses: Record<string, string>;
    readonly overdueBadge: string;
    readonly parties: string;
    readonly about: string;
    readonly noDueDate: string;
    readonly noCommitments: string;
    readonly noDialogues: string;

    // About
    readonly aboutParagraphs: readonly string[];
    generatedBy(version: string, files: number): string;
}

export type SectionId = 'glance' | 'sociogram' | 'opportunities' | 'brokers' | 'isolates' | 'communities' | 'tensions' | 'bridges' | 'commitments' | 'about';

function groupThousands(digits: string, separator: string): string {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function formatNumber(value: number, digits: number, decimal: string, thousands: string): string {
    const fixed = Number.isInteger(value) ? String(Math.abs(value)) : Math.abs(value).toFixed(digits);
    const [whole, fraction] = fixed.split('.');
    const trimmed = fraction?.replace(/0+$/, '');
    return `${value < 0 ? '−' : ''}${groupThousands(whole, thousands)}${trimmed ? decimal + trimmed : ''}`;
}

function isoDate(iso: string, months: readonly string[], suffix = ''): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) return iso;
    const day = Number(match[3]);
    return `${day}${day === 1 ? suffix : ''} ${months[Number(match[2]) - 1]} ${match[1]}`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const en: Words = {
    lang: 'en',
    kicker: 'Territorial coaching · sociogram analysis',
    defaultTitle: 'Territory analysis',
    asOf: date => `Situation as of ${date}`,
    asOfToday: 'The model gives no reference date (asOf): the report uses the day it was produced.',
    population: value => `Population ${formatNumber(value, 0, '.', ',')}`,
    contents: 'Contents',
    keyPoints: 'Key points',
    caution: 'These figures are indicators for the coaching team’s judgement, not verdicts: they only know what the model says.',
    sections: {
        glance: 'The territory at a glance',
        sociogram: 'The sociogram',
        opportunities: 'Synergy opportunities',
        brokers: 'Brokers',
        isolates: 'Isolated actors',
        communities: 'Communities',
        tensions: 'Tensions',
        bridges: 'Bridges',
        commitments: 'Commitments',
        about: 'About this report'
    },
    num: (value, digits = 2) => formatNumber(value, digits, '.', ','),
    percent: value => `${formatNumber(Math.round(value * 1000) / 10, 1, '.', ',')} %`,
    date: iso => isoDate(iso, EN_MONTHS),
    plural: (count, one, many) => (count === 1 ? one : many),

    figures: {
        actors: ['Actors', 'organisations, groups and people described in the model'],
        ties: ['Ties', 'relations recorded between them, conflicts included'],
        density: ['Density', 'of all possible pairs of actors have a working relation; a low value is normal for a region — compare it over time'],
        components: ['Connected groups', 'separate parts of the network, with no working link between them (each isolated actor counts as one)'],
        communities: ['Communities', 'groups of actors more tied to each other than to the rest (section 5)'],
        modularity: ['Modularity', 'how clearly the network splits into these communities; above about 0.3 the groups are clearly separated, and workshops that mix them are the most useful'],
        balance: ['Structural balance', 'share of triangles of relations where friends and adversaries line up (“the enemy of my friend is my enemy”); near 1: two tidy camps; lower: conflicts cut across alliances, and shared friends can mediate'],
        reciprocity: ['Reciprocity', 'of one-way relations are returned; a low value means many one-way relations (funding, authority, information that is not returned)'],
        centralization: ['Centralization', 'how much the network revolves around a few actors, from 0 to 1; high is efficient but fragile'],
        isolates: ['Isolated actors', 'actors with no working relation in the model (section 4)'],
        opportunities: ['Synergy opportunities', 'pairs of actors who want the same things and are not tied yet (section 2)'],
        overdue: ['Overdue commitments', (total, asOf) => `of ${total} commitments were due before ${asOf} and are neither done nor dropped (section 8)`],
        undefinedBalance: 'not measurable: no triangle of friendly and hostile relations',
        undefinedReciprocity: 'not measurable: no directed relation'
    },
    structure: (actors, communities, modularity) =>
        `The ${actors} actors form ${communities} communities` +
        (modularity !== null && modularity >= 0.3
            ? `, clearly separated (modularity ${formatNumber(modularity, 2, '.', ',')}): workshops that mix communities are the most useful.`
            : modularity !== null ? `, loosely separated (modularity ${formatNumber(modularity, 2, '.', ',')}).` : '.'),
    pieces: (components, isolates) => components - isolates > 1
        ? `The network falls into ${components - isolates} separate parts with no working link between them${isolates ? `, plus ${isolates} isolated ${isolates === 1 ? 'actor' : 'actors'}` : ''}.`
        : isolates ? `Apart from ${isolates} isolated ${isolates === 1 ? 'actor' : 'actors'}, every actor can reach every other through a chain of working relations.` : 'Every actor can reach every other through a chain of working relations.',
    mainBroker: (who, share, next) => html`${who} is the main go-between: it lies on ${share} of the shortest chains of acquaintance between other actors${next ? html`, followed by ${next.who} (${next.share})` : ''}.`,
    bestOpportunity: (a, b, interests, introducers) => html`Best synergy opportunity: ${a} and ${b}, who share ${interests} but have no relation yet; ${introducers ? html`${introducers} could introduce them` : 'nobody in the model links them: the coaching team has to make the first contact'}.`,
    isolatesPoint: (count, who) => html`${count} ${count === 1 ? 'actor has' : 'actors have'} no working relation: ${who}.`,
    tensionsPoint: (tensions, bridges) => `${tensions} fragile ${tensions === 1 ? 'relation' : 'relations'} (tied actors whose goals diverge) and ${bridges} ${bridges === 1 ? 'conflict' : 'conflicts'} with common ground, a starting point for structured dialogue.`,
    overduePoint: (count, asOf) => `${count} ${count === 1 ? 'commitment is' : 'commitments are'} overdue on ${asOf}: to raise at the next session of the dialogue.`,
    noOverduePoint: total => (total ? `No overdue commitment among the ${total} recorded.` : 'No commitment recorded yet.'),

    sociogramIntro: 'Each circle is an actor and each line a relation recorded in the model.',
    colourMeaning: (kind, interest) => {
        switch (kind) {
            case 'community': return html`Colour: the actor’s community (section 5).`;
            case 'kind': return html`Colour: the kind of actor.`;
            case 'zone': return html`Colour: the actor’s zone.`;
            case 'status': return html`Colour: the sociometric status — popular (chosen by many), rejected, neglected (hardly mentioned), controversial (both chosen and rejected), average.`;
            default: return html`Colour: the position on ${interest} — supports (green), opposes (red), no position (grey).`;
        }
    },
    sizeMeaning: figure => `Size: ${SIZE_EN[figure] ?? figure}.`,
    linesMeaning: 'Line colours show the kind of relation; red dashed lines are conflicts or rejections; arrows show one-way relations.',
    opportunitiesMeaning: (count, listed) => count === listed
        ? `Green dotted lines: the ${count === 1 ? 'synergy opportunity' : `${count} synergy opportunities`} listed in section 2.`
        : `Green dotted lines: ${count} of the ${listed} synergy opportunities listed in section 2 (those between actors of this picture).`,
    groupsMeaning: 'Grey boxes gather the actors of each group.',
    aggregatedMeaning: (actors, groups, by) => `With ${actors} actors, the picture shows one circle per ${by === 'zone' ? 'zone' : 'community'} (${groups} in all), sized by its number of actors; lines sum the relations between groups.`,
    viewCaption: title => html`View: ${title}`,
    wholeModel: 'The whole territory',
    layoutNote: (requested, used, limit, shown) => `The view asks for the ${requested} layout, which is meant for up to ${limit} actors; this picture has ${shown}, so it is drawn as ${used}, as in the editor’s preview.`,
    svgStrings: { legend: 'Legend', negative: 'negative tie', opportunity: 'synergy opportunity', members: 'actors', community: 'community', kind: 'kind', zone: 'zone', status: 'status', interests: 'stance' },
    emptyView: 'No actor in this view.',
    zoomIn: 'Show at full size (scroll to explore)',
    zoomOut: 'Fit to the page width',
    zoomHint: 'Names are readable at full size, or by zooming into the page or the PDF; section 5 lists the members of each community.',
    legendColour: 'Colour',
    legendLines: 'Lines',
    negativeLine: 'conflict or rejection',
    opportunityLine: 'synergy opportunity',
    groupWords: {},

    opportunitiesIntro: 'Pairs of actors who want the same things — they support or oppose the same interests — but have no relation of any kind in the model. Inviting them together, to the next synergy workshop or through an actor who already knows both, is the most direct way to create new cooperation. The introducers are the actors who link them by the shortest chains of acquaintance; when there are none, the coaching team has to make the first contact.',
    opportunitiesColumns: ['#', 'Actors', 'Shared interests', 'Agreement', 'Who could introduce them'],
    noIntroducer: 'nobody yet: the coaches make the first contact',
    opportunitiesNote: (shown, total, capped) => `Agreement (MACTOR convergence) adds up, over the interests they share, the average intensity of both positions (1 to 4 each): the higher, the stronger the common goals. The best ${shown} of ${capped ? `at least ${total}` : total} are listed${shown < total || capped ? ' (all of them: territory metrics)' : ''}.`,
    noOpportunities: 'None found: no two actors without a relation share a goal in the model.',

    brokersIntro: 'Actors who most often stand on the shortest chain of acquaintance between two other actors. They can carry information, resources and trust between groups that do not otherwise talk to each other: natural hosts of synergy workshops and introducers. They are also bottlenecks: if one of them withdraws, parts of the territory lose touch.',
    brokersColumns: ['#', 'Actor', 'Betweenness', 'Ties', 'Main role'],
    brokersNote: example => `Betweenness ${example} means that the actor lies on about ${example} of the shortest chains of acquaintance between two other actors. Ties: the number of actors it has a working relation with.`,
    noBrokers: 'None: nobody stands between other actors.',
    roles: {
        coordinator: ['coordinator', 'links actors of its own zone'],
        itinerant: ['consultant', 'serves a zone from outside it (a regional agency, a university, a coach)'],
        representative: ['representative', 'speaks for its zone towards the outside'],
        gatekeeper: ['gatekeeper', 'decides what from outside reaches its zone'],
        liaison: ['liaison', 'links zones that are strangers to each other']
    },
    rolesTitle: 'Roles, from the zones of the actors the broker stands between:',

    isolatesIntro: 'Actors with no working relation in the model (conflicts do not count). They are the first people to contact — or they may simply not be described yet: check with the field team.',
    isolatesColumns: ['Actor', 'Zone', 'Positions'],
    noIsolates: 'None: every actor has at least one working relation.',
    neglectedTitle: 'Overlooked actors',
    neglectedIntro: 'Tied, but hardly anyone names them — neither as a partner nor as an adversary (sociometric status “neglected”). Reach out to them and bring them into a workshop.',
    supports: 'supports',
    opposes: 'opposes',

    communitiesIntro: 'Groups of actors more tied to each other than to the rest of the territory (Louvain method). They often follow provinces or sectors. An actor whose community differs from that of its zone may link two worlds; synergy opportunities between communities are the ones the actors are least likely to find by themselves.',
    community: n => `Community ${n}`,
    members: count => `${count} ${count === 1 ? 'actor' : 'actors'}`,
    mostlyIn: 'Mostly in',
    singletons: count => `${count} ${count === 1 ? 'actor forms a community' : 'actors form communities'} of their own (no working relation): see section 4.`,
    andMore: count => `and ${count} more`,

    tensionsIntro: 'Pairs of actors who work together — or where one has authority or influence over the other — while their goals diverge more than they converge. Such relations are fragile: expect resistance there, and do not rely on one of them alone to bring the other on board.',
    tensionsColumns: ['Actors', 'Their relation', 'Where they disagree', 'Disagreement'],
    noTensions: 'None: no tied actors whose goals diverge more than they converge.',
    bridgesIntro: 'Pairs of actors in conflict who still share some goals. These shared goals are the topics on which a structured dialogue between them can start.',
    bridgesColumns: ['Actors', 'Their conflict', 'Shared goals (topics for a dialogue)', 'Agreement'],
    noBridges: 'None: no actors in conflict share a goal in the model.',
    agreementNote: 'Agreement and disagreement (MACTOR convergence and divergence) add up the average intensity of both positions over the interests where the actors agree, or disagree.',

    commitmentsIntro: asOf => `What the parties of each structured dialogue have committed to, and where it stands on ${asOf}. A commitment is overdue when its due date has passed and it is neither done nor dropped.`,
    commitmentsSummary: (total, dialogues) => `${total} ${total === 1 ? 'commitment' : 'commitments'} in ${dialogues} ${dialogues === 1 ? 'dialogue' : 'dialogues'}`,
    overdueSummary: count => `${count} overdue`,
    commitmentsColumns: ['Commitment', 'Who commits', 'To whom', 'Due', 'Status'],
    statuses: { proposed: 'proposed', agreed: 'agreed', ongoing: 'ongoing', done: 'done', dropped: 'dropped' },
    overdueBadge: 'overdue',
    parties: 'Parties',
    about: 'About',
    noDueDate: '—',
    noCommitments: 'No commitment recorded in this dialogue yet.',
    noDialogues: 'The model records no structured dialogue yet.',

    aboutParagraphs: [
        'This report reads the territory model kept by the coaching team: the actors, what each of them wants (the interests they support or oppose), and who works with, funds, informs, influences or opposes whom. From these relations it draws the sociogram and computes the figures above.',
        'The figures are indicators for the coaching team’s judgement, not verdicts. They only know what the model says: an actor with no relation in the model may simply be an actor nobody has described yet.',
        'Working relations are the positive and neutral ones (collaboration, trust, information, advice, funding, authority, influence, membership…); conflicts and rejections count only for balance, status, tensions and bridges. Exact definitions of every figure: docs/metrics.md in the Territory documentation.'
    ],
    generatedBy: (version, files) => `Produced by Territory ${version} (territory report) from ${files} model ${files === 1 ? 'file' : 'files'}. The same model always gives the same report.`
};

const SIZE_EN: Record<string, string> = {
    degree: 'the number of actors it is tied to',
    inDegree: 'the number of actors with a relation towards it',
    outDegree: 'the number of actors it has a relation towards',
    strength: 'the total weight of its working relations',
    betweenness: 'how often it stands between other actors (brokers are larger)',
    closeness: 'how near it is to all others',
    pagerank: 'its importance from receiving relations from important actors',
    eigenvector: 'its importance from being tied to well-tied actors',
    clustering: 'how much its contacts know each other',
    constraint: 'how much it depends on one closed circle',
    power: 'the power declared for the actor',
    members: 'the number of actors in the group',
    rStar: 'its MACTOR power'
};

const SIZE_FR: Record<string, string> = {
    degree: 'le nombre d’acteurs auxquels il est lié',
    inDegree: 'le nombre d’acteurs ayant une relation vers lui',
    outDegree: 'le nombre d’acteurs vers lesquels il a une relation',
    strength: 'le poids total de ses relations de travail',
    betweenness: 'la fréquence à laquelle il se trouve entre d’autres acteurs (les intermédiaires sont plus grands)',
    closeness: 'sa proximité avec tous les autres',
    pagerank: 'son importance, venue des relations reçues d’acteurs importants',
    eigenvector: 'son importance, venue de ses liens avec des acteurs bien reliés',
    clustering: 'la mesure dans laquelle ses contacts se connaissent',
    constraint: 'sa dépendance envers un seul cercle fermé',
    power: 'le pouvoir déclaré de l’acteur',
    members: 'le nombre d’acteurs du groupe',
    rStar: 'son pouvoir MACTOR'
};

const fr: Words = {
    lang: 'fr',
    kicker: 'Coaching territorial · analyse du sociogramme',
    defaultTitle: 'Analyse du territoire',
    asOf: date => `Situation au ${date}`,
    asOfToday: 'Le modèle ne donne pas de date de référence (asOf) : le rapport prend le jour où il a été produit.',
    population: value => `Population : ${formatNumber(value, 0, ',', '\u202f')} habitants`,
    contents: 'Sommaire',
    keyPoints: 'Points clés',
    caution: 'Ces chiffres sont des indicateurs pour le jugement de l’équipe de coaching, pas des verdicts : ils ne savent que ce que dit le modèle.',
    sections: {
        glance: 'Le territoire en chiffres',
        sociogram: 'Le sociogramme',
        opportunities: 'Opportunités de synergie',
        brokers: 'Intermédiaires',
        isolates: 'Acteurs isolés',
        communities: 'Communautés',
        tensions: 'Tensions',
        bridges: 'Passerelles',
        commitments: 'Engagements',
        about: 'À propos de ce rapport'
    },
    num: (value, digits = 2) => formatNumber(value, digits, ',', '\u202f'),
    percent: value => `${formatNumber(Math.round(value * 1000) / 10, 1, ',', '\u202f')}\u00a0%`,
    date: iso => isoDate(iso, FR_MONTHS, 'er'),
    plural: (count, one, many) => (count <= 1 ? one : many),

    figures: {
        actors: ['Acteurs', 'organisations, groupes et personnes décrits dans le modèle'],
        ties: ['Liens', 'relations enregistrées entre eux, conflits compris'],
        density: ['Densité', 'des paires d’acteurs possibles ont une relation de travail ; une valeur faible est normale pour une région — à comparer dans le temps'],
        components: ['Ensembles connectés', 'parties séparées du réseau, sans lien de travail entre elles (chaque acteur isolé compte pour une)'],
        communities: ['Communautés', 'groupes d’acteurs plus liés entre eux qu’avec le reste (section 5)'],
        modularity: ['Modularité', 'netteté du découpage du réseau en communautés ; au-delà d’environ 0,3 les groupes sont nettement séparés, et les ateliers qui les mélangent sont les plus utiles'],
        balance: ['Équilibre structural', 'part des triangles de relations où amis et adversaires s’alignent (« l’ennemi de mon ami est mon ennemi ») ; proche de 1 : deux camps nets ; plus bas : les conflits traversent les alliances, et des amis communs peuvent servir de médiateurs'],
        reciprocity: ['Réciprocité', 'des relations à sens unique sont rendues ; une valeur faible signale beaucoup de relations à sens unique (financement, autorité, information non rendue)'],
        centralization: ['Centralisation', 'à quel point le réseau tourne autour de quelques acteurs, de 0 à 1 ; élevée, elle est efficace mais fragile'],
        isolates: ['Acteurs isolés', 'acteurs sans aucune relation de travail dans le modèle (section 4)'],
        opportunities: ['Opportunités de synergie', 'paires d’acteurs qui veulent les mêmes choses et ne sont pas encore liés (section 2)'],
        overdue: ['Engagements en retard', (total, asOf) => `sur ${total} engagements étaient dus avant le ${asOf} et ne sont ni réalisés ni abandonnés (section 8)`],
        undefinedBalance: 'non mesurable : aucun triangle de relations amicales et hostiles',
        undefinedReciprocity: 'non mesurable : aucune relation orientée'
    },
    structure: (actors, communities, modularity) =>
        `Les ${actors} acteurs forment ${communities} communautés` +
        (modularity !== null && modularity >= 0.3
            ? `, nettement séparées (modularité ${formatNumber(modularity, 2, ',', '\u202f')}) : les ateliers qui mélangent les communautés sont les plus utiles.`
            : modularity !== null ? `, peu séparées (modularité ${formatNumber(modularity, 2, ',', '\u202f')}).` : '.'),
    pieces: (components, isolates) => components - isolates > 1
        ? `Le réseau se divise en ${components - isolates} parties sans aucun lien de travail entre elles${isolates ? `, plus ${isolates} ${isolates === 1 ? 'acteur isolé' : 'acteurs isolés'}` : ''}.`
        : isolates ? `À part ${isolates} ${isolates === 1 ? 'acteur isolé' : 'acteurs isolés'}, chaque acteur peut atteindre tous les autres par une chaîne de relations de travail.` : 'Chaque acteur peut atteindre tous les autres par une chaîne de relations de travail.',
    mainBroker: (who, share, next) => html`${who} est le principal intermédiaire : il se trouve sur ${share} des plus courtes chaînes de connaissances entre les autres acteurs${next ? html`, suivi de ${next.who} (${next.share})` : ''}.`,
    bestOpportunity: (a, b, interests, introducers) => html`Meilleure opportunité de synergie : ${a} et ${b}, qui partagent ${interests} mais n’ont encore aucune relation ; ${introducers ? html`${introducers} pourrait les présenter l’un à l’autre` : 'personne dans le modèle ne les relie : l’équipe de coaching doit établir le premier contact'}.`,
    isolatesPoint: (count, who) => html`${count} ${count === 1 ? 'acteur n’a' : 'acteurs n’ont'} aucune relation de travail : ${who}.`,
    tensionsPoint: (tensions, bridges) => `${tensions} ${tensions <= 1 ? 'relation fragile' : 'relations fragiles'} (acteurs liés dont les objectifs divergent) et ${bridges} ${bridges <= 1 ? 'conflit' : 'conflits'} avec un terrain d’entente, point de départ d’un dialogue structuré.`,
    overduePoint: (count, asOf) => `${count} ${count === 1 ? 'engagement est en retard' : 'engagements sont en retard'} au ${asOf} : à soulever à la prochaine séance du dialogue.`,
    noOverduePoint: total => (total ? `Aucun engagement en retard parmi les ${total} enregistrés.` : 'Aucun engagement enregistré pour l’instant.'),

    sociogramIntro: 'Chaque cercle est un acteur et chaque trait une relation enregistrée dans le modèle.',
    colourMeaning: (kind, interest) => {
        switch (kind) {
            case 'community': return html`Couleur : la communauté de l’acteur (section 5).`;
            case 'kind': return html`Couleur : le type d’acteur.`;
            case 'zone': return html`Couleur : la zone de l’acteur.`;
            case 'status': return html`Couleur : le statut sociométrique — populaire (choisi par beaucoup), rejeté, négligé (peu cité), controversé (à la fois choisi et rejeté), moyen.`;
            default: return html`Couleur : la position sur ${interest} — soutient (vert), s’oppose (rouge), sans position (gris).`;
        }
    },
    sizeMeaning: figure => `Taille : ${SIZE_FR[figure] ?? figure}.`,
    linesMeaning: 'La couleur des traits indique le type de relation ; les traits rouges en tirets sont des conflits ou des rejets ; les flèches marquent les relations à sens unique.',
    opportunitiesMeaning: (count, listed) => count === listed
        ? `Pointillés verts : ${count === 1 ? 'l’opportunité de synergie listée' : `les ${count} opportunités de synergie listées`} en section 2.`
        : `Pointillés verts : ${count} des ${listed} opportunités de synergie listées en section 2 (celles entre acteurs de cette image).`,
    groupsMeaning: 'Les cadres gris rassemblent les acteurs de chaque groupe.',
    aggregatedMeaning: (actors, groups, by) => `Avec ${actors} acteurs, l’image montre un cercle par ${by === 'zone' ? 'zone' : 'communauté'} (${groups} en tout), à la taille de son nombre d’acteurs ; les traits additionnent les relations entre groupes.`,
    viewCaption: title => html`Vue : ${title}`,
    wholeModel: 'Tout le territoire',
    layoutNote: (requested, used, limit, shown) => `La vue demande la disposition ${requested}, prévue pour ${limit} acteurs au plus ; cette image en a ${shown} : elle est dessinée en ${used}, comme dans l’aperçu de l’éditeur.`,
    svgStrings: { legend: 'Légende', negative: 'lien négatif', opportunity: 'opportunité de synergie', members: 'acteurs', community: 'communauté', kind: 'type', zone: 'zone', status: 'statut', interests: 'position' },
    emptyView: 'Aucun acteur dans cette vue.',
    zoomIn: 'Afficher en taille réelle (faire défiler pour explorer)',
    zoomOut: 'Ajuster à la largeur de la page',
    zoomHint: 'Les noms se lisent en taille réelle, ou en zoomant sur la page ou le PDF ; la section 5 liste les membres de chaque communauté.',
    legendColour: 'Couleur',
    legendLines: 'Traits',
    negativeLine: 'conflit ou rejet',
    opportunityLine: 'opportunité de synergie',
    groupWords: {
        popular: 'populaire', rejected: 'rejeté', neglected: 'négligé', controversial: 'controversé', average: 'moyen', unclassified: 'non classé',
        supports: 'soutient', opposes: 's’oppose', 'no position': 'sans position'
    },
    builtInTitles: {
        association: 'Association', cooperative: 'Coopérative', elected: 'Élu', civilServant: 'Fonctionnaire', youth: 'Jeunes',
        enterprise: 'Entreprise', agency: 'Agence publique', ngo: 'ONG', donor: 'Bailleur de fonds', resident: 'Habitants',
        media: 'Média', university: 'Université', coach: 'Coach territorial',
        collaboration: 'Collaboration', trust: 'Confiance', information: 'Information', advice: 'Conseil', funding: 'Financement',
        authority: 'Autorité', influence: 'Influence', membership: 'Appartenance', conflict: 'Conflit', rejection: 'Rejet'
    },

    opportunitiesIntro: 'Paires d’acteurs qui veulent les mêmes choses — ils soutiennent ou combattent les mêmes intérêts — mais n’ont aucune relation dans le modèle. Les inviter ensemble, au prochain atelier de synergie ou par un acteur qui les connaît déjà tous deux, est le moyen le plus direct de créer une coopération nouvelle. Les introducteurs sont les acteurs qui les relient par les plus courtes chaînes de connaissances ; s’il n’y en a pas, l’équipe de coaching doit établir le premier contact.',
    opportunitiesColumns: ['n°', 'Acteurs', 'Intérêts partagés', 'Convergence', 'Qui pourrait les présenter'],
    noIntroducer: 'personne pour l’instant : premier contact par les coachs',
    opportunitiesNote: (shown, total, capped) => `La convergence (MACTOR) additionne, sur les intérêts partagés, l’intensité moyenne des deux positions (de 1 à 4 chacune) : plus elle est élevée, plus les objectifs communs sont forts. ${shown === 1 ? 'La meilleure est listée' : `Les ${shown} meilleures sont listées`} sur ${capped ? `au moins ${total}` : total}${shown < total || capped ? ' (toutes : territory metrics)' : ''}.`,
    noOpportunities: 'Aucune : dans le modèle, aucune paire d’acteurs sans relation ne partage un objectif.',

    brokersIntro: 'Les acteurs qui se trouvent le plus souvent sur la plus courte chaîne de connaissances entre deux autres acteurs. Ils peuvent faire circuler information, ressources et confiance entre des groupes qui ne se parlent pas : hôtes naturels des ateliers de synergie et introducteurs. Ce sont aussi des goulets d’étranglement : si l’un d’eux se retire, des parties du territoire perdent le contact.',
    brokersColumns: ['n°', 'Acteur', 'Intermédiarité', 'Liens', 'Rôle principal'],
    brokersNote: example => `Une intermédiarité de ${example} signifie que l’acteur se trouve sur environ ${example} des plus courtes chaînes de connaissances entre deux autres acteurs. Liens : le nombre d’acteurs avec lesquels il a une relation de travail.`,
    noBrokers: 'Aucun : personne ne se trouve entre d’autres acteurs.',
    roles: {
        coordinator: ['coordinateur', 'relie des acteurs de sa propre zone'],
        itinerant: ['consultant', 'sert une zone depuis l’extérieur (une agence régionale, une université, un coach)'],
        representative: ['représentant', 'porte la voix de sa zone vers l’extérieur'],
        gatekeeper: ['gardien', 'filtre ce qui, de l’extérieur, parvient à sa zone'],
        liaison: ['agent de liaison', 'relie des zones étrangères l’une à l’autre']
    },
    rolesTitle: 'Rôles, d’après les zones des acteurs entre lesquels l’intermédiaire se trouve :',

    isolatesIntro: 'Acteurs sans aucune relation de travail dans le modèle (les conflits ne comptent pas). Ce sont les premiers à contacter — à moins qu’ils ne soient simplement pas encore décrits : à vérifier avec l’équipe de terrain.',
    isolatesColumns: ['Acteur', 'Zone', 'Positions'],
    noIsolates: 'Aucun : chaque acteur a au moins une relation de travail.',
    neglectedTitle: 'Acteurs négligés',
    neglectedIntro: 'Liés, mais presque personne ne les cite — ni comme partenaire ni comme adversaire (statut sociométrique « négligé »). Allez vers eux et associez-les à un atelier.',
    supports: 'soutient',
    opposes: 's’oppose à',

    communitiesIntro: 'Groupes d’acteurs plus liés entre eux qu’avec le reste du territoire (méthode de Louvain). Ils suivent souvent les provinces ou les secteurs. Un acteur dont la communauté diffère de celle de sa zone relie peut-être deux mondes ; les opportunités de synergie entre communautés sont celles que les acteurs ont le moins de chances de trouver seuls.',
    community: n => `Communauté ${n}`,
    members: count => `${count} ${count <= 1 ? 'acteur' : 'acteurs'}`,
    mostlyIn: 'Surtout',
    singletons: count => `${count} ${count === 1 ? 'acteur forme à lui seul une communauté' : 'acteurs forment chacun leur propre communauté'} (aucune relation de travail) : voir la section 4.`,
    andMore: count => `et ${count} autres`,

    tensionsIntro: 'Paires d’acteurs qui travaillent ensemble — ou dont l’un a autorité ou influence sur l’autre — alors que leurs objectifs divergent plus qu’ils ne convergent. Ces relations sont fragiles : attendez-vous à des résistances, et ne comptez pas sur l’un d’eux seul pour rallier l’autre.',
    tensionsColumns: ['Acteurs', 'Leur relation', 'Où ils divergent', 'Divergence'],
    noTensions: 'Aucune : pas d’acteurs liés dont les objectifs divergent plus qu’ils ne convergent.',
    bridgesIntro: 'Paires d’acteurs en conflit qui partagent pourtant certains objectifs. Ces objectifs communs sont les sujets sur lesquels un dialogue structuré entre eux peut commencer.',
    bridgesColumns: ['Acteurs', 'Leur conflit', 'Objectifs communs (sujets de dialogue)', 'Convergence'],
    noBridges: 'Aucune : dans le modèle, aucun acteur en conflit ne partage d’objectif.',
    agreementNote: 'Convergence et divergence (MACTOR) additionnent l’intensité moyenne des deux positions sur les intérêts où les acteurs sont d’accord, ou en désaccord.',

    commitmentsIntro: asOf => `Ce à quoi les parties de chaque dialogue structuré se sont engagées, et où cela en est au ${asOf}. Un engagement est en retard quand son échéance est passée et qu’il n’est ni réalisé ni abandonné.`,
    commitmentsSummary: (total, dialogues) => `${total} ${total <= 1 ? 'engagement' : 'engagements'} dans ${dialogues} ${dialogues <= 1 ? 'dialogue' : 'dialogues'}`,
    overdueSummary: count => `${count} en retard`,
    commitmentsColumns: ['Engagement', 'Qui s’engage', 'Envers qui', 'Échéance', 'Statut'],
    statuses: { proposed: 'proposé', agreed: 'convenu', ongoing: 'en cours', done: 'réalisé', dropped: 'abandonné' },
    overdueBadge: 'en retard',
    parties: 'Parties',
    about: 'Sujets',
    noDueDate: '—',
    noCommitments: 'Aucun engagement enregistré dans ce dialogue pour l’instant.',
    noDialogues: 'Le modèle n’enregistre encore aucun dialogue structuré.',

    aboutParagraphs: [
        'Ce rapport lit le modèle du territoire tenu par l’équipe de coaching : les acteurs, ce que chacun veut (les intérêts qu’il soutient ou combat), et qui travaille avec qui, finance, informe, influence ou s’oppose à qui. De ces relations il tire le sociogramme et calcule les chiffres ci-dessus.',
        'Les chiffres sont des indicateurs pour le jugement de l’équipe de coaching, pas des verdicts. Ils ne savent que ce que dit le modèle : un acteur sans relation dans le modèle est peut-être simplement un acteur que personne n’a encore décrit.',
        'Les relations de travail sont les relations positives et neutres (collaboration, confiance, information, conseil, financement, autorité, influence, appartenance…) ; conflits et rejets ne comptent que pour l’équilibre, le statut, les tensions et les passerelles. Définitions exactes de chaque chiffre : docs/metrics.md dans la documentation de Territory.'
    ],
    generatedBy: (version, files) => `Produit par Territory ${version} (territory report) à partir de ${files} ${files <= 1 ? 'fichier' : 'fichiers'} de modèle. Le même modèle donne toujours le même rapport.`
};

export const WORDS: Record<ReportLanguage, Words> = { en, fr };
