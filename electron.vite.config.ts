import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { RollupLog } from 'rollup';

/** zod ships comments Rollup cannot place; they are harmless and would drown real warnings. */
function onwarn(warning: RollupLog, warn: (warning: RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION') return;
  warn(warning);
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // quickselect is published as an ES module only; bundled, the CommonJS workers need not require it.
      externalizeDeps: { exclude: ['quickselect'] },
      rollupOptions: {
        onwarn,
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The engine runs in a worker thread and the web host runs without Electron: both
          // are separate entry files next to the shell's.
          engineWorker: resolve(__dirname, 'electron/engine/worker.ts'),
          webServer: resolve(__dirname, 'electron/web/server.ts'),
          // The whole-file scan reads segments of a file in worker threads of the engine worker.
          fileScanWorker: resolve(__dirname, 'electron/engine/source/fileScan/scanWorker.ts'),
          kafkaProducerWorker: resolve(__dirname, 'electron/engine/bus/kafka/producerWorker.ts'),
          sqlWorker: resolve(__dirname, 'electron/engine/sql/sqlWorker.ts'),
          predictWorker: resolve(__dirname, 'electron/engine/predict/predictWorker.ts'),
          graphWorker: resolve(__dirname, 'electron/engine/graph/graphWorker.ts'),
          analysisWorker: resolve(__dirname, 'electron/engine/analysis/analysisWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle everything it imports.
      externalizeDeps: false,
      rollupOptions: {
        onwarn,
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves every bundle unminified; the page's is the one users wait for at start-up.
      minify: 'esbuild',
      rollupOptions: { onwarn, input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
