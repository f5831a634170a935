/**
 * Zoom and pan of the picture: a `translate(x,y) scale(k)` on the top-level <g> of the SVG
 * (the SVG has no viewBox, so one user unit is one CSS pixel before the transform). Wheel and
 * the +/− buttons zoom, a drag on the background pans, `fit` frames what is visible.
 */
export interface Transform {
    x: number;
    y: number;
    k: number;
}

export interface Insets {
    top: number;
    right: number;
    bottom: number;
    left: number;
}

export interface Bounds {
    x: number;
    y: number;
    width: number;
    height: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
/** A drag shorter than this (CSS px) is a click. */
const CLICK_SLOP = 4;

export interface ZoomPanOptions {
    /** Whether a pointer press on this target starts a pan (the background, not a node). */
    isBackground(target: EventTarget | null): boolean;
    /** A press and release on the background without moving. */
    onBackgroundClick(): void;
    /** After every change of the transform (wheel, drag, buttons, fit). */
    onChange(transform: Transform): void;
    /** When the scale changes (also while the transform is only applied, not yet committed). */
    onScale?(k: number): void;
}

export class ZoomPan {
    private transform: Transform = { x: 0, y: 0, k: 1 };
    private viewport: SVGGElement | undefined;
    private drag: { id: number; startX: number; startY: number; from: Transform; moved: boolean } | undefined;

    constructor(private readonly host: HTMLElement, private readonly options: ZoomPanOptions) {
        host.addEventListener('wheel', event => this.onWheel(event), { passive: false });
        host.addEventListener('pointerdown', event => this.onPointerDown(event));
        host.addEventListener('pointermove', event => this.onPointerMove(event));
        host.addEventListener('pointerup', event => this.onPointerUp(event));
        host.addEventListener('pointercancel', event => this.onPointerUp(event, true));
    }

    /** The <g> that carries the transform (a new one after each render). */
    setViewport(viewport: SVGGElement): void {
        this.viewport = viewport;
        this.apply();
    }

    get(): Transform {
        return { ...this.transform };
    }

    set(transform: Transform, notify = true): void {
        this.transform = { x: transform.x, y: transform.y, k: clamp(transform.k, MIN_SCALE, MAX_SCALE) };
        this.apply();
        if (notify) this.options.onChange(this.get());
    }

    /** Zooms by `factor` around a point of the host (its centre by default). */
    zoomBy(factor: number, at?: { x: number; y: number }): void {
        const { width, height } = this.size();
        const px = at?.x ?? width / 2;
        const py = at?.y ?? height / 2;
        const { x, y, k } = this.transform;
        const next = clamp(k * factor, MIN_SCALE, MAX_SCALE);
        // The graph point under (px, py) stays under it.
        this.set({ k: next, x: px - ((px - x) / k) * next, y: py - ((py - y) / k) * next });
    }

    /**
     * Frames `bounds` (graph coordinates) in the host, leaving `inset` pixels free on each
     * side (e.g. under the legend); false when the host has no size yet.
     */
    fit(bounds: Bounds, inset: Partial<Insets> = {}, maxScale = 1.5): boolean {
        const { width, height } = this.size();
        const { top = 24, right = 24, bottom = 24, left = 24 } = inset;
        const w = width - left - right;
        const h = height - top - bottom;
        if (w <= 0 || h <= 0 || bounds.width <= 0 || bounds.height <= 0) return false;
        const k = clamp(Math.min(w / bounds.width, h / bounds.height, maxScale), MIN_SCALE, MAX_SCALE);
        this.set({ k, x: left + (w - bounds.width * k) / 2 - bounds.x * k, y: top + (h - bounds.height * k) / 2 - bounds.y * k });
        return true;
    }

    /** Puts a graph point at the host's centre, keeping the zoom (at least `minScale`). */
    centreOn(x: number, y: number, minScale = 0.8): void {
        const { width, height } = this.size();
        const k = Math.max(this.transform.k, minScale);
        this.set({ k, x: width / 2 - x * k, y: height / 2 - y * k });
    }

    /** Moves the picture by (dx, dy) CSS pixels. */
    panBy(dx: number, dy: number): void {
        this.set({ ...this.transform, x: this.transform.x + dx, y: this.transform.y + dy });
    }

    hasSize(): boolean {
        const { width, height } = this.size();
        return width > 0 && height > 0;
    }

    private size(): { width: number; height: number } {
        return { width: this.host.clientWidth, height: this.host.clientHeight };
    }

    private lastScale = NaN;

    private apply(): void {
        const { x, y, k } = this.transform;
        if (k !== this.lastScale) {
            this.lastScale = k;
            this.options.onScale?.(k);
        }
        this.viewport?.setAttribute('transform', `translate(${round(x)},${round(y)}) scale(${round(k, 10000)})`);
    }

    private onWheel(event: WheelEvent): void {
        event.preventDefault();
        // Lines (Firefox-like deltaMode 1) or pixels; a trackpad pinch comes as a ctrl+wheel.
        const speed = event.deltaMode === 1 ? 0.05 : event.ctrlKey ? 0.01 : 0.002;
        const rect = this.host.getBoundingClientRect();
        this.zoomBy(Math.pow(2, -event.deltaY * speed), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    }

    private onPointerDown(event: PointerEvent): void {
        if (event.button !== 0 || !this.options.isBackground(event.target)) return;
        this.drag = { id: event.pointerId, startX: event.clientX, startY: event.clientY, from: this.get(), moved: false };
        this.host.setPointerCapture(event.pointerId);
        this.host.classList.add('panning');
    }

    private onPointerMove(event: PointerEvent): void {
        const drag = this.drag;
        if (!drag || drag.id !== event.pointerId) return;
        const dx = event.clientX - drag.startX;
        const dy = event.clientY - drag.startY;
        if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
        drag.moved = true;
        this.transform = { ...drag.from, x: drag.from.x + dx, y: drag.from.y + dy };
        this.apply();
    }

    private onPointerUp(event: PointerEvent, cancelled = false): void {
        const drag = this.drag;
        if (!drag || drag.id !== event.pointerId) return;
        this.drag = undefined;
        this.host.classList.remove('panning');
        if (this.host.hasPointerCapture(event.pointerId)) this.host.releasePointerCapture(event.pointerId);
        if (drag.moved) this.options.onChange(this.get());
        else if (!cancelled) this.options.onBackgroundClick();
    }
}

function clamp(value: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, value));
}

function round(value: number, precision = 100): number {
    return Math.round(value * precision) / precision;
}
