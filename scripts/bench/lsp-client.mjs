// A plain JSON-RPC client for the language server over stdio (LSP base protocol framing),
// with no dependency: what any editor sees. Used by scripts/bench/run.mjs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export class LspClient {
    /** Spawns `node server.cjs --stdio`; `settings` answers workspace/configuration for 'territory'. */
    constructor(serverPath, settings = {}) {
        this.settings = settings;
        this.nextId = 1;
        this.pending = new Map();
        this.listeners = new Set();
        this.buffer = Buffer.alloc(0);
        this.closed = false;
        this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.stderr = '';
        this.process.stderr.on('data', chunk => { this.stderr = (this.stderr + chunk).slice(-4000); });
        this.process.stdout.on('data', chunk => this.onData(chunk));
        this.process.stdin.on('error', () => { /* server gone */ });
        this.exited = new Promise(resolve => this.process.on('exit', code => {
            this.closed = true;
            for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code}): ${this.stderr.slice(-500)}`));
            this.pending.clear();
            resolve(code);
        }));
    }

    get pid() { return this.process.pid; }

    onData(chunk) {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const header = this.buffer.subarray(0, headerEnd).toString('ascii');
            const match = /Content-Length: *(\d+)/i.exec(header);
            if (!match) throw new Error(`bad header: ${header}`);
            const length = Number(match[1]);
            if (this.buffer.length < headerEnd + 4 + length) return;
            const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            this.onMessage(JSON.parse(body));
        }
    }

    onMessage(message) {
        const now = performance.now();
        if (message.id !== undefined && message.method === undefined) {
            const waiter = this.pending.get(message.id);
            if (!waiter) return;
            this.pending.delete(message.id);
            if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
            else waiter.resolve(message.result);
        } else if (message.id !== undefined) {
            this.write({ jsonrpc: '2.0', id: message.id, result: this.answer(message) });
        } else {
            for (const listener of this.listeners) listener(message, now);
        }
    }

    /** Requests from the server: configuration, progress creation, refreshes. */
    answer(message) {
        if (message.method === 'workspace/configuration') return message.params.items.map(item => (item.section === 'territory' ? this.settings : null));
        return null;
    }

    write(message) {
        if (this.closed) return;
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.process.stdin.write(body);
    }

    request(method, params, timeoutMs = 120_000) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
            }, timeoutMs);
            this.pending.set(id, {
                method,
                resolve: value => { clearTimeout(timer); resolve(value); },
                reject: error => { clearTimeout(timer); reject(error); }
            });
            this.write({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method, params) { this.write({ jsonrpc: '2.0', method, params }); }

    /** Calls `listener(message, receivedAt)` for every notification; returns an unsubscribe function. */
    on(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** Resolves with the first notification for which `predicate(message, at)` returns a value other than undefined. */
    waitFor(predicate, timeoutMs, what) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => { off(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
            const off = this.on((message, at) => {
                const value = predicate(message, at);
                if (value !== undefined) { clearTimeout(timer); off(); resolve(value); }
            });
        });
    }

    /** Peak resident set size of the server process (VmHWM), in MB; undefined when /proc is absent. */
    peakRssMb() {
        try {
            const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
            const match = /VmHWM:\s*(\d+) kB/.exec(status);
            return match ? Number(match[1]) / 1024 : undefined;
        } catch {
            return undefined;
        }
    }

    /** shutdown + exit, then a kill if the server is still there after 3 s. */
    async close() {
        if (this.closed) return;
        try { await this.request('shutdown', null, 5000); } catch { /* gone or stuck */ }
        this.notify('exit');
        const timer = setTimeout(() => { if (!this.closed) this.process.kill('SIGKILL'); }, 3000);
        await this.exited;
        clearTimeout(timer);
    }
}
