/**
 * Every procedure of the real router, read off `appRouter._def.procedures` so one added later
 * is covered the day it lands:
 *
 * - its input schema is strict at every depth: each object refuses keys it does not know (a
 *   key a schema strips still reaches whatever records the raw input, such as the audit row),
 *   or types every other key's value on purpose (a quest's custom filters);
 * - called with a key it does not know, it answers BAD_REQUEST naming that key;
 * - called with U+0000 in a text field, it answers BAD_REQUEST naming that field.
 *
 * No database: the refusals happen before any procedure body, which the services below would
 * make fail loudly if one were ever reached.
 */
import type { AnyTRPCProcedure } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { appRouter } from '../../src/main/api/root.js';
import { UNKNOWN_FIELD_MESSAGE } from '../../src/main/api/trpc.js';
import type { AuditWriter } from '../../src/main/core/audit.js';
import { systemClock } from '../../src/main/core/clock.js';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { fixedDiscordGateway } from '../../src/main/core/discord/gateway.js';
import { silentLogger } from '../../src/main/core/log.js';
import { Scheduler } from '../../src/main/core/scheduler.js';
import type { DeskServices } from '../../src/main/core/services.js';
import type { SettingsAccess } from '../../src/main/core/settings-store/settings-access.js';
import { NUL_MESSAGE } from '../../src/shared/input-bounds.js';
import { procedureAt } from '../fixtures/hostile-input-kit.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { callerFor, idleLiveHub, testStaff } from '../fixtures/services.js';

const procedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, AnyTRPCProcedure> }).procedures).map(([path, procedure]) => {
  const def = procedure._def as unknown as { type: string; inputs: ZodType[] };
  return { path, type: def.type, inputs: def.inputs };
});

interface ZodDef {
  type: string;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  options?: ZodType[];
  left?: ZodType;
  right?: ZodType;
  keyType?: ZodType;
  valueType?: ZodType;
  items?: ZodType[];
  rest?: ZodType | null;
}
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** Paths inside a schema where an object lets unknown keys through. */
function lenientObjects(schema: ZodType, at = 'input', seen = new Set<ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: ZodType | null | undefined, where = at) => (child ? lenientObjects(child, where, seen) : []);
  switch (def.type) {
    case 'object': {
      // Strict (catchall never), or open on purpose with every other key's value typed (a quest's
      // custom filters: catchall JSON). A plain z.object strips unknown keys silently: refused.
      const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
      const declared = catchall !== undefined && catchall !== 'unknown' && catchall !== 'any';
      return [...(declared ? [] : [at]), ...Object.entries(def.shape ?? {}).flatMap(([key, child]) => inner(child, `${at}.${key}`))];
    }
    case 'array':
      return inner(def.element, `${at}[]`);
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'union':
      return (def.options ?? []).flatMap((option) => inner(option));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'record':
      // A record takes any key by design (free-form JSON such as usage_data); its values still count.
      return inner(def.valueType, `${at}{}`);
    case 'tuple':
      return [...(def.items ?? []).flatMap((item) => inner(item)), ...inner(def.rest)];
    default:
      return def.innerType ? inner(def.innerType) : [];
  }
}

/** Top-level field names of an input schema (through optional, default, pipes; unions merged). */
function fieldsOf(schema: ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'union') return [...new Set((def.options ?? []).flatMap(fieldsOf))];
  if (def.type === 'pipe') return fieldsOf(def.in!);
  return def.innerType ? fieldsOf(def.innerType) : [];
}

function unreachable(): never {
  throw new Error('a refused input reached past the router');
}

/** Services under which every procedure can start: an identity, settings, a writable desk. */
function services(): DeskServices {
  const audit: AuditWriter = {
    begin: () => ({ actor: testStaff, database: {} as AuroraDatabase, transaction: unreachable, auditRow: unreachable, finish: async () => {} }),
    record: async () => {},
  };
  return {
    log: silentLogger,
    clock: systemClock,
    scheduler: new Scheduler(systemClock),
    discord: fixedDiscordGateway(null),
    audit,
    run: { id: 'unit', host: 'unit' },
    random: Math.random,
    settings: {} as SettingsAccess,
    database: () => ({}) as AuroraDatabase,
    connection: () => ({ profileId: 'unit', driver: 'pglite', label: 'none' }),
    identity: () => testStaff,
    readOnlyReason: () => null,
    live: idleLiveHub,
  };
}

const STRAY = 'notAField';

describe('every procedure of the app router', () => {
  it('is found (the router is read, not listed here)', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(80);
    expect(procedures.map((p) => p.type)).toContain('subscription');
  });

  for (const { path, inputs } of procedures) {
    describe(path, () => {
      it('declares one input whose objects are all strict', () => {
        // A procedure that takes nothing says so with noInputSchema (src/shared/input-bounds.ts).
        expect(inputs, 'declare an input (noInputSchema when it takes none)').toHaveLength(1);
        expect(lenientObjects(inputs[0]!), 'objects that let unknown keys through (use z.strictObject)').toEqual([]);
      });

      it('refuses a key it does not know, naming it', async () => {
        const refused = await rejectionOf(procedureAt(callerFor(services()), path)({ [STRAY]: 1 }), path);
        expect(refused.code, refused.message).toBe('BAD_REQUEST');
        expect(refused.data.fieldErrors?.[STRAY]).toEqual([UNKNOWN_FIELD_MESSAGE]);
      });

      it('refuses U+0000 in text, naming the field', async () => {
        const field = fieldsOf(inputs[0]!)[0] ?? STRAY;
        const refused = await rejectionOf(procedureAt(callerFor(services()), path)({ [field]: 'before\u0000after' }), path);
        expect(refused.code, refused.message).toBe('BAD_REQUEST');
        expect(refused.data.fieldErrors).toEqual({ [field]: [NUL_MESSAGE] });
        expect(refused.message).toContain(field);
      });
    });
  }

  it('names U+0000 deep inside a value, and in a key', async () => {
    const caller = callerFor(services());
    const deep = await rejectionOf(caller.items.byIds({ ids: [1], nested: [{ text: 'a\u0000' }] } as never));
    expect(deep.data.fieldErrors).toEqual({ 'nested.0.text': [NUL_MESSAGE] });
    const key = await rejectionOf(caller.items.byIds({ ids: [1], ['bad\u0000key']: 1 } as never));
    expect(Object.keys(key.data.fieldErrors ?? {})).toEqual(['bad\\0key']);
  });
});
