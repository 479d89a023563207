/**
 * Secrets out of text and values before they reach a log, the audit log or the renderer: known
 * values (the database password, the bot token), URL and conninfo passwords, auth headers.
 */
const REDACTED = '[redacted]';
const SECRET_KEY = /token|password|passwd|secret|passphrase|authorization|api[-_]?key|cookie|credential/i;

/** Whether a field of this name holds a secret (its value is blanked wherever it is written down). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}
const MAX_DEPTH = 6;

/** Removes secrets from one string: known values, URL passwords, conninfo passwords, auth headers. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join(REDACTED);
  }
  return (
    out
      // postgres://user:password@host — greedy up to the last @ before the path, so an unencoded @ in the password is covered too.
      .replace(/\b(postgres(?:ql)?:\/\/[^:@/\s]*:)[^\s/]*@/gi, `$1${REDACTED}@`)
      // libpq conninfo: password=... or password='...'
      .replace(/\b(password|passwd|pwd)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;]+)/gi, `$1$2${REDACTED}`)
      .replace(/\b(Bot|Bearer)\s+[\w.~+/-]{16,}=*/g, `$1 ${REDACTED}`)
  );
}

/** A JSON-safe copy of a log field with secret keys blanked and every string redacted. */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const extra = Object.fromEntries(Object.entries(value));
    const cause = (value as { cause?: unknown }).cause;
    return redactValue({ name, message, stack, ...extra, ...(cause === undefined ? {} : { cause }) }, secrets, depth + 1, seen);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== null && item !== undefined && item !== '' ? REDACTED : redactValue(item, secrets, depth + 1, seen);
  }
  return out;
}
