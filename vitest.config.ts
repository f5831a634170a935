import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        setupFiles: ['packages/language/src/polyfill.cjs'],
        testTimeout: 20_000,
        hookTimeout: 120_000,
        // Real-client suites start editors and servers: one file at a time keeps 2 cores usable.
        fileParallelism: true,
        maxWorkers: 2
    }
});
