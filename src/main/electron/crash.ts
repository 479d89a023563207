/**
 * What the main process does with an error nobody caught. Electron's default shows the raw
 * stack in a dialog and prints it on stderr; a pg error's message can carry the connection
 * string, so here the error goes to the (redacting) log, and stderr and the dialog get a
 * redacted one-liner. No Electron import: index.ts passes its dialog in, tests a stub.
 */
import type { Logger } from '../core/log.js';
import { redactText } from '../core/redact.js';

export interface CrashOutputs {
  log: Logger;
  /** The values that must never be shown (database password, Discord token), read at each crash. */
  secrets: () => readonly string[];
  /** Where a human sees it: stderr by default. */
  write?: (line: string) => void;
  /** Electron's error box in the app; nothing in tests. */
  showError?: (title: string, message: string) => void;
}

function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack };
  return { message: String(error) };
}

/** Reports one uncaught error on every channel, each redacted. */
export function reportCrash(kind: 'uncaughtException' | 'unhandledRejection', error: unknown, outputs: CrashOutputs): void {
  let secrets: readonly string[] = [];
  try {
    secrets = outputs.secrets().filter((s) => typeof s === 'string' && s.length > 0);
  } catch {
    // A broken settings store must not stop the report; the pattern redactions still apply.
  }
  const { message, stack } = describe(error);
  const safeMessage = redactText(message, secrets);
  outputs.log.error(`${kind} in the main process`, { error: safeMessage, stack: stack ? redactText(stack, secrets) : undefined });
  (outputs.write ?? ((line: string) => process.stderr.write(line)))(`[aurora-desk] ${kind}: ${safeMessage}\n`);
  if (kind === 'uncaughtException') outputs.showError?.('Aurora Desk hit an unexpected error', `${safeMessage}\n\nThe details are in the log.`);
}

/** Installs the handlers on `target` (the process); returns a function that removes them. */
export function installCrashHandlers(outputs: CrashOutputs, target: NodeJS.EventEmitter = process): () => void {
  const onException = (error: unknown) => reportCrash('uncaughtException', error, outputs);
  const onRejection = (reason: unknown) => reportCrash('unhandledRejection', reason, outputs);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
