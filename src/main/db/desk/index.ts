import { schemaVersion } from './0001_schema_version.js';
import { auditLog } from './0002_audit_log.js';
import type { DeskMigration } from './types.js';

export type { DeskMigration } from './types.js';

/** Every `aurora_desk` migration, in order. Append new ones; never edit an applied one. */
export const deskMigrations: readonly DeskMigration[] = [schemaVersion, auditLog];
