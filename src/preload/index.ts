/**
 * The whole preload: wait for the main process to send the tRPC port, then hand it to the page.
 * Nothing is exposed through contextBridge and the page never sees ipcRenderer.
 * The main process sends the port only to the app's own page (window-policy.ts isAppFrame), and
 * the message is addressed to the page's own origin (aurora-desk://app, or the dev server), so
 * no other document could receive it; the page also checks it came from this window.
 */
import { ipcRenderer } from 'electron';

ipcRenderer.once('aurora-desk:port', (event) => {
  window.postMessage('aurora-desk:port', window.location.origin, event.ports);
});
