import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  read(): Buffer;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/**
 * The files in a zip archive, from its central directory, as a store or a reviewer's unzip sees
 * them (directories left out). Stored and deflated entries only, no zip64: what WXT writes for
 * packages this small. node:zlib does the inflating, so no zip library is needed.
 */
export function readZip(path: string): Map<string, ZipEntry> {
  const data = readFileSync(path);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
  if (end < 0) throw new Error(`${path} is not a zip archive`);
  const entries = new Map<string, ZipEntry>();
  let at = data.readUInt32LE(end + 16);
  for (let i = data.readUInt16LE(end + 10); i > 0; i--) {
    if (data.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`${path}: broken directory`);
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    if (name.endsWith('/')) continue;
    const read = () => {
      const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      const raw = data.subarray(start, start + compressed);
      if (method === 0) return raw;
      if (method === 8) return inflateRawSync(raw);
      throw new Error(`${path}: ${name} uses compression method ${method}`);
    };
    entries.set(name, { name, size, read });
  }
  return entries;
}
