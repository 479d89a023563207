/**
 * The desk's settings as the services carry them: the store, and the things only the host can
 * do because it owns the connection (test a profile, switch to one, say what is open).
 */
import type { SchemaReport } from '@shared/domain/schema-check.js';
import type { ProfileTestResult, SwitchProfileResult, TestProfileInput } from '@shared/domain/settings.js';
import type { SettingsStore } from './store.js';

export interface SettingsAccess {
  readonly store: SettingsStore;
  /**
   * An installed app (not development, the web harness or a test): where a bot token may be
   * sent is then fixed to Discord unless staff switch on a custom API address.
   */
  readonly packaged: boolean;
  /** Connects on the side, checks the schema, disconnects. Never throws for a bad connection. */
  testProfile(input: TestProfileInput): Promise<ProfileTestResult>;
  /** Opens the profile's database, then replaces the current one. On failure keeps the old one. */
  switchProfile(id: string): Promise<SwitchProfileResult>;
  /** The label of AURORA_DATABASE_URL when it overrides the profiles for this session. */
  overrideLabel(): string | null;
  /** The schema report of the open database (null while none is open). */
  schemaReport(): SchemaReport | null;
}
