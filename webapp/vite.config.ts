// Vite build of Parley's web client: root.html + the main bundle and the emoji table's chunk,
// served by the server under /static/. Each JS/CSS asset also gets a gzip sibling (name.gz), which
// the server sends to clients that accept gzip.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vitest/config';

// virtual:emoji-table: emoji-datasource's emoji (the names Mattermost and Parley's server accept)
// as [character, ...short names] in the picker's order; only these fields reach the bundle.
function emojiTable(): Plugin {
  const id = 'virtual:emoji-table';
  return {
    name: 'parley-emoji-table',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const data: { unified: string; short_names: string[]; sort_order: number }[] =
        JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'node_modules/emoji-datasource/emoji.json'), 'utf8'));
      const rows = data.sort((a, b) => a.sort_order - b.sort_order)
        .map((e) => [String.fromCodePoint(...e.unified.split('-').map((h) => parseInt(h, 16))), ...e.short_names]);
      return `export default ${JSON.stringify(rows)};`;
    },
  };
}

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
  plugins: [emojiTable(), precompress()],
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
