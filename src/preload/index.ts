/**
 * The whole preload: wait for the main process to send the tRPC port, then hand it to the page.
 * Nothing is exposed through contextBridge and the page never sees ipcRenderer.
 * Targets '*' because a file:// page's origin is opaque; the message goes to this same window.
 */
import { ipcRenderer } from 'electron';

ipcRenderer.once('aurora-desk:port', (event) => {
  window.postMessage('aurora-desk:port', '*', event.ports);
});
