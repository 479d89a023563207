/**
 * electron-updater, carried out as update-policy.ts decides: an installed build checks on start
 * and every few hours, downloads in the background and offers "Restart to update" in the menu;
 * development builds, tests and CI never check. The feed is the `publish` provider in
 * electron-builder.yml (written into the installed app as app-update.yml).
 */
import electronUpdater from 'electron-updater';
import type { Logger } from '../core/log.js';
import type { DesktopShell } from '../desktop/shell.js';
import { idleOffer, updateOffer, updateSchedule, type UpdateOffer, type UpdaterEvent } from '../desktop/update-policy.js';

export interface Updates {
  menuChosen(restart: boolean): void;
  stop(): void;
}

export function startUpdates(options: { packaged: boolean; log: Logger; shell: Pick<DesktopShell, 'offerUpdate'> }): Updates {
  const schedule = updateSchedule({ packaged: options.packaged, env: process.env });
  if (!schedule.check) {
    options.log.info('updates: not checking', { reason: schedule.reason });
    return { menuChosen: () => {}, stop: () => {} };
  }
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  let offer: UpdateOffer = idleOffer;
  const apply = (event: UpdaterEvent) => {
    offer = updateOffer(event, offer);
    options.shell.offerUpdate(offer);
    if (event.type === 'error') options.log.warn('updates: check failed', { error: event.message });
  };
  autoUpdater.on('checking-for-update', () => apply({ type: 'checking' }));
  autoUpdater.on('update-available', (info) => apply({ type: 'available', version: info.version }));
  autoUpdater.on('update-not-available', () => apply({ type: 'not-available' }));
  autoUpdater.on('update-downloaded', (info) => apply({ type: 'downloaded', version: info.version }));
  autoUpdater.on('error', (error) => apply({ type: 'error', message: String(error) }));
  options.shell.offerUpdate(offer);
  const check = () => void autoUpdater.checkForUpdates().catch((error: unknown) => apply({ type: 'error', message: String(error) }));
  const first = setTimeout(check, schedule.firstAfterMs);
  const every = setInterval(check, schedule.everyMs);
  return {
    menuChosen(restart) {
      if (restart) autoUpdater.quitAndInstall();
      else check();
    },
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
