/**
 * The wire transformer against jsonb an attacker wrote: keys superjson refuses (`__proto__`,
 * `constructor`, `prototype`) would fail a whole answer; they go out renamed instead, in copies,
 * and everything else (bigint, Date, Map, shared references) round-trips as plain superjson.
 */
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { deskTransformer, UNSAFE_KEY_SUFFIX, withSafeKeys } from '../../src/main/api/transformer.js';

const roundTrip = (value: unknown) => deskTransformer.output.deserialize(JSON.parse(JSON.stringify(deskTransformer.output.serialize(value))));

describe('answers with keys superjson refuses', () => {
  const metadata = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "ok": [1, {"prototype": 2}]}') as unknown;

  it('plain superjson fails the whole answer on them', () => {
    expect(() => superjson.serialize({ case: { metadata } })).toThrow(/prototype pollution/);
  });

  it('go out renamed, visibly, at every depth', () => {
    const back = roundTrip({ id: 42n, case: { metadata } }) as { id: bigint; case: { metadata: Record<string, unknown> } };
    expect(back.id).toBe(42n);
    expect(Object.keys(back.case.metadata).sort()).toEqual([`__proto__${UNSAFE_KEY_SUFFIX}`, `constructor${UNSAFE_KEY_SUFFIX}`, 'ok']);
    expect(back.case.metadata[`__proto__${UNSAFE_KEY_SUFFIX}`]).toEqual({ polluted: true });
    expect(back.case.metadata[`constructor${UNSAFE_KEY_SUFFIX}`]).toEqual({ [`prototype${UNSAFE_KEY_SUFFIX}`]: { x: 1 } });
    expect(back.case.metadata.ok).toEqual([1, { [`prototype${UNSAFE_KEY_SUFFIX}`]: 2 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves the original alone and copies nothing that needs no change', () => {
    const clean = { a: [1, 2, { b: new Date(0) }], m: new Map([['__proto__', 1]]), n: 10n };
    expect(withSafeKeys(clean)).toBe(clean);
    const dirty = { keep: clean, bad: JSON.parse('{"__proto__": 1}') as unknown };
    const safe = withSafeKeys(dirty);
    expect(safe).not.toBe(dirty);
    expect(safe.keep).toBe(clean);
    expect(Object.keys(dirty.bad as object)).toEqual(['__proto__']);
  });

  it('survives cycles and shared references', () => {
    const shared = JSON.parse('{"prototype": 1}') as Record<string, unknown>;
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    const safe = withSafeKeys(cyclic) as Record<string, Record<string, unknown>>;
    expect(safe.shared).toBe(safe.again);
    expect(Object.keys(safe.shared!)).toEqual([`prototype${UNSAFE_KEY_SUFFIX}`]);
  });

  it('reads inputs with plain superjson', () => {
    const sent = superjson.serialize({ id: 7n, at: new Date(5) });
    expect(deskTransformer.input.deserialize(sent)).toEqual({ id: 7n, at: new Date(5) });
  });
});
