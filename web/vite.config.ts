// Builds the web application into dist/web, which the Cordon server serves at `/`.
// `npm run dev:web` serves it with hot reload and sends /api to a server on :8080.
// The build also writes the app's manifest and a Workbox service worker (sw.js): the whole
// application, its four languages and the bundled map are kept on the device at the first visit,
// so it installs as an app and opens at a border post with no network (web/src/device/).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    VitePWA({
      // Registered by web/src/device/app.ts once the first screen is up.
      injectRegister: false,
      // A new version waits until every window of the app is closed and starts with the next
      // opening: never in the middle of typing.
      registerType: 'prompt',
      includeAssets: ['icon.svg'],
      manifest: {
        id: '/',
        name: 'Cordon',
        short_name: 'Cordon',
        description: 'Operations against human trafficking and scam centres',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f3f5f8',
        theme_color: '#16202c',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
        // Every screen opens from the device: the router takes over from the cached index.html.
        navigateFallback: '/index.html',
        // The API and its documentation are never answered from the device's copy.
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        // The map's data makes the largest chunk.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled at once, so it works offline without a reload.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  build: {
    outDir: resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
