import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// base './' + hash routing: one build works under any sub-path of any static server,
// with no rewrite rules (see docs/deployment.md).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
  },
});
