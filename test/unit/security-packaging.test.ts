/**
 * The installer configuration, checked the way electron-builder itself reads it (its own
 * loader and schema validator, no build: that would download Electron): the fuses that close
 * the packaged binary's back doors, the four targets, and real icons in resources/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const quietLogger = { isEnabled: false, data: new Map(), add() {}, save: async () => {} } as unknown as Parameters<typeof validateConfiguration>[1];

async function loadConfig(): Promise<Configuration> {
  return getConfig(root, null, null);
}

interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 8 bits a channel. */
  pixels: Buffer;
}

/** A small PNG reader for what rsvg-convert writes: 8-bit RGBA, not interlaced. */
function readPng(buffer: Buffer): DecodedPng {
  expect(buffer.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect({ depth: body[8], colour: body[9], interlace: body[12] }).toEqual({ depth: 8, colour: 6, interlace: 0 });
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** How many distinct opaque colours (quantised to 4 bits a channel) the picture has. */
function opaqueColours(png: DecodedPng): number {
  const colours = new Set<number>();
  for (let i = 0; i < png.pixels.length; i += 4) {
    if (png.pixels[i + 3]! < 250) continue;
    colours.add(((png.pixels[i]! >> 4) << 8) | ((png.pixels[i + 1]! >> 4) << 4) | (png.pixels[i + 2]! >> 4));
  }
  return colours.size;
}

describe('electron-builder configuration', () => {
  it('is valid for electron-builder itself', async () => {
    await expect(validateConfiguration(await loadConfig(), quietLogger)).resolves.toBeUndefined();
  });

  it('is checked for real: a misspelt option is refused', async () => {
    const config = { ...(await loadConfig()), electronFuses: { runAsNode: false, runAsNodee: true } } as unknown as Configuration;
    await expect(validateConfiguration(config, quietLogger)).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('flips the fuses that close the packaged binary', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('builds AppImage and deb, an NSIS installer and a dmg, from the build output only', async () => {
    const config = await loadConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.asar).toBe(true);
    expect(JSON.stringify(config.files)).toContain('"out/**/*"');
    // Installed apps look for updates over HTTPS at the configured feed (a placeholder host for now).
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) })]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('./out/main/index.js');
  });
});

describe('icons', () => {
  it('has a 1024 px PNG for macOS and the fallback, with a real picture on it', () => {
    const png = readPng(readFileSync(join(root, 'resources/icon.png')));
    expect([png.width, png.height]).toEqual([1024, 1024]);
    expect(opaqueColours(png)).toBeGreaterThan(50);
  });

  it('has one PNG per size for Linux', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = readPng(readFileSync(join(root, `resources/icons/${size}x${size}.png`)));
      expect([png.width, png.height], `${size}`).toEqual([size, size]);
      expect(opaqueColours(png), `${size}`).toBeGreaterThan(size >= 32 ? 20 : 5);
    }
  });

  it('has a Windows .ico from 16 to 256 px', () => {
    const ico = readFileSync(join(root, 'resources/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});
