import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{hub,central,shared,station,test}/**/*.test.ts'],
    // Integration tests start real hubs and child processes; two cores do not like many at once.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
