import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The explorer's bundle: `npm run build:web` writes dist/web, which `careergraph serve` serves at `/`.
// `base: './'` keeps asset URLs relative to the page's <base href>, which the server sets to where the
// app is mounted, so the explorer also works under a prefix (`app.use('/careergraph', …)`).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // cytoscape is loaded on demand (person pages) in its own chunk, ~430 kB minified.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev:web` next to `careergraph serve` on :4000: live reload of web/ while the API answers.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
