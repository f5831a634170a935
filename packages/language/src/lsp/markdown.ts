/** Model text shown in hovers is text, never Markdown: escape every Markdown control character. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, char => `\\${char}`);
}
