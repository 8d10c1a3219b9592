import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

// Vite needs the default export.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The libraries in one chunk (ECharts, which only the figures pages load, in its own):
        // left to itself the bundler cut antd into ~70 chunks of a few KB that every page's entry
        // graph named, and a first load fetched and compiled them one by one. One vendor chunk of
        // 1.7 MB (420 KB brotli, cached for a year) drew the public guide 15-30% sooner in paired
        // runs (bench:web, docs/web-delivery.md), though it also holds the few antd parts only
        // staff screens use.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/verify': api,
      '/files': api,
    },
  },
});
