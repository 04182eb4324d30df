// The service worker (sw.js, written by the build: web/vite.config.ts) keeps the application on
// the device, so it opens with no network and installs as an app. A new version is fetched in the
// background and starts with the next opening of the app, never under the officer's fingers.
export function registerServiceWorker(): void {
  // Not in `npm run dev:web` (no sw.js there), nor where browsers refuse workers (plain http
  // other than localhost): the app then works as before, online only.
  if (import.meta.env.MODE !== 'production' || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
