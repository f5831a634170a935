/**
 * The picture's colours from VS Code's theme: webviews get the theme as CSS variables on
 * <html> (`--vscode-editor-background`…) and a class on <body> (`vscode-light`,
 * `vscode-dark`, `vscode-high-contrast`, `vscode-high-contrast-light`).
 */
import { LIGHT_THEME, type Theme } from '@territory/sociogram/src/render.js';

/** Okabe–Ito and Tableau colours that stay apart from the charts' blue, orange, green and purple. */
const AFTER_CHARTS = ['#cc79a7', '#56b4e9', '#d55e00', '#bcbd22', '#8c564b', '#17becf', '#7f7f7f', '#f0e442', '#ff9da7', '#86bcb6', '#9c755f'];

export function readTheme(root: Element = document.documentElement): Theme {
    const css = getComputedStyle(root);
    const value = (name: string): string | undefined => css.getPropertyValue(name).trim() || undefined;
    const highContrast = document.body.classList.contains('vscode-high-contrast') && !document.body.classList.contains('vscode-high-contrast-light');
    const charts = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple'].map(value).filter((c): c is string => !!c);
    // The theme's chart colours first, then colour-blind-safe ones not too close to them
    // (the charts' red and yellow are left out: red means a negative tie).
    const palette = charts.length === 4 ? [...charts, ...AFTER_CHARTS] : LIGHT_THEME.palette;
    const background = value('--vscode-editor-background') ?? LIGHT_THEME.background;
    const foreground = value('--vscode-editor-foreground') ?? LIGHT_THEME.foreground;
    return {
        background,
        foreground,
        muted: value('--vscode-descriptionForeground') ?? LIGHT_THEME.muted,
        edge: highContrast ? foreground : value('--vscode-descriptionForeground') ?? LIGHT_THEME.edge,
        negative: value('--vscode-errorForeground') ?? LIGHT_THEME.negative,
        opportunity: value('--vscode-charts-green') ?? LIGHT_THEME.opportunity,
        highlight: value('--vscode-charts-yellow') ?? LIGHT_THEME.highlight,
        groupFill: highContrast ? 'none' : LIGHT_THEME.groupFill,
        font: value('--vscode-font-family') ?? LIGHT_THEME.font,
        palette
    };
}

/**
 * Calls `onChange` when the theme changes: VS Code swaps the class of <body> and rewrites the
 * variables on <html>. Several mutations in a row give one call.
 */
export function observeTheme(onChange: () => void): MutationObserver {
    let pending = false;
    const observer = new MutationObserver(() => {
        if (pending) return;
        pending = true;
        queueMicrotask(() => {
            pending = false;
            onChange();
        });
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    return observer;
}
