// Vite build of Parley's web client: root.html + one bundle, served by the server under /static/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/static/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rollupOptions: { input: 'root.html' },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'jsdom',
  },
});
