import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deskLinkFor, deskLinkInArgs, hashForPlace, parseDeskLink, placeKey, popOutPlaceFromHash, type LinkedPlace } from '../../src/shared/desk-links.js';
import { decideLink, decidePopOut } from '../../src/main/desktop/link-routing.js';
import { decideWindowOpen } from '../../src/main/electron/window-policy.js';

const PLAYER = '1100000000000000123';
const MESSAGE = '1200000000000000456';

describe('parseDeskLink', () => {
  it('reads the four places', () => {
    expect(parseDeskLink('aurora-desk://case/42')).toEqual({ ok: true, place: { kind: 'case', id: '42' } });
    expect(parseDeskLink(`aurora-desk://player/${PLAYER}`)).toEqual({ ok: true, place: { kind: 'player', id: PLAYER } });
    expect(parseDeskLink('aurora-desk://quest/7')).toEqual({ ok: true, place: { kind: 'quest', id: '7' } });
    expect(parseDeskLink(`aurora-desk://lootdrop/${MESSAGE}`)).toEqual({ ok: true, place: { kind: 'lootdrop', id: MESSAGE } });
  });

  it('takes a trailing slash, any case in scheme and place, and leading zeros as the same case', () => {
    expect(parseDeskLink('AURORA-DESK://Case/0042/')).toEqual({ ok: true, place: { kind: 'case', id: '42' } });
  });

  it('refuses everything else, saying why', () => {
    const refused: [string, RegExp][] = [
      ['aurora-desk://app/index.html', /unknown place "app"/],
      ['aurora-desk://case/', /case link needs a case ID/],
      ['aurora-desk://case/0', /case link needs/],
      ['aurora-desk://case/9223372036854775808', /case link needs/],
      ['aurora-desk://case/42/resolve', /case link needs/],
      ['aurora-desk://case/42?action=resolve', /no query or fragment/],
      ['aurora-desk://case/42#x', /no query or fragment/],
      ['aurora-desk://case/%34%32', /case link needs/],
      ['aurora-desk://user:pw@case/42', /unknown place/],
      ['aurora-desk://case:80/42', /unknown place/],
      ['aurora-desk://player/123', /player link needs a Discord ID/],
      ['aurora-desk://quest/2147483648', /quest link needs/],
      ['aurora-desk://settings/1', /unknown place "settings"/],
      ['https://case/42', /scheme "https" is not aurora-desk/],
      ['javascript:alert(1)', /not a desk link/],
      [`aurora-desk://case/${'1'.repeat(200)}`, /longer than/],
      ['', /not a desk link/],
    ];
    for (const [link, reason] of refused) {
      const result = parseDeskLink(link);
      expect(result.ok, link).toBe(false);
      if (!result.ok) expect(result.reason, link).toMatch(reason);
    }
    expect(parseDeskLink(42)).toEqual({ ok: false, reason: 'not text' });
  });

  it('never throws and accepts only what it can write back, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `aurora-desk://${s}`), fc.stringMatching(/^aurora-desk:\/\/(case|player|quest|lootdrop)\/\d{0,21}\/?$/)), (text) => {
        const result = parseDeskLink(text);
        if (result.ok) expect(parseDeskLink(deskLinkFor(result.place))).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips every place through deskLinkFor', () => {
    const places: LinkedPlace[] = [
      { kind: 'case', id: '9223372036854775807' },
      { kind: 'player', id: PLAYER },
      { kind: 'quest', id: '2147483647' },
      { kind: 'lootdrop', id: MESSAGE },
    ];
    for (const place of places) expect(parseDeskLink(deskLinkFor(place))).toEqual({ ok: true, place });
  });

  it('finds the link among command-line arguments, never the app page itself', () => {
    expect(deskLinkInArgs(['/opt/Aurora Desk/aurora-desk', '--no-sandbox', 'aurora-desk://case/42'])).toBe('aurora-desk://case/42');
    expect(deskLinkInArgs(['aurora-desk', 'aurora-desk://app/index.html'])).toBeUndefined();
    expect(deskLinkInArgs(['aurora-desk'])).toBeUndefined();
  });
});

describe('routes for places', () => {
  it('gives each place the route its screen reads', () => {
    expect(hashForPlace({ kind: 'case', id: '42' })).toBe('#/moderation/recent?case=42');
    expect(hashForPlace({ kind: 'player', id: PLAYER })).toBe(`#/players?player=${PLAYER}`);
    expect(hashForPlace({ kind: 'quest', id: '7' })).toBe('#/quests/7');
    expect(hashForPlace({ kind: 'lootdrop', id: MESSAGE })).toBe(`#/lootdrops?tab=board&drop=${MESSAGE}`);
  });

  it('reads a pop-out route back only for the places that pop out', () => {
    for (const place of [{ kind: 'case', id: '42' }, { kind: 'player', id: PLAYER }, { kind: 'board' }] as const) {
      expect(popOutPlaceFromHash(hashForPlace(place, { popOut: true }))).toEqual(place);
      expect(popOutPlaceFromHash(hashForPlace(place))).toBeNull();
    }
    expect(popOutPlaceFromHash(hashForPlace({ kind: 'quest', id: '7' }, { popOut: true }))).toBeNull();
    expect(popOutPlaceFromHash('#/moderation/recent?case=abc&window=pop-out')).toBeNull();
  });
});

describe('which window a link opens', () => {
  const main = { id: 1, place: null };
  const casePopOut = { id: 2, place: { kind: 'case', id: '42' } as const };

  it('focuses a pop-out already showing the place, else shows it in the main window', () => {
    expect(decideLink('aurora-desk://case/42', [main, casePopOut])).toEqual({ action: 'focus-pop-out', window: casePopOut });
    expect(decideLink('aurora-desk://case/0042', [main, casePopOut])).toEqual({ action: 'focus-pop-out', window: casePopOut });
    expect(decideLink('aurora-desk://case/43', [main, casePopOut])).toEqual({ action: 'show-in-main', window: main, place: { kind: 'case', id: '43' } });
  });

  it('opens the main window when none is open (macOS keeps running without windows)', () => {
    expect(decideLink('aurora-desk://quest/7', [])).toEqual({ action: 'open-main', place: { kind: 'quest', id: '7' } });
    expect(decideLink('aurora-desk://quest/7', [casePopOut])).toEqual({ action: 'open-main', place: { kind: 'quest', id: '7' } });
  });

  it('refuses a link it cannot read, with the reason to log', () => {
    expect(decideLink('aurora-desk://case/42;rm', [main])).toMatchObject({ action: 'refuse', reason: expect.stringMatching(/case link/) });
  });

  it('opens one pop-out per place', () => {
    expect(decidePopOut({ kind: 'case', id: '42' }, [main, casePopOut])).toEqual({ action: 'focus', window: casePopOut });
    expect(decidePopOut({ kind: 'board' }, [main, casePopOut])).toEqual({ action: 'open', place: { kind: 'board' } });
    expect(placeKey({ kind: 'board' })).not.toBe(placeKey({ kind: 'case', id: '42' }));
  });
});

describe('window.open from the page', () => {
  const APP = 'aurora-desk://app/index.html';
  it('turns a pop-out route of the app page into a pop-out, and still denies the page its own window', () => {
    expect(decideWindowOpen(`${APP}${hashForPlace({ kind: 'board' }, { popOut: true })}`, APP)).toEqual({ action: 'deny', openExternal: false, popOut: { kind: 'board' } });
  });
  it('gives nothing to another page, an ordinary route or a foreign origin with the same hash', () => {
    const hash = hashForPlace({ kind: 'case', id: '42' }, { popOut: true });
    expect(decideWindowOpen(`${APP}#/moderation`, APP).popOut).toBeUndefined();
    expect(decideWindowOpen(`aurora-desk://app/other.html${hash}`, APP).popOut).toBeUndefined();
    expect(decideWindowOpen(`https://evil.example/index.html${hash}`, APP)).toEqual({ action: 'deny', openExternal: true });
    expect(decideWindowOpen(`aurora-desk://case/42`, APP)).toEqual({ action: 'deny', openExternal: false });
  });
});
