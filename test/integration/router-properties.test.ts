/**
 * Properties of the whole router, through the real transport: every query and mutation of
 * `appRouter` (read off its definition, so a procedure added later is covered without editing
 * this file) is called over a MessagePort with the renderer's own link and superjson, with
 * inputs drawn from its own schema (plausible values from a small seeded world, some of them
 * accepted) and from everything hostile: wrong types, huge and NUL strings, out-of-range and
 * negative bigints, extra keys, deep and wide objects, shared references (superjson's
 * referential equalities), prototype keys. Whatever comes:
 *
 *  - the answer is never INTERNAL_SERVER_ERROR;
 *  - a refused call changes no table (fingerprints of every table of the bot and of
 *    aurora_desk, the audit log aside, before and after);
 *  - an accepted write leaves exactly one audit row;
 *  - the process answers the next call.
 *
 * Runs on PGlite and PostgreSQL, on the small seeded world and on one holding NULL in every
 * column the bot's schema leaves open, with a fixed seed per procedure so a failure replays.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { AnyTRPCProcedure } from '@trpc/server';
import { createTRPCClient, TRPCClientError, type TRPCClient } from '@trpc/client';
import fc from 'fast-check';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { appRouter, type AppRouter } from '../../src/main/api/root.js';
import { createContext, readProcedure, settingsChangeProcedure, settingsProcedure, writeProcedure } from '../../src/main/api/trpc.js';
import { silentLogger } from '../../src/main/core/log.js';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { seedDatabase } from '../../src/main/db/seed.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import { servePort } from '../../src/main/rpc/serve-port.js';
import { messagePortLink } from '../../src/renderer/src/lib/port-link.js';
import { describeOnBothDrivers, SMALL_WORLD } from '../fixtures/databases.js';
import { fingerprintTables, hostileValue } from '../fixtures/hostile-input-kit.js';
import { seedNullableWorld } from '../fixtures/nullable-world.js';
import { createTestServices, testStaff } from '../fixtures/services.js';

/** Generated calls per procedure on the seeded world, and on the world holding NULLs. */
const RUNS = 8;
const NULLABLE_RUNS = 4;

interface ProcedureUnderTest {
  path: string;
  type: 'query' | 'mutation';
  schema: ZodType | null;
  /** Built on an audited procedure (a write or a settings change), so an accepted call leaves one audit row. */
  audited: boolean;
}

type Middlewares = { _def: { middlewares: unknown[] } };
const middlewaresOf = (procedure: unknown) => (procedure as Middlewares)._def.middlewares;
/** The middlewares that write audit rows: those writes and settings changes add to a read's. */
const auditingMiddlewares = new Set(
  [...middlewaresOf(writeProcedure), ...middlewaresOf(settingsChangeProcedure)].filter(
    (middleware) => !middlewaresOf(readProcedure).includes(middleware) && !middlewaresOf(settingsProcedure).includes(middleware),
  ),
);

function listProcedures(): ProcedureUnderTest[] {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, AnyTRPCProcedure> }).procedures;
  return Object.entries(procedures)
    .map(([path, procedure]) => {
      const def = procedure._def as unknown as { type: string; inputs: ZodType[]; middlewares: unknown[] };
      const audited = def.middlewares.some((middleware) => auditingMiddlewares.has(middleware));
      return { path, type: def.type as ProcedureUnderTest['type'] | 'subscription', schema: def.inputs[0] ?? null, audited };
    })
    .filter((p): p is ProcedureUnderTest => p.type === 'query' || p.type === 'mutation');
}

const procedures = listProcedures();

// ── plausible inputs, from each procedure's own schema ────────────────────────────────────

interface ZodDef {
  type: string;
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  options?: ZodType[];
  shape?: Record<string, ZodType>;
  element?: ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  left?: ZodType;
  right?: ZodType;
}
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** Values a real screen could send, about rows a small seeded world holds (ids set in beforeAll). */
const world = { userIds: [1n], caseIds: [1n], rowIds: [1] };

function plausible(schema: ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  switch (def.type) {
    case 'string':
      return fc.constantFrom('Aurora property check', 'x', '', String(world.userIds[0]), 'COINS', 'MESSAGE_SENT', 'embedded');
    case 'number':
      return fc.constantFrom(1, 5, 30, ...world.rowIds);
    case 'bigint':
      return fc.constantFrom(1n, 25n, ...world.userIds, ...world.caseIds);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.constant(new Date());
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { a: 'a' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'optional':
      return fc.option(plausible(def.innerType!, depth + 1), { nil: undefined });
    case 'nullable':
      return fc.option(plausible(def.innerType!, depth + 1), { nil: null });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return plausible(def.innerType!, depth + 1);
    case 'pipe':
      return plausible(def.in!, depth + 1);
    case 'array':
      return fc.array(plausible(def.element!, depth + 1), { maxLength: 2 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => plausible(option, depth + 1)));
    case 'intersection':
      return fc.tuple(plausible(def.left!, depth + 1), plausible(def.right!, depth + 1)).map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case 'object': {
      const entries = Object.entries(def.shape ?? {});
      return fc.tuple(...entries.map(([, field]) => plausible(field, depth + 1))).map((values) => {
        const out: Record<string, unknown> = {};
        entries.forEach(([key], i) => {
          if (values[i] !== undefined) out[key] = values[i];
        });
        return out;
      });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/**
 * One object reached under many keys and levels: small on the wire, large once expanded. It holds
 * no bigint: superjson on the sending side would write one annotation per path to it (12^9), so
 * the page would stall before anything is sent.
 */
const sharedReferences = fc.nat({ max: 3 }).map((levels) => {
  let node: Record<string, unknown> = { text: 'shared', flag: true };
  for (let level = 0; level < 6 + levels; level++) {
    const next: Record<string, unknown> = {};
    for (let k = 0; k < 12; k++) next[`k${k}`] = node;
    node = next;
  }
  return node;
});

function inputsFor(procedure: ProcedureUnderTest): fc.Arbitrary<unknown> {
  const valid = procedure.schema ? plausible(procedure.schema) : fc.constant(undefined);
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    // Plausible fields with one hostile value, an unknown key, or a prototype key beside them.
    {
      weight: 3,
      arbitrary: fc.tuple(valid, fc.constantFrom('extra', '__proto__', 'constructor', 'reason', 'id', 'input'), hostileValue).map(([base, key, value]) =>
        base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object), [key]: value } : value,
      ),
    },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: sharedReferences },
    { weight: 1, arbitrary: valid.map((base) => ({ wrapped: base, again: base })) },
  );
}

function seedFor(path: string): number {
  let hash = 11;
  for (const char of path) hash = (hash * 33 + char.charCodeAt(0)) | 0;
  return hash;
}

// ── the desk, over the renderer's link ────────────────────────────────────────────────────

let settingsDir: string;
let settingsHost: DeskHost;

beforeAll(async () => {
  // Settings procedures need a real settings store; its own embedded database is not used.
  settingsDir = await mkdtemp(join(tmpdir(), 'aurora-router-properties-'));
  settingsHost = await createDeskHost({ dataDir: settingsDir, cipher: createKeyFileCipher(settingsDir), log: silentLogger, seedDemo: false });
}, 120_000);

afterAll(async () => {
  await settingsHost?.close();
  await rm(settingsDir, { recursive: true, force: true });
});

describe('the router this suite covers', () => {
  it('is read off the router itself, reads and writes of every area', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(80);
    for (const area of ['system.', 'settings.', 'players.', 'economy.', 'moderation.', 'quests.', 'items.', 'lootdrops.', 'audit.']) {
      expect(procedures.some((p) => p.path.startsWith(area) && p.type === 'query'), `${area} reads`).toBe(true);
    }
    expect(procedures.filter((p) => p.type === 'mutation').length).toBeGreaterThanOrEqual(30);
    // Every mutation but a dry run is audited; no read is.
    expect(procedures.filter((p) => p.type === 'mutation' && !p.audited).map((p) => p.path)).toEqual(['quests.previewImport']);
    expect(procedures.filter((p) => p.type === 'query' && p.audited)).toEqual([]);
  });
});

/**
 * The properties on one world: `seed` fills the database; the plausible ids are taken from rows
 * holding a NULL first, so the nullable world's odd rows are the ones the calls are about.
 */
function everyProcedureOn(worldName: string, seed: (database: AuroraDatabase) => Promise<unknown>, runs: number): void {
  describeOnBothDrivers(`every procedure, over the transport, with any input, on ${worldName}`, (current) => {
    let client: TRPCClient<AppRouter>;
    let stop: () => void;
    let closePort: () => void;

    beforeAll(async () => {
      const { database } = current();
      await seed(database);
      const { rows: users } = await database.query<{ id: string }>('SELECT id::text AS id FROM users u ORDER BY (u IS NOT NULL), id LIMIT 3');
      const { rows: cases } = await database.query<{ id: string }>('SELECT id::text AS id FROM moderation_cases c ORDER BY (c IS NOT NULL), id LIMIT 3');
      const { rows: quests } = await database.query<{ id: number }>('SELECT id FROM quests q ORDER BY (q IS NOT NULL), id LIMIT 2');
      world.userIds = users.map((u) => BigInt(u.id));
      world.caseIds = cases.map((c) => BigInt(c.id));
      world.rowIds = quests.map((q) => q.id);
      const services = createTestServices(database, { identity: testStaff, settings: settingsHost });
      const { port1, port2 } = new MessageChannel();
      stop = servePort(port1, { router: appRouter, createContext: () => createContext(services) });
      closePort = () => port2.close();
      client = createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port: port2, transformer: superjson })] });
    }, 120_000);

    afterAll(() => {
      stop?.();
      closePort?.();
    });

    /** Accepted calls per procedure in this run. */
    const acceptedBy = new Map<string, number>();

    const auditCount = async () =>
      Number((await current().database.query<{ n: string }>('SELECT count(*)::text AS n FROM aurora_desk.audit_log')).rows[0]!.n);

    const call = (procedure: ProcedureUnderTest, input: unknown): Promise<unknown> => {
      const node = procedure.path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], client) as {
        query(input: unknown): Promise<unknown>;
        mutate(input: unknown): Promise<unknown>;
      };
      return procedure.type === 'query' ? node.query(input) : node.mutate(input);
    };

    for (const procedure of procedures) {
      it(`${procedure.path}: never an internal error; a refusal changes nothing; an accepted write is audited once`, async () => {
        const { database } = current();
        await fc.assert(
          fc.asyncProperty(inputsFor(procedure), async (input) => {
            const before = await fingerprintTables(database);
            const auditBefore = await auditCount();
            let failure: TRPCClientError<AppRouter> | null = null;
            try {
              await call(procedure, input);
            } catch (error) {
              expect(error, 'not an answer of the router').toBeInstanceOf(TRPCClientError);
              failure = error as TRPCClientError<AppRouter>;
            }
            if (failure) {
              expect(failure.data?.code, `${procedure.path} answered ${failure.data?.code}: ${failure.message}`).not.toBe('INTERNAL_SERVER_ERROR');
              expect(await fingerprintTables(database)).toEqual(before);
              return;
            }
            acceptedBy.set(procedure.path, (acceptedBy.get(procedure.path) ?? 0) + 1);
            if (procedure.audited) expect(await auditCount(), 'audit rows added by one accepted write').toBe(auditBefore + 1);
            else expect(await auditCount(), 'a read (or a dry run) writes no audit row').toBe(auditBefore);
          }),
          { numRuns: runs, seed: seedFor(procedure.path), endOnFailure: true },
        );
        // The transport still answers after everything above.
        expect(await client.system.ping.query({ echo: procedure.path.slice(0, 100) })).toMatchObject({ pong: true });
      }, 120_000);
    }

    it('drew accepted calls too, so the audit property was tested and not only refusals', () => {
      const reads = procedures.filter((p) => p.type === 'query' && acceptedBy.has(p.path));
      const writes = procedures.filter((p) => p.audited && acceptedBy.has(p.path));
      expect(reads.length, 'reads with an accepted call').toBeGreaterThanOrEqual(procedures.filter((p) => p.type === 'query').length / 2);
      expect(writes.length, `writes with an accepted call: ${writes.map((p) => p.path).join(', ')}`).toBeGreaterThanOrEqual(5);
    });
  });
}

everyProcedureOn('the small seeded world', (database) => seedDatabase(database, SMALL_WORLD), RUNS);
everyProcedureOn('a world holding NULL wherever the bot may', seedNullableWorld, NULLABLE_RUNS);
