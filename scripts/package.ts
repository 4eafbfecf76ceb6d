// Store packages: dist/storyline-chrome-<version>.zip and dist/storyline-firefox-<version>.zip.
//   npx tsx scripts/package.ts          (npm run package)
// A fresh production build, then one zip per browser with manifest.json at the root, as the Chrome
// Web Store and addons.mozilla.org expect. The zips are reproducible, so a reviewer can rebuild one
// and compare bytes: entries sorted by path, one fixed timestamp, no file modes or extra fields, and
// raw DEFLATE from node:zlib at a fixed level. The writer is ours (~60 lines) rather than a dependency
// because the zip libraries on npm stamp the current time unless told otherwise at every call.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { build, ROOT } from './build';

/** 1980-01-01 00:00, the earliest MS-DOS date: no build time leaks into the package. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: names are UTF-8. */
const FLAGS = 0x0800;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

// Written out rather than zlib.crc32, which Node 20 gained only in 20.15 (package.json allows >=20).
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A zip of every file under `dir`, byte-identical for identical input. */
export function zipDirectory(dir: string): Buffer {
  const names = filesUnder(dir)
    .map((file) => relative(dir, file).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const data = readFileSync(join(dir, name));
    const packed = deflateRawSync(data, { level: 9 });
    // STORE when DEFLATE does not help (icons are PNGs, already compressed).
    const [method, body] = packed.length < data.length ? [8, packed] : [0, data];
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Builds for production and writes both store packages; returns their paths. */
export async function packageAll(outDir = 'dist'): Promise<string[]> {
  const { dirs } = await build({ outDir, quiet: true });
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  return (['chrome', 'firefox'] as const).map((target) => {
    const manifest = JSON.parse(readFileSync(join(dirs[target], 'manifest.json'), 'utf8')) as { version: string };
    if (manifest.version !== version) throw new Error(`${target}: manifest ${manifest.version} is not package.json ${version}`);
    const file = join(resolve(ROOT, outDir), `storyline-${target}-${version}.zip`);
    writeFileSync(file, zipDirectory(dirs[target]));
    return file;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of await packageAll()) console.log(relative(ROOT, file));
}
