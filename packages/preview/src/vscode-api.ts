/** The API VS Code gives a webview script (`acquireVsCodeApi()`, callable once). */
export interface VsCodeApi<State> {
    postMessage(message: unknown): void;
    getState(): State | undefined;
    setState(state: State): void;
}

declare global {
    function acquireVsCodeApi<State = unknown>(): VsCodeApi<State>;
}
