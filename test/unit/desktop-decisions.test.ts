import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AREA_IDS } from '../../src/renderer/src/lib/areas.js';
import { DESK_SCREENS, GLOBAL_KEYS } from '../../src/shared/desk-keys.js';
import type { LiveEvent } from '../../src/shared/live.js';
import { deskMenu, toAccelerator, toKeyEvent } from '../../src/main/desktop/menu.js';
import { badgeText, initialNewCases, reduceNewCases, type NewCasesState } from '../../src/main/desktop/new-cases.js';
import { saveDialogFor } from '../../src/main/desktop/save-dialogs.js';
import { idleOffer, updateOffer, updateSchedule, UPDATE_CHECK_INTERVAL_MS } from '../../src/main/desktop/update-policy.js';
import { MIN_WINDOW, restoreWindow } from '../../src/main/desktop/window-bounds.js';
import { lastScreenFromUrl, parseWindowState, WindowStateFile } from '../../src/main/desktop/window-state.js';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('restoreWindow', () => {
  it('puts a window back where it was when that is on a display', () => {
    expect(restoreWindow({ bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true }, [laptop, rightMonitor])).toEqual({
      bounds: { x: 1600, y: 100, width: 1200, height: 800 },
      maximized: true,
    });
  });

  it('moves a window whose display is gone onto the first display, keeping its size where it fits', () => {
    const restored = restoreWindow({ bounds: { x: 1600, y: 100, width: 1200, height: 800 } }, [laptop]);
    expect(restored.bounds).toEqual({ x: 120, y: 38, width: 1200, height: 800 });
    expect(restored.maximized).toBe(false);
  });

  it('treats a title bar above the top edge or a sliver on screen as unreachable', () => {
    expect(restoreWindow({ bounds: { x: 100, y: -500, width: 1200, height: 800 } }, [laptop]).bounds.y).toBeGreaterThanOrEqual(0);
    expect(restoreWindow({ bounds: { x: 1400, y: 100, width: 1200, height: 800 } }, [laptop]).bounds.x).toBe(120);
  });

  it('never restores below the minimum size, and centres a first window at the default size', () => {
    expect(restoreWindow({ bounds: { x: 10, y: 10, width: 20, height: 20 } }, [laptop]).bounds).toMatchObject({ width: MIN_WINDOW.width, height: MIN_WINDOW.height });
    expect(restoreWindow(undefined, [rightMonitor])).toEqual({ bounds: { x: 1440 + 560, y: 250, width: 1440, height: 900 }, maximized: false });
    expect(restoreWindow(undefined, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('survives nonsense in the saved bounds', () => {
    expect(restoreWindow({ bounds: { x: Number.NaN, y: 0, width: 1000, height: 700 } }, [laptop]).bounds.x).toBe(0);
  });
});

describe('the window state file', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('remembers bounds and the last screen across runs and drops what does not validate', () => {
    dir = mkdtempSync(join(tmpdir(), 'aurora-window-state-'));
    const path = join(dir, 'window-state.json');
    const first = new WindowStateFile(path);
    expect(first.get()).toEqual({});
    first.update((s) => ({ ...s, main: { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false }, lastScreen: '#/quests/7' }));
    first.update((s) => ({ ...s, popOuts: { 'case:42': { bounds: { x: 5, y: 6, width: 960, height: 760 } } } }));
    expect(new WindowStateFile(path).get()).toEqual(first.get());

    writeFileSync(path, JSON.stringify({ main: { bounds: { x: 'a' } }, lastScreen: '#/moderation/recent?case=1&window=pop-out', popOuts: { board: { bounds: { x: 0, y: 0, width: 960, height: 600 } } } }));
    expect(new WindowStateFile(path).get()).toEqual({ popOuts: { board: { bounds: { x: 0, y: 0, width: 960, height: 600 } } } });
    writeFileSync(path, '{ not json');
    expect(new WindowStateFile(path).get()).toEqual({});
  });

  it('takes the last screen from a window URL, never a pop-out or a foreign route', () => {
    expect(lastScreenFromUrl('aurora-desk://app/index.html#/players?player=1100000000000000123&tab=inventory')).toBe('#/players?player=1100000000000000123&tab=inventory');
    expect(lastScreenFromUrl('aurora-desk://app/index.html')).toBeUndefined();
    expect(lastScreenFromUrl('aurora-desk://app/index.html#/lootdrops?window=pop-out')).toBeUndefined();
    expect(lastScreenFromUrl('aurora-desk://app/index.html#/x"><script>')).toBeUndefined();
    expect(parseWindowState(null)).toEqual({});
  });
});

const inserted = (id: string): LiveEvent => ({ kind: 'change', table: 'moderation_cases', op: 'INSERT', key: { id } });

describe('the new-case badge', () => {
  it('counts each inserted case once and offers a notice that opens it', () => {
    let state: NewCasesState = initialNewCases;
    const first = reduceNewCases(state, { type: 'live', event: inserted('41') });
    expect(first.state.count).toBe(1);
    expect(first.notice).toEqual({ title: 'New moderation case', body: 'Case #41 is waiting in the queue.', opens: { kind: 'case', id: '41' } });
    state = first.state;
    expect(reduceNewCases(state, { type: 'live', event: inserted('41') })).toEqual({ state });
    const second = reduceNewCases(state, { type: 'live', event: inserted('42') });
    expect(second.state.count).toBe(2);
    expect(second.notice?.title).toBe('2 new moderation cases');
  });

  it('ignores updates, deletes, other tables, key-less polling changes, resyncs and statuses', () => {
    const ignored: LiveEvent[] = [
      { kind: 'change', table: 'moderation_cases', op: 'UPDATE', key: { id: '1' } },
      { kind: 'change', table: 'moderation_cases', op: 'DELETE', key: { id: '1' } },
      { kind: 'change', table: 'lootdrops', op: 'INSERT', key: { message_id: '1' } },
      { kind: 'change', table: 'moderation_cases', op: 'UPDATE', key: {} },
      { kind: 'change', table: 'moderation_cases', op: 'INSERT', key: {} },
      { kind: 'resync', reason: 'reconnected' },
      { kind: 'status', status: { mode: 'live', since: new Date(0) } },
    ];
    for (const event of ignored) expect(reduceNewCases(initialNewCases, { type: 'live', event })).toEqual({ state: initialNewCases });
  });

  it('clears when staff look at the desk, and still knows the cases it counted', () => {
    const counted = reduceNewCases(initialNewCases, { type: 'live', event: inserted('7') }).state;
    const seen = reduceNewCases(counted, { type: 'seen' }).state;
    expect(seen.count).toBe(0);
    expect(reduceNewCases(seen, { type: 'live', event: inserted('7') }).state.count).toBe(0);
    expect([badgeText(0), badgeText(5), badgeText(100)]).toEqual(['', '5', '99+']);
  });
});

describe('the update policy', () => {
  it('checks only in an installed build outside tests and CI', () => {
    expect(updateSchedule({ packaged: false, env: {} })).toMatchObject({ check: false });
    expect(updateSchedule({ packaged: true, env: { CI: 'true' } })).toMatchObject({ check: false });
    expect(updateSchedule({ packaged: true, env: { NODE_ENV: 'test' } })).toMatchObject({ check: false });
    expect(updateSchedule({ packaged: true, env: { AURORA_DESK_E2E: '1' } })).toMatchObject({ check: false });
    expect(updateSchedule({ packaged: true, env: { AURORA_DESK_NO_UPDATES: '1' } })).toMatchObject({ check: false, reason: expect.stringMatching(/switched off/) });
    const schedule = updateSchedule({ packaged: true, env: {} });
    expect(schedule).toMatchObject({ check: true, everyMs: UPDATE_CHECK_INTERVAL_MS });
    expect(UPDATE_CHECK_INTERVAL_MS).toBeGreaterThanOrEqual(60 * 60 * 1000);
  });

  it('offers "Restart to update" once downloaded, and keeps offering it through later checks', () => {
    const downloading = updateOffer({ type: 'available', version: '1.2.0' });
    expect(downloading).toEqual({ menuLabel: 'Downloading 1.2.0…', restarts: false });
    const ready = updateOffer({ type: 'downloaded', version: '1.2.0' }, downloading);
    expect(ready).toMatchObject({ menuLabel: 'Restart to update to 1.2.0', restarts: true, notice: { title: 'Update ready' } });
    const later = updateOffer({ type: 'checking' }, ready);
    expect(later).toMatchObject({ menuLabel: 'Restart to update to 1.2.0', restarts: true });
    expect(later.notice).toBeUndefined();
    expect(updateOffer({ type: 'error', message: 'offline' }, downloading)).toEqual(idleOffer);
  });
});

describe('the application menu', () => {
  it('offers every screen with the renderer key, in sidebar order', () => {
    const go = deskMenu('linux').sections.find((s) => s.label === 'Go')!;
    const keys = go.entries.flatMap((e) => (e.kind === 'key' ? [e.action] : []));
    expect(keys.slice(0, DESK_SCREENS.length).map((a) => [a.label, a.accelerator])).toEqual(DESK_SCREENS.map((s, i) => [s.label, `Alt+${i + 1}`]));
    expect(keys.at(-1)).toEqual({ label: 'Command palette…', key: GLOBAL_KEYS.palette, accelerator: 'CmdOrCtrl+K' });
  });

  it('lists the same screens, in the same order, as the renderer binds Alt+N to', () => {
    expect(DESK_SCREENS.map((s) => s.id)).toEqual([...AREA_IDS]);
  });

  it('puts Quit in the app menu on macOS and in File elsewhere', () => {
    expect(deskMenu('darwin').sections[0]!.label).toBe('Aurora Desk');
    expect(deskMenu('win32').sections[0]!.label).toBe('File');
    expect(deskMenu('win32').sections[0]!.entries).toContainEqual({ kind: 'role', role: 'quit' });
  });

  it('spells keys as Electron accelerators and key events', () => {
    expect(toAccelerator('shift+?')).toBe('Shift+?');
    expect(toAccelerator('alt+t')).toBe('Alt+T');
    expect(toKeyEvent('mod+k', 'darwin')).toEqual({ keyCode: 'k', modifiers: ['meta'] });
    expect(toKeyEvent('mod+k', 'linux')).toEqual({ keyCode: 'k', modifiers: ['control'] });
    expect(toKeyEvent('alt+3', 'win32')).toEqual({ keyCode: '3', modifiers: ['alt'] });
  });
});

describe('save dialogs for downloads', () => {
  it('names the kind of file and keeps only a plain file name', () => {
    expect(saveDialogFor('aurora-cases-active-2026-01-02.csv')).toEqual({
      title: 'Export as CSV',
      defaultName: 'aurora-cases-active-2026-01-02.csv',
      filters: [{ name: 'CSV table', extensions: ['csv'] }, { name: 'All files', extensions: ['*'] }],
    });
    expect(saveDialogFor('aurora-quests-2026-01-02.json').title).toBe('Export quest pack');
    expect(saveDialogFor('../../etc/passwd').defaultName).toBe('passwd');
    expect(saveDialogFor('a\u0000b\nc.txt')).toMatchObject({ title: 'Save', defaultName: 'abc.txt' });
    expect(saveDialogFor('').defaultName).toBe('download');
  });
});
