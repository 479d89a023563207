/**
 * The rooms of ARCHITECTURE.md are enforced by the lint (eslint.config.js). These cases lint a
 * few lines as if they were a file in the tree, importing real files, and check that each rule
 * reports what it should and that the allowed imports stay quiet. A rule that is switched off
 * or stops resolving the aliases fails here, not silently in review.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const BOUNDARIES = 'boundaries/dependencies';
const CLIMB = 'no-restricted-imports';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: projectRoot });
});

/** Lints `code` as the file at `filePath` (relative to the project root). */
async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, filePath) });
  return result!.messages;
}

/** The relative import targets in `code`, resolved from `filePath`, so a case never tests a typo. */
function relativeTargets(filePath: string, code: string): string[] {
  const sources = [...code.matchAll(/(?:from|import) '(\.[^']+)'/g)].map((match) => match[1]!);
  return sources.map((source) => resolve(projectRoot, dirname(filePath), source).replace(/\.js$/, '.ts'));
}

interface Violation {
  /** What the case shows, in the words of the rule. */
  name: string;
  filePath: string;
  code: string;
  rule: typeof BOUNDARIES | typeof CLIMB;
  /** A piece of the message that names the forbidden target, proving the import was resolved. */
  names: string;
}

async function expectViolation({ filePath, code, rule, names }: Violation): Promise<void> {
  for (const target of relativeTargets(filePath, code)) expect(existsSync(target), target).toBe(true);
  const messages = await lint(filePath, code);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  const reported = messages.filter((message) => message.ruleId === rule);
  expect(reported, JSON.stringify(messages, null, 2)).toHaveLength(1);
  expect(reported[0]!.severity).toBe(2);
  expect(reported[0]!.message).toContain(names);
}

async function expectAllowed(filePath: string, code: string): Promise<void> {
  for (const target of relativeTargets(filePath, code)) expect(existsSync(target), target).toBe(true);
  expect(await lint(filePath, code)).toEqual([]);
}

describe('rule 1: the renderer imports renderer and shared code, and the router type in one file', () => {
  it.each<Violation>([
    {
      name: 'a value import of the router, even in lib/trpc.ts',
      filePath: 'src/renderer/src/lib/trpc.ts',
      code: `import { appRouter } from '@main/api/root';\nexport { appRouter };\n`,
      rule: BOUNDARIES,
      names: 'type "api"',
    },
    {
      name: 'an inline type specifier is still a value import of the module',
      filePath: 'src/renderer/src/lib/trpc.ts',
      code: `import { type AppRouter } from '@main/api/root';\nexport type { AppRouter };\n`,
      rule: BOUNDARIES,
      names: 'type "api"',
    },
    {
      name: 'the router type anywhere but lib/trpc.ts',
      filePath: 'src/renderer/src/features/quests/boundary-probe.ts',
      code: `import type { AppRouter } from '@main/api/root';\nexport type { AppRouter };\n`,
      rule: BOUNDARIES,
      names: 'type "api"',
    },
    {
      name: 'a type-only import of anything else in src/main',
      filePath: 'src/renderer/src/boundary-probe.ts',
      code: `import type { DeskServices } from '../../main/core/services.js';\nexport type { DeskServices };\n`,
      rule: BOUNDARIES,
      names: 'type "core"',
    },
    {
      name: 'the preload',
      filePath: 'src/renderer/src/boundary-probe.ts',
      code: `import '../../preload/index.js';\n`,
      rule: BOUNDARIES,
      names: 'type "preload"',
    },
  ])('fails on $name', expectViolation);

  it('allows the router type in lib/trpc.ts, shared code and its own files', async () => {
    await expectAllowed(
      'src/renderer/src/lib/trpc.ts',
      `import type { AppRouter } from '@main/api/root';\nimport type { DeskErrorData } from '@shared/errors';\n` +
        `import { formatAmount } from '@renderer/lib/format';\nimport { useState } from 'react';\n` +
        `export type { AppRouter, DeskErrorData };\nexport { formatAmount, useState };\n`,
    );
  });
});

describe('rule 2: a feature imports core, db, shared, api/trpc.ts and its own folder', () => {
  it.each<Violation>([
    {
      name: 'another feature',
      filePath: 'src/main/features/quests/boundary-probe.ts',
      code: `import { listItems } from '../items/list-items.js';\nexport { listItems };\n`,
      rule: BOUNDARIES,
      names: 'area="items"',
    },
    {
      name: 'another feature, type-only',
      filePath: 'src/main/features/quests/boundary-probe.ts',
      code: `import type { SpawnDeps } from '../lootdrops/spawn.js';\nexport type { SpawnDeps };\n`,
      rule: BOUNDARIES,
      names: 'area="lootdrops"',
    },
    {
      name: 'the authoring module, from a feature that does not author',
      filePath: 'src/main/features/lootdrops/boundary-probe.ts',
      code: `import { rowVersion } from '../authoring/revisions.js';\nexport { rowVersion };\n`,
      rule: BOUNDARIES,
      names: 'type "authoring"',
    },
    {
      name: 'opening a connection, which is the host\'s',
      filePath: 'src/main/features/settings/boundary-probe.ts',
      code: `import { openConnection } from '../../connection/connect.js';\nexport { openConnection };\n`,
      rule: BOUNDARIES,
      names: 'type "connection"',
    },
    {
      name: 'the live hub',
      filePath: 'src/main/features/settings/boundary-probe.ts',
      code: `import { createLiveHub } from '../../live/hub.js';\nexport { createLiveHub };\n`,
      rule: BOUNDARIES,
      names: 'type "live"',
    },
    {
      name: 'api/root.ts, which sits above every feature',
      filePath: 'src/main/features/quests/boundary-probe.ts',
      code: `import { appRouter } from '../../api/root.js';\nexport { appRouter };\n`,
      rule: BOUNDARIES,
      names: 'type "api"',
    },
    {
      name: 'the host',
      filePath: 'src/main/features/quests/boundary-probe.ts',
      code: `import type { DeskHost } from '../../host.js';\nexport type { DeskHost };\n`,
      rule: BOUNDARIES,
      names: 'category "host"',
    },
  ])('fails on $name', expectViolation);

  it('allows core, db, shared, the procedure kinds, its own folder and packages', async () => {
    await expectAllowed(
      'src/main/features/quests/boundary-probe.ts',
      `import { randomUUID } from 'node:crypto';\nimport { z } from 'zod';\n` +
        `import { ERRORS } from '../../core/errors.js';\nimport type { AuroraDatabase } from '../../core/database.js';\n` +
        `import { botTables } from '../../db/schema.js';\n` +
        `import { readProcedure, router } from '../../api/trpc.js';\nimport { listQuests } from './list-quests.js';\n` +
        `import { rowVersion } from '../authoring/revisions.js';\nimport type { DeskErrorData } from '@shared/errors.js';\n` +
        `export { randomUUID, z, ERRORS, botTables, readProcedure, router, listQuests, rowVersion };\nexport type { AuroraDatabase, DeskErrorData };\n`,
    );
  });
});

describe('rule 3: core and db stay below features, api, host, shell, harness, live, rpc and cli', () => {
  it.each<Violation>([
    {
      name: 'core importing a feature',
      filePath: 'src/main/core/boundary-probe.ts',
      code: `import type { SettingsView } from '../features/settings/verbs.js';\nexport type { SettingsView };\n`,
      rule: BOUNDARIES,
      names: 'area="settings"',
    },
    {
      name: 'core importing the live hub',
      filePath: 'src/main/core/boundary-probe.ts',
      code: `import type { LiveHub } from '../live/types.js';\nexport type { LiveHub };\n`,
      rule: BOUNDARIES,
      names: 'type "live"',
    },
    {
      name: 'core importing api',
      filePath: 'src/main/core/boundary-probe.ts',
      code: `import { router } from '../api/trpc.js';\nexport { router };\n`,
      rule: BOUNDARIES,
      names: 'type "api"',
    },
    {
      name: 'core importing the cli',
      filePath: 'src/main/core/boundary-probe.ts',
      code: `import '../cli.js';\n`,
      rule: BOUNDARIES,
      names: 'category "cli"',
    },
    {
      name: 'db importing a feature',
      filePath: 'src/main/db/boundary-probe.ts',
      code: `import { listItems } from '../features/items/list-items.js';\nexport { listItems };\n`,
      rule: BOUNDARIES,
      names: 'area="items"',
    },
    {
      name: 'db importing the web harness',
      filePath: 'src/main/db/seed/boundary-probe.ts',
      code: `import { TOKEN_HEADER } from '../../web/harness.js';\nexport { TOKEN_HEADER };\n`,
      rule: BOUNDARIES,
      names: 'type "web"',
    },
  ])('fails on $name', expectViolation);

  it('allows core and db to use each other and shared code', async () => {
    await expectAllowed(
      'src/main/core/boundary-probe.ts',
      `import { botTables } from '../db/schema.js';\nimport type { DeskErrorData } from '@shared/errors.js';\n` +
        `export { botTables };\nexport type { DeskErrorData };\n`,
    );
    await expectAllowed(
      'src/main/db/boundary-probe.ts',
      `import { ERRORS } from '../core/errors.js';\nexport { ERRORS };\n`,
    );
  });
});

describe('rule 4: src/shared imports only src/shared, and no Node built-ins', () => {
  it.each<Violation>([
    {
      name: 'src/main',
      filePath: 'src/shared/domain/boundary-probe.ts',
      code: `import { ERRORS } from '../../main/core/errors.js';\nexport { ERRORS };\n`,
      rule: BOUNDARIES,
      names: 'type "core"',
    },
    {
      name: 'src/renderer',
      filePath: 'src/shared/domain/boundary-probe.ts',
      code: `import { formatAmount } from '../../renderer/src/lib/format.js';\nexport { formatAmount };\n`,
      rule: BOUNDARIES,
      names: 'type "renderer"',
    },
    {
      name: 'a Node built-in',
      filePath: 'src/shared/boundary-probe.ts',
      code: `import { createHash } from 'node:crypto';\nexport { createHash };\n`,
      rule: BOUNDARIES,
      names: 'no Node built-ins',
    },
    {
      name: 'a Node built-in without the node: prefix',
      filePath: 'src/shared/boundary-probe.ts',
      code: `import { join } from 'path';\nexport { join };\n`,
      rule: BOUNDARIES,
      names: 'no Node built-ins',
    },
  ])('fails on $name', expectViolation);

  it('allows shared code and plain packages', async () => {
    await expectAllowed(
      'src/shared/domain/boundary-probe.ts',
      `import { z } from 'zod';\nimport type { DeskErrorData } from '../errors.js';\nimport { questTrigger } from './quests.js';\n` +
        `export { z, questTrigger };\nexport type { DeskErrorData };\n`,
    );
  });
});

describe('rule 5: only src/main/electron and src/preload import Electron', () => {
  it.each<Violation>(
    [
      'src/main/core/boundary-probe.ts',
      'src/main/host.ts',
      'src/main/web/boundary-probe.ts',
      'src/main/rpc/boundary-probe.ts',
      'src/main/features/settings/boundary-probe.ts',
      'src/renderer/src/boundary-probe.ts',
      'src/shared/boundary-probe.ts',
    ].map((filePath) => ({
      name: filePath,
      filePath,
      code: `import type { BrowserWindow } from 'electron';\nexport type { BrowserWindow };\n`,
      rule: BOUNDARIES,
      names: 'Electron',
    })),
  )('fails in $name', expectViolation);

  it('fails in the shell files the web harness imports', async () => {
    await expectViolation({
      name: 'window-policy.ts',
      filePath: 'src/main/electron/window-policy.ts',
      code: `import { shell } from 'electron';\nexport { shell };\n`,
      rule: BOUNDARIES,
      names: 'keep Electron out',
    });
  });

  it('allows the shell and the preload', async () => {
    const code = `import { app } from 'electron';\nexport { app };\n`;
    await expectAllowed('src/main/electron/boundary-probe.ts', code);
    await expectAllowed('src/preload/boundary-probe.ts', code);
  });
});

describe('rule 6: no relative import climbs three folders', () => {
  it('fails on ../../../', async () => {
    await expectViolation({
      name: 'three folders up',
      filePath: 'src/main/features/lootdrops/bursts/boundary-probe.ts',
      code: `import { ERRORS } from '../../../core/errors.js';\nexport { ERRORS };\n`,
      rule: CLIMB,
      names: 'Climbs three or more folders',
    });
  });

  it('allows two', async () => {
    await expectAllowed(
      'src/main/features/lootdrops/boundary-probe.ts',
      `import { ERRORS } from '../../core/errors.js';\nexport { ERRORS };\n`,
    );
  });
});

describe('the other rooms', () => {
  it.each<Violation>([
    {
      name: 'api/trpc.ts importing a feature',
      filePath: 'src/main/api/trpc.ts',
      code: `import { questsRouter } from '../features/quests/router.js';\nexport { questsRouter };\n`,
      rule: BOUNDARIES,
      names: 'area="quests"',
    },
    {
      name: 'api/root.ts importing a feature past its router',
      filePath: 'src/main/api/root.ts',
      code: `import { listItems } from '../features/items/list-items.js';\nexport { listItems };\n`,
      rule: BOUNDARIES,
      names: 'area="items"',
    },
    {
      name: 'the host importing the web harness',
      filePath: 'src/main/host.ts',
      code: `import { TOKEN_HEADER } from './web/harness.js';\nexport { TOKEN_HEADER };\n`,
      rule: BOUNDARIES,
      names: 'type "web"',
    },
    {
      name: 'the host importing the shell',
      filePath: 'src/main/host.ts',
      code: `import { rendererUrl } from './electron/window.js';\nexport { rendererUrl };\n`,
      rule: BOUNDARIES,
      names: 'type "electron"',
    },
    {
      name: 'the shell importing the web harness',
      filePath: 'src/main/electron/boundary-probe.ts',
      code: `import { TOKEN_HEADER } from '../web/harness.js';\nexport { TOKEN_HEADER };\n`,
      rule: BOUNDARIES,
      names: 'type "web"',
    },
    {
      name: 'the web harness importing the shell past its policy modules',
      filePath: 'src/main/web/boundary-probe.ts',
      code: `import { rendererUrl } from '../electron/window.js';\nexport { rendererUrl };\n`,
      rule: BOUNDARIES,
      names: 'type "electron"',
    },
    {
      name: 'the live hub importing a feature',
      filePath: 'src/main/live/boundary-probe.ts',
      code: `import { listItems } from '../features/items/list-items.js';\nexport { listItems };\n`,
      rule: BOUNDARIES,
      names: 'area="items"',
    },
    {
      name: 'the transport importing the router',
      filePath: 'src/main/rpc/boundary-probe.ts',
      code: `import { appRouter } from '../api/root.js';\nexport { appRouter };\n`,
      rule: BOUNDARIES,
      names: 'type "api"',
    },
    {
      name: 'an import the resolver cannot follow',
      filePath: 'src/main/core/boundary-probe.ts',
      code: `import { appRouter } from '@main/api/router';\nexport { appRouter };\n`,
      rule: BOUNDARIES,
      names: 'origin "local"',
    },
  ])('fails on $name', expectViolation);

  it('allows the entries to wire everything together', async () => {
    await expectAllowed(
      'src/main/api/root.ts',
      `import { itemsRouter } from '../features/items/router.js';\nimport { router } from './trpc.js';\n` +
        `export { itemsRouter, router };\n`,
    );
    await expectAllowed(
      'src/main/web/boundary-probe.ts',
      `import { decideNavigation } from '../electron/window-policy.js';\nimport type { DeskHost } from '../host.js';\n` +
        `import { appRouter } from '../api/root.js';\nexport { decideNavigation, appRouter };\nexport type { DeskHost };\n`,
    );
    await expectAllowed(
      'src/main/electron/boundary-probe.ts',
      `import type { DeskHost } from '../host.js';\nimport { appRouter } from '../api/root.js';\n` +
        `export { appRouter };\nexport type { DeskHost };\n`,
    );
    await expectAllowed(
      'src/main/host.ts',
      `import { openConnection } from './connection/connect.js';\nimport { startLootdropHousekeeping } from './features/lootdrops/housekeeping.js';\n` +
        `export { openConnection, startLootdropHousekeeping };\n`,
    );
    await expectAllowed(
      'src/main/connection/boundary-probe.ts',
      `import { createLiveHub } from '../live/hub.js';\nimport { migrateDesk } from '../db/migrate.js';\n` +
        `export { createLiveHub, migrateDesk };\n`,
    );
  });

  it('fails on a file outside every room', async () => {
    const messages = await lint('src/main/boundary-probe/index.ts', `export const probe = 1;\n`);
    expect(messages.map((message) => message.ruleId)).toEqual(['boundaries/no-unknown-files']);
  });
});
