/**
 * The hover card of a node: an absolutely positioned <div> whose every line is set with
 * textContent. Actors: label (in full), name, kind, zone, degree, betweenness, community,
 * status. Groups of an aggregated view: label and member count.
 */
import type { PositionedNode } from '@territory/sociogram';
import type { PreviewStrings } from './protocol.js';
import { html } from './dom.js';

export class Tooltip {
    readonly element: HTMLDivElement;

    constructor(parent: HTMLElement) {
        this.element = html('div', 'tooltip');
        this.element.id = 'territory-tooltip';
        this.element.setAttribute('role', 'tooltip');
        this.element.hidden = true;
        parent.appendChild(this.element);
    }

    show(node: PositionedNode, strings: PreviewStrings, at: { x: number; y: number }): void {
        const card = this.element;
        card.replaceChildren();
        const title = html('div', 'tooltip-title', node.label);
        title.dir = 'auto';
        card.appendChild(title);
        if (node.label !== node.id && node.members === undefined) {
            const name = html('div', 'tooltip-name', node.id);
            name.dir = 'auto';
            card.appendChild(name);
        }
        const rows: Array<[string, string]> = node.members !== undefined
            ? [[strings.members, String(node.members)]]
            : [
                [strings.kind, node.kind ?? '—'],
                [strings.zone, node.zone ?? '—'],
                [strings.degree, String(node.degree)],
                [strings.betweenness, node.betweenness === null ? '…' : formatFigure(node.betweenness)],
                [strings.community, `#${node.community}`],
                [strings.status, node.status]
            ];
        const list = html('dl', 'tooltip-figures');
        for (const [term, value] of rows) {
            list.appendChild(html('dt', undefined, term));
            const dd = html('dd', undefined, value);
            dd.dir = 'auto';
            list.appendChild(dd);
        }
        card.appendChild(list);
        card.hidden = false;
        this.move(at);
    }

    /** Places the card near the pointer (client coordinates), inside the window. */
    move(at: { x: number; y: number }): void {
        const card = this.element;
        const margin = 8;
        const width = card.offsetWidth;
        const height = card.offsetHeight;
        let left = at.x + 14;
        let top = at.y + 16;
        if (left + width + margin > window.innerWidth) left = Math.max(margin, at.x - width - 14);
        if (top + height + margin > window.innerHeight) top = Math.max(margin, at.y - height - 16);
        card.style.left = `${left}px`;
        card.style.top = `${top}px`;
    }

    hide(): void {
        this.element.hidden = true;
    }
}

export function formatFigure(value: number): string {
    if (value === 0) return '0';
    return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3);
}
