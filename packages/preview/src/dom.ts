/**
 * The renderer's neutral SVG tree turned into DOM nodes: elements with `createElementNS`,
 * attributes with `setAttribute`, every text as a text node. Model text (labels, names) never
 * goes through an HTML or XML parser, so `<img onerror=…>` in a label is just letters.
 */
import type { SvgElement } from '@territory/sociogram';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Elements that could run code, load resources or embed HTML: the renderer never draws them. */
const REFUSED_TAGS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'image', 'use', 'a', 'animate', 'set', 'animatetransform', 'animatemotion', 'handler', 'listener']);

export function toDom(element: SvgElement, doc: Document = document): SVGElement {
    if (REFUSED_TAGS.has(element.tag.toLowerCase())) throw new Error(`The sociogram renderer produced a <${element.tag}> element`);
    const node = doc.createElementNS(SVG_NS, element.tag) as SVGElement;
    for (const [name, value] of Object.entries(element.attrs)) {
        const lower = name.toLowerCase();
        // Namespace declarations come with createElementNS; event handlers and links are never drawn.
        if (lower === 'xmlns' || lower.startsWith('xmlns:') || lower.startsWith('on') || lower === 'href' || lower.endsWith(':href')) continue;
        if (lower === 'style') {
            // Through the CSSOM, which the webview's CSP allows whatever its style-src says.
            node.style.cssText = String(value);
            continue;
        }
        node.setAttribute(name, String(value));
    }
    for (const child of element.children) {
        node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : toDom(child, doc));
    }
    return node;
}

/** An HTML element with a class and text, the only way the preview's UI puts words on screen. */
export function html<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    return node;
}
