// Vite build of Parley's web client: root.html + one bundle, served by the server under /static/.
// Each JS/CSS asset also gets a gzip sibling (name.gz), which the server sends to clients that
// accept gzip.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vitest/config';

function precompress(): Plugin {
  return {
    name: 'parley-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = path.join(options.dir ?? 'dist', 'assets');
      for (const f of readdirSync(dir)) {
        if (!/\.(js|css)$/.test(f)) continue;
        const file = path.join(dir, f);
        writeFileSync(`${file}.gz`, zlib.gzipSync(readFileSync(file), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  base: '/static/',
  plugins: [precompress()],
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
