/**
 * What the desk remembers between runs: each window's bounds (the main window, and pop-outs by
 * the place they show) and the main window's last screen. One small JSON file in the user
 * data folder; a missing or unreadable file is an empty memory, never an error.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SavedWindow } from './window-bounds.js';

const boundsSchema = z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() });
const savedWindowSchema = z.object({ bounds: boundsSchema, maximized: z.boolean().optional() });

/** A route worth restoring: a hash route of the app, no pop-out marker, bounded. */
const lastScreenSchema = z
  .string()
  .max(300)
  .regex(/^#\/[\w/?=&%.-]*$/)
  .refine((hash) => !/[?&]window=/.test(hash));

const stateSchema = z.object({
  main: savedWindowSchema.optional(),
  popOuts: z.record(z.string().max(40), savedWindowSchema).optional(),
  lastScreen: lastScreenSchema.optional(),
});

export type WindowState = z.infer<typeof stateSchema>;

/** The state a file holds, dropping what does not validate (field by field). */
export function parseWindowState(raw: unknown): WindowState {
  if (typeof raw !== 'object' || raw === null) return {};
  const record = raw as Record<string, unknown>;
  const state: WindowState = {};
  const main = savedWindowSchema.safeParse(record.main);
  if (main.success) state.main = main.data;
  const screen = lastScreenSchema.safeParse(record.lastScreen);
  if (screen.success) state.lastScreen = screen.data;
  if (typeof record.popOuts === 'object' && record.popOuts !== null) {
    const popOuts: Record<string, SavedWindow> = {};
    for (const [key, value] of Object.entries(record.popOuts).slice(0, 50)) {
      const parsed = savedWindowSchema.safeParse(value);
      if (parsed.success && key.length <= 40) popOuts[key] = parsed.data;
    }
    state.popOuts = popOuts;
  }
  return stateSchema.parse(state);
}

/** The last screen to remember from a window's URL (its hash), or undefined when it is not one. */
export function lastScreenFromUrl(url: string): string | undefined {
  const hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
  const parsed = lastScreenSchema.safeParse(hash);
  return parsed.success ? parsed.data : undefined;
}

export class WindowStateFile {
  private state: WindowState;

  constructor(private readonly path: string) {
    this.state = WindowStateFile.read(path);
  }

  private static read(path: string): WindowState {
    try {
      return parseWindowState(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return {};
    }
  }

  get(): WindowState {
    return this.state;
  }

  update(change: (state: WindowState) => WindowState): void {
    this.state = parseWindowState(change(structuredClone(this.state)));
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state, null, 2));
    renameSync(temp, this.path);
  }
}
