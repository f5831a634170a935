// Types for ./harness.mjs (the shared code-server + Chromium implementation).
import type { ChildProcess } from 'node:child_process';
import type { BrowserContext, LaunchOptions, Page } from 'playwright-core';

export declare const REPO_ROOT: string;
export declare const CODE_SERVER_VERSION: string;
export declare const CODE_SERVER_DIR: string;
export declare const CODE_SERVER_ENTRY: string;
export declare const DEFAULT_VSIX: string;
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare const PLAYWRIGHT_CORE_VERSION: string;
export declare const DEFAULT_SETTINGS: Readonly<Record<string, unknown>>;

export interface StateLayout {
  stateDir: string;
  configFile: string;
  userDataDir: string;
  extensionsDir: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  logFile: string;
}

export interface StartOptions {
  /** Folder to open (default: the repository root). */
  folder?: string;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** State folder (config, user data, extensions, XDG dirs). Default: a fresh temp folder, removed by stop(). */
  stateDir?: string;
  /** Keep a temporary state folder after stop() (for post-mortems). */
  keepState?: boolean;
  /** Extension package to install first (default: territory.vsix at the repo root; null: none). */
  vsix?: string | null;
  /** Extra user settings merged over DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /** How long to wait for /healthz (default 60 s). */
  timeoutMs?: number;
  /** Progress messages. */
  log?: (message: string) => void;
  /** code-server's stdout/stderr as it comes. */
  onOutput?: (chunk: string) => void;
}

export interface CodeServer {
  port: number;
  folder: string;
  stateDir: string;
  layout: StateLayout;
  /** http://127.0.0.1:PORT/?folder=/abs/path */
  url: string;
  process: ChildProcess;
  /** The last 20 kB of code-server's output. */
  output(): string;
  exited: Promise<unknown>;
  /** Ends code-server and its whole process group (extension hosts included). Idempotent. */
  stop(): Promise<void>;
}

export interface BrowserOptions {
  /** Chromium profile folder (default: a fresh temp folder, removed by close()). */
  profileDir?: string;
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  viewport?: { width: number; height: number };
  launchOptions?: Partial<LaunchOptions>;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  close(): Promise<void>;
}

export declare function codeServerInstalled(): boolean;
export declare function missingPrerequisites(options?: { vsix?: string | null; folder?: string }): string[];
export declare function getFreePort(): Promise<number>;
export declare function assertPortFree(port: number): Promise<void>;
export declare function workbenchUrl(port: number, folder: string): string;
export declare function prepareState(
  stateDir: string,
  options: { port: number; settings?: Record<string, unknown> },
): Promise<StateLayout>;
export declare function installExtension(layout: StateLayout, vsix: string): Promise<string>;
export declare function startCodeServer(options?: StartOptions): Promise<CodeServer>;
export declare function launchChromium(options?: BrowserOptions): Promise<Browser>;
