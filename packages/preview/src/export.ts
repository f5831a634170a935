/**
 * Export of the current picture. The SVG is the renderer's own output for what the filters
 * leave visible (the same drawing code as on screen and in the CLI, colours and fonts inline,
 * the whole picture with its legend, no zoom, no selection): self-contained, it opens in a
 * browser as seen. The PNG is that SVG drawn into a canvas at twice its size.
 */
import type { PositionedGraph } from '@territory/sociogram';
import { renderSociogram, toSvgString, type RenderOptions } from '@territory/sociogram/src/render.js';

export function exportSvg(graph: PositionedGraph, options: RenderOptions): string {
    return toSvgString(renderSociogram(graph, options));
}

/** The largest side and area of the PNG (Chromium's canvas limits are far above; files stay reasonable). */
const MAX_SIDE = 8000;
const MAX_AREA = 40_000_000;

export function pngScale(width: number, height: number, preferred = 2): number {
    return Math.max(0.1, Math.min(preferred, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height))));
}

/** Rasterises an SVG document (as exported) to a `data:image/png` URL. */
export async function exportPng(svgText: string): Promise<string> {
    const size = svgSize(svgText);
    const image = new Image();
    const loaded = new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error('The SVG could not be drawn as an image'));
    });
    // A data: URL (the CSP allows img-src data:); the SVG has no external resource to load.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
    await loaded;
    const scale = pngScale(size.width, size.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(size.width * scale));
    canvas.height = Math.max(1, Math.round(size.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
}

/** The width and height attributes of the exported SVG's root. */
function svgSize(svgText: string): { width: number; height: number } {
    const root = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
    const width = Number(root.getAttribute('width'));
    const height = Number(root.getAttribute('height'));
    return { width: width > 0 ? width : 800, height: height > 0 ? height : 600 };
}
