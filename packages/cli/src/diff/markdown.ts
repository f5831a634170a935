import { escapeMarkdown } from '@territory/analysis';
import type {
    ActorEntry, Community, ElementChanges, FieldChange, FieldValue, ModelDiff, OpportunityEntry, TensionEntry, TieEntry, VersionInfo
} from './types.js';

/** Lists and tables longer than this go into a collapsed `<details>` block. */
export const DETAILS_AFTER = 10;
/** How many highlights the summary gives. */
export const HIGHLIGHTS = 5;

const esc = escapeMarkdown;
/** Values that are not model text (dates, numbers) need no escaping: they cannot hold markup. */
const RAW_FIELDS = new Set(['date', 'due', 'power']);

function number(value: number | null | undefined): string {
    if (value === null || value === undefined) return '—';
    return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function signed(value: number): string {
    return `${value > 0 ? '+' : ''}${number(value)}`;
}

function list(names: readonly string[], max = Infinity): string {
    const shown = names.slice(0, max).map(esc);
    return names.length > max ? `${shown.join(', ')}, +${names.length - max} more` : shown.join(', ');
}

function value(field: string, content: FieldValue): string {
    if (content === null) return '—';
    if (Array.isArray(content)) return content.length ? list(content) : '—';
    if (typeof content === 'number' || RAW_FIELDS.has(field)) return String(content);
    return esc(content);
}

function stance(position: number | null): string {
    if (position === null) return 'no position';
    return position > 0 ? `supports ${position}` : `opposes ${-position}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}

function tie(entry: Pick<TieEntry, 'source' | 'target' | 'relation' | 'directed'>): string {
    return `${esc(entry.source)} ${entry.directed ? '→' : '↔'} ${esc(entry.target)} ${esc(entry.relation)}`;
}

function pair(entry: { a: string; b: string }): string {
    return `**${esc(entry.a)}** ↔ **${esc(entry.b)}**`;
}

function plainPair(entry: { a: string; b: string }): string {
    return `${esc(entry.a)} ↔ ${esc(entry.b)}`;
}

/** A community by a few of its members (the most tied first): `{A, B, C, +4 more}`. */
export function community(members: Community): string {
    return members.length <= 4 ? `{${list(members)}}` : `{${list(members, 3)}}`;
}

function commitment(entry: { dialogue: string; name: string }): string {
    return `${esc(entry.dialogue)}.${esc(entry.name)}`;
}

/** Lines as they are, or in a collapsed block when there are many. */
function block(summary: string, lines: string[], rows = lines.length): string[] {
    if (rows <= DETAILS_AFTER) return [...lines, ''];
    return [`<details><summary>${summary}</summary>`, '', ...lines, '', '</details>', ''];
}

function table(header: string[], rows: string[][]): string[] {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map(row => `| ${row.join(' | ')} |`)];
}

function phrase(parts: Array<[number, string]>): string {
    return parts.filter(([count]) => count > 0).map(([count, words]) => `${count} ${words}`).join(', ');
}

/** The one line of counts: only what changed. */
function countsLine(diff: ModelDiff): string {
    const { summary: s } = diff;
    const parts: string[] = [];
    const actors = phrase([[s.actors.added, 'added'], [s.actors.removed, 'removed'], [s.actors.changed, 'changed']]);
    parts.push(`**${s.actors.old} → ${s.actors.new} actors**${actors ? ` (${actors})` : ''}`);
    const ties = phrase([[s.ties.added, 'added'], [s.ties.removed, 'removed'], [s.ties.reweighted, 're-weighted']]);
    parts.push(`**${s.ties.old} → ${s.ties.new} ties**${ties ? ` (${ties})` : ''}`);
    if (s.stances) parts.push(`**${plural(s.stances, 'stance')}** changed`);
    for (const [label, counts] of [['zones', s.zones], ['interests', s.interests], ['workshops', s.workshops], ['dialogues', s.dialogues]] as const) {
        const text = phrase([[counts.added, 'added'], [counts.removed, 'removed'], [counts.changed, 'changed']]);
        if (text) parts.push(`${label}: ${text}`);
    }
    const c = s.commitments;
    const commitments = phrase([[c.added, 'added'], [c.removed, 'removed'], [c.statusChanged, c.statusChanged === 1 ? 'status change' : 'status changes'],
        [c.changed, 'changed'], [c.newlyOverdue, 'newly overdue'], [c.noLongerOverdue, 'no longer overdue']]);
    if (commitments) parts.push(`commitments: ${commitments}`);
    if (diff.old.asOf !== diff.new.asOf) parts.push(`as of ${diff.old.asOf} → ${diff.new.asOf}`);
    return parts.join(' · ');
}

/** The few most important changes, most pressing first: one bullet per kind, at most HIGHLIGHTS. */
function highlights(diff: ModelDiff): string[] {
    const bullets: string[] = [];
    const more = (count: number, shown: number) => (count > shown ? `, +${count - shown} more` : '');
    const { commitments, analysis } = diff;
    if (commitments.newlyOverdue.length) {
        const [first] = commitments.newlyOverdue;
        bullets.push(`**Newly overdue**: ${commitment(first)} (${esc(first.actor)}, due ${first.due}, ${esc(first.status)})${more(commitments.newlyOverdue.length, 1)}`);
    }
    for (const merge of analysis.communities.merged.slice(0, 1)) {
        bullets.push(`**Communities merged**: ${merge.from.map(community).join(' + ')} → ${community(merge.into)}${more(analysis.communities.merged.length, 1)}`);
    }
    for (const split of analysis.communities.split.slice(0, 1)) {
        bullets.push(`**Community split**: ${community(split.from)} → ${split.into.map(community).join(' + ')}${more(analysis.communities.split.length, 1)}`);
    }
    const tensions = analysis.tensions.new;
    if (tensions.length) bullets.push(`**New ${tensions.length === 1 ? 'tension' : 'tensions'}**: ${tensions.slice(0, 3).map(plainPair).join(', ')}${more(tensions.length, 3)}`);
    const takenUp = analysis.opportunities.resolved.filter(o => o.reason === 'tied');
    if (takenUp.length) {
        bullets.push(`**${takenUp.length === 1 ? 'Synergy opportunity' : 'Synergy opportunities'} taken up**: ${takenUp.slice(0, 3).map(plainPair).join(', ')} now tied${more(takenUp.length, 3)}`);
    }
    if (analysis.isolates.new.length) bullets.push(`**New ${analysis.isolates.new.length === 1 ? 'isolate' : 'isolates'}**: ${list(analysis.isolates.new, 3)}`);
    const { added, removed } = diff.actors;
    if (added.length || removed.length) {
        const parts = [added.length ? `added ${list(added.map(a => a.name), 3)}` : '', removed.length ? `removed ${list(removed.map(a => a.name), 3)}` : ''];
        bullets.push(`**Actors**: ${parts.filter(Boolean).join('; ')}`);
    }
    if (analysis.betweenness.length) {
        const [top] = analysis.betweenness;
        bullets.push(`**Largest betweenness shift**: ${esc(top.actor)} ${number(top.old)} → ${number(top.new)}`);
    }
    if (commitments.statusChanged.length) {
        const [first] = commitments.statusChanged;
        bullets.push(`**Commitment status**: ${commitment(first)} ${esc(first.old)} → ${esc(first.new)}${more(commitments.statusChanged.length, 1)}`);
    }
    return bullets.slice(0, HIGHLIGHTS).map(bullet => `- ${bullet}`);
}

/** A file name as code (escaped text if it holds a backtick). */
function fileName(name: string): string {
    return name.includes('`') ? esc(name) : `\`${name}\``;
}

function warnings(diff: ModelDiff): string[] {
    const lines: string[] = [];
    for (const [label, info] of [['old', diff.old], ['new', diff.new]] as Array<[string, VersionInfo]>) {
        if (!info.syntaxErrors.length) continue;
        const files = info.syntaxErrors.map(file => `${fileName(file.file)} (${plural(file.errors, 'error')})`).join(', ');
        lines.push(`> **Warning**: the ${label} version has syntax errors in ${files}; this diff covers what could be read (run \`territory check\`).`, '');
    }
    return lines;
}

/** A section for added, removed and changed elements of one kind. */
function elements<E extends { name: string }>(title: string, changes: ElementChanges<E>, describe: (element: E) => string, noun: string): string[] {
    if (!changes.added.length && !changes.removed.length && !changes.changed.length) return [];
    const lines = [`### ${title}`, ''];
    for (const [label, items] of [['Added', changes.added], ['Removed', changes.removed]] as const) {
        if (!items.length) continue;
        lines.push(`**${label}**`, '', ...block(`${items.length} ${label.toLowerCase()}`, items.map(item => `- ${describe(item)}`)));
    }
    if (changes.changed.length) {
        const rows = changes.changed.flatMap(({ name, changes: fields }) => fields.map(change => fieldRow(esc(name), change)));
        lines.push('**Changed**', '', ...block(`${plural(changes.changed.length, noun)} changed`, table([noun, 'field', 'before', 'after'], rows), rows.length));
    }
    return lines;
}

function fieldRow(subject: string, change: FieldChange): string[] {
    return [subject, change.field, value(change.field, change.old), value(change.field, change.new)];
}

function titled(name: string, title: string | null): string {
    return title ? `**${esc(name)}** (${esc(title)})` : `**${esc(name)}**`;
}

function describeActor(actor: ActorEntry): string {
    const facts = [actor.kind && esc(actor.kind), actor.zone && `in ${esc(actor.zone)}`, actor.power !== null ? `power ${actor.power}` : '']
        .filter(Boolean).join(', ');
    return `${titled(actor.name, actor.title)}${facts ? ` — ${facts}` : ''}`;
}

const NEW_OPPORTUNITY: Record<string, string> = { 'actor-added': 'new actor', 'tie-removed': 'their tie was removed', positions: 'their positions now converge' };
const GONE_OPPORTUNITY: Record<string, string> = { 'actor-removed': 'actor removed', tied: 'now tied', positions: 'their positions no longer converge' };
const NEW_TENSION: Record<string, string> = { 'actor-added': 'new actor', tied: 'now tied', positions: 'their positions now diverge' };
const GONE_TENSION: Record<string, string> = { 'actor-removed': 'actor removed', 'tie-removed': 'their tie was removed', positions: 'their positions no longer diverge' };

/** An opportunity; for a new one, who could introduce the pair (in NEW). */
function opportunity(entry: OpportunityEntry, reasons: Record<string, string>, introduce: boolean): string {
    const introducers = !introduce ? '' : entry.introducers.length ? `; could be introduced by ${list(entry.introducers, 3)}` : '; no one connects them yet';
    return `- ${pair(entry)} — convergence ${number(entry.convergence)} on ${list(entry.interests)}${introducers} (${reasons[entry.reason]})`;
}

function tension(entry: TensionEntry, reasons: Record<string, string>): string {
    return `- ${pair(entry)} — divergence ${number(entry.divergence)}, convergence ${number(entry.convergence)} (${reasons[entry.reason]})`;
}

function analysisSection(diff: ModelDiff): string[] {
    const { analysis } = diff;
    const { network } = analysis;
    const lines = ['### Analysis', ''];
    const figures: Array<[string, { old: number | null; new: number | null }]> = [
        ['actors', network.actors], ['ties', network.ties], ['connected groups', network.components], ['communities', network.communities],
        ['isolates', network.isolates], ['density', network.density], ['modularity', network.modularity], ['reciprocity', network.reciprocity],
        ['structural balance', network.balance]
    ];
    // The figures that changed (as shown: to three decimals).
    const rows = [['reference date (asOf)', diff.old.asOf, diff.new.asOf], ...figures.map(([label, change]) => [label, number(change.old), number(change.new)])]
        .filter(([, before, after]) => before !== after);
    if (rows.length) lines.push(...table(['figure', 'before', 'after'], rows), '');
    if (analysis.betweenness.length) {
        lines.push('#### Betweenness', '', 'The largest changes among actors of both versions: who now stands between others, and who no longer does.', '');
        lines.push(...table(['actor', 'before', 'after', 'change'], analysis.betweenness.map(shift =>
            [esc(shift.actor), number(shift.old), number(shift.new), signed(shift.change)])), '');
    }
    const { isolates } = analysis;
    if (isolates.new.length || isolates.noLongerIsolated.length) {
        lines.push('#### Isolated actors', '');
        if (isolates.new.length) lines.push(`- New: ${list(isolates.new)}`);
        if (isolates.noLongerIsolated.length) lines.push(`- No longer isolated: ${list(isolates.noLongerIsolated)}`);
        lines.push('');
    }
    const { communities } = analysis;
    const communityLines = [
        ...communities.merged.map(merge => `- **Merged**: ${merge.from.map(community).join(' + ')} → ${community(merge.into)}`),
        ...communities.split.map(split => `- **Split**: ${community(split.from)} → ${split.into.map(community).join(' + ')}`),
        ...communities.formed.map(formed => `- **Formed**: ${community(formed)}`),
        ...communities.dissolved.map(dissolved => `- **Dissolved**: ${community(dissolved)}`),
        ...communities.reshaped.map(reshaped => {
            const moves = [reshaped.joined.length ? `joined by ${list(reshaped.joined)}` : '', reshaped.left.length ? `left by ${list(reshaped.left)}` : ''];
            return `- **Reshaped**: ${community(reshaped.old)} → ${community(reshaped.new)}: ${moves.filter(Boolean).join('; ')}`;
        })
    ];
    if (communityLines.length) {
        lines.push('#### Communities', '', 'Matched by their members (communities of two actors or more), not by their numbers.', '');
        lines.push(...block(`${plural(communityLines.length, 'community change')}`, communityLines));
    }
    const { opportunities } = analysis;
    if (opportunities.new.length || opportunities.resolved.length) {
        lines.push('#### Synergy opportunities', '', 'Actors who converge on interests with no tie between them.', '');
        if (opportunities.new.length) {
            lines.push('**New**', '', ...block(`${plural(opportunities.new.length, 'new opportunity', 'new opportunities')}`,
                opportunities.new.map(entry => opportunity(entry, NEW_OPPORTUNITY, true))));
        }
        if (opportunities.resolved.length) {
            lines.push('**Gone**', '', ...block(`${plural(opportunities.resolved.length, 'opportunity', 'opportunities')} gone`,
                opportunities.resolved.map(entry => opportunity(entry, GONE_OPPORTUNITY, false))));
        }
    }
    const { tensions } = analysis;
    if (tensions.new.length || tensions.resolved.length) {
        lines.push('#### Tensions', '', 'Tied actors whose positions diverge more than they converge.', '');
        if (tensions.new.length) lines.push('**New**', '', ...block(`${plural(tensions.new.length, 'new tension')}`, tensions.new.map(entry => tension(entry, NEW_TENSION))));
        if (tensions.resolved.length) {
            lines.push('**Resolved**', '', ...block(`${plural(tensions.resolved.length, 'tension')} resolved`, tensions.resolved.map(entry => tension(entry, GONE_TENSION))));
        }
    }
    if (lines.length === 2) lines.push('No change in the analysis.', '');
    return lines;
}

/**
 * The diff as Markdown for a pull-request comment: a heading, one line of counts and the
 * few most important changes, then a section per kind of element and the analysis' shifts
 * (long lists collapsed). Model text is escaped; nothing depends on how the versions were
 * given (folders or revisions), so the same change always reads the same.
 */
export function diffMarkdown(diff: ModelDiff): string {
    const lines = ['## Territory model changes', '', ...warnings(diff)];
    if (diff.identical) {
        lines.push(`No change: both versions describe the same model (${plural(diff.summary.actors.new, 'actor')}, ${plural(diff.summary.ties.new, 'tie')}).`);
        return lines.join('\n') + '\n';
    }
    lines.push(countsLine(diff), '');
    const bullets = highlights(diff);
    if (bullets.length) lines.push(...bullets, '');

    lines.push(...elements('Actors', diff.actors, describeActor, 'actor'));
    if (diff.stances.length) {
        const rows = diff.stances.map(change => [esc(change.actor), esc(change.interest), stance(change.old), stance(change.new)]);
        lines.push('### Stances', '', ...block(`${plural(rows.length, 'stance')} changed`, table(['actor', 'interest', 'before', 'after'], rows), rows.length));
    }
    const { ties } = diff;
    if (ties.added.length || ties.removed.length || ties.reweighted.length) {
        lines.push('### Ties', '');
        if (ties.added.length) lines.push('**Added**', '', ...block(`${plural(ties.added.length, 'tie')} added`, ties.added.map(entry => `- ${tie(entry)}, weight ${entry.weight}`)));
        if (ties.removed.length) lines.push('**Removed**', '', ...block(`${plural(ties.removed.length, 'tie')} removed`, ties.removed.map(entry => `- ${tie(entry)}, weight ${entry.weight}`)));
        if (ties.reweighted.length) {
            lines.push('**Re-weighted**', '', ...block(`${plural(ties.reweighted.length, 'tie')} re-weighted`,
                ties.reweighted.map(entry => `- ${tie(entry)}: weight ${entry.oldWeight} → ${entry.newWeight}`)));
        }
    }
    lines.push(...elements('Zones', diff.zones, zone => `${titled(zone.name, zone.title)}${zone.parent ? ` in ${esc(zone.parent)}` : ''}`, 'zone'));
    lines.push(...elements('Interests', diff.interests, interest => titled(interest.name, interest.title), 'interest'));
    lines.push(...elements('Workshops', diff.workshops, workshop =>
        `${titled(workshop.name, workshop.title)}${workshop.date ? `, ${workshop.date}` : ''}: ${plural(workshop.participants.length, 'participant')}` +
        `${workshop.interests.length ? `, about ${list(workshop.interests)}` : ''}`, 'workshop'));
    lines.push(...elements('Dialogues', diff.dialogues, dialogue =>
        `${titled(dialogue.name, dialogue.title)}: ${list(dialogue.parties)}; ${plural(dialogue.commitments, 'commitment')}`, 'dialogue'));
    lines.push(...commitmentSection(diff));
    lines.push(...analysisSection(diff));
    while (lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n') + '\n';
}

function commitmentSection(diff: ModelDiff): string[] {
    const c = diff.commitments;
    if (!Object.values(diff.summary.commitments).some(count => count > 0)) return [];
    const lines = ['### Commitments', ''];
    if (c.statusChanged.length) {
        lines.push('**Status changes**', '', ...block(`${plural(c.statusChanged.length, 'status change')}`, table(['commitment', 'by', 'before', 'after'],
            c.statusChanged.map(change => [commitment(change), esc(change.actor), esc(change.old), esc(change.new)])), c.statusChanged.length));
    }
    if (c.newlyOverdue.length) {
        lines.push(`**Newly overdue** (as of ${diff.new.asOf})`, '', ...block(`${plural(c.newlyOverdue.length, 'commitment')} newly overdue`,
            table(['commitment', 'by', 'due', 'status'], c.newlyOverdue.map(entry => [commitment(entry), esc(entry.actor), entry.due, esc(entry.status)])),
            c.newlyOverdue.length));
    }
    if (c.noLongerOverdue.length) {
        const why = (entry: ModelDiff['commitments']['noLongerOverdue'][number]) =>
            entry.reason === 'closed' ? `now ${esc(entry.status ?? '')}` : entry.reason === 'removed' ? 'removed' : 'rescheduled';
        lines.push('**No longer overdue**', '', ...block(`${plural(c.noLongerOverdue.length, 'commitment')} no longer overdue`, c.noLongerOverdue.map(entry =>
            `- ${commitment(entry)} (${esc(entry.actor)}, due ${entry.due}): ${why(entry)}`)));
    }
    const describe = (entry: ModelDiff['commitments']['added'][number]) => {
        const to = entry.beneficiaries.length ? ` to ${list(entry.beneficiaries)}` : '';
        const text = entry.text ? ` “${esc(entry.text)}”` : '';
        return `- ${commitment(entry)}: ${esc(entry.actor)} commits${to}${text}${entry.due ? `, due ${entry.due}` : ''}, ${esc(entry.status)}`;
    };
    if (c.added.length) lines.push('**Added**', '', ...block(`${plural(c.added.length, 'commitment')} added`, c.added.map(describe)));
    if (c.removed.length) lines.push('**Removed**', '', ...block(`${plural(c.removed.length, 'commitment')} removed`, c.removed.map(describe)));
    if (c.changed.length) {
        const rows = c.changed.flatMap(entry => entry.changes.map(change => fieldRow(commitment(entry), change)));
        lines.push('**Changed**', '', ...block(`${plural(c.changed.length, 'commitment')} changed`, table(['commitment', 'field', 'before', 'after'], rows), rows.length));
    }
    return lines;
}
