/**
 * Writing HTML by hand, safely: the `html` template escapes every value it is given unless
 * the value is itself `Html` (markup built by `html`). Text from the model (labels, titles,
 * descriptions) can hold `<script>` or `<img onerror>`: it always goes in as a value, so it
 * always comes out as text.
 */
export class Html {
    constructor(readonly text: string) {}
    toString(): string {
        return this.text;
    }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values: the five characters that could end a text or an attribute. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, char => ESCAPES[char]);
}

function write(value: HtmlValue): string {
    if (value instanceof Html) return value.text;
    if (Array.isArray(value)) return value.map(write).join('');
    if (value === null || value === undefined || value === false || value === true) return '';
    return escapeHtml(String(value));
}

/** Markup with escaped values: html`<td>${label}</td>`. Arrays are joined; null, undefined and booleans write nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
    let text = strings[0];
    values.forEach((value, i) => {
        text += write(value) + strings[i + 1];
    });
    return new Html(text);
}

/** Markup that is already safe (the stylesheet, the SVG serialised by the shared renderer). */
export function trusted(text: string): Html {
    return new Html(text);
}

export function join(items: readonly HtmlValue[], separator: HtmlValue): Html {
    const parts: HtmlValue[] = [];
    items.forEach((item, i) => {
        if (i > 0) parts.push(separator);
        parts.push(item);
    });
    return html`${parts}`;
}
