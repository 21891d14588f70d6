/*
 * A Compound File Binary (OLE2) container — the file an Excel 97–2003 workbook, a Word 97–2003 document, a WPS file
 * or a password-protected Office file is — read far enough to take one stream out of it by name ([MS-CFB]). Bounded:
 * every sector chain is followed at most once per sector (a loop in a damaged file ends), and a stream is never
 * read past the file's size.
 */

import { mapArray } from "../util/arrays.js";

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;

/** A file that begins as a compound file does. */
export function isCompoundFile(b: Uint8Array): boolean {
  return b.length >= 8 && SIGNATURE.every((x, i) => b[i] === x);
}

/** Why a compound file cannot be read (damaged), as a phrase for an error. */
export class CompoundFileError extends Error {}

/** The streams of a compound file by name (the root storage's and every storage's, names as written). */
export interface CompoundFile {
  names: string[];
  /** A stream's bytes by its name (case-insensitive), or null when there is none. */
  stream(name: string): Buffer | null;
  /** A storage directly inside this one, by its name (case-insensitive), its own streams and storages only; or null. */
  storage(name: string): Storage | null;
}

/** A storage of a compound file (a Word document's ObjectPool, an embedded object's storage in it). */
export interface Storage {
  /** Its streams' and storages' names. */
  names: string[];
  stream(name: string): Buffer | null;
  storage(name: string): Storage | null;
}

export function readCompoundFile(bytes: Buffer): CompoundFile {
  if (!isCompoundFile(bytes) || bytes.length < 512) throw new CompoundFileError("not a compound file");
  const sectorShift = bytes.readUInt16LE(0x1e);
  const miniShift = bytes.readUInt16LE(0x20);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new CompoundFileError("its header is damaged");
  const size = 1 << sectorShift;
  const sectors = Math.floor((bytes.length - size) / size) + (bytes.length % size ? 1 : 0);
  const sectorAt = (n: number) => {
    if (n >= sectors) throw new CompoundFileError("a sector lies past the end of the file");
    const from = (n + 1) * size;
    return bytes.subarray(from, Math.min(from + size, bytes.length));
  };
  const perSector = size / 4;

  // The FAT's sectors: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  const fatCount = bytes.readUInt32LE(0x2c);
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  for (let hops = 0; difat !== ENDOFCHAIN && difat !== FREESECT && fatSectors.length < fatCount; hops++) {
    if (hops > sectors) throw new CompoundFileError("its sector table loops");
    const s = sectorAt(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(s.readUInt32LE(i * 4));
    difat = s.readUInt32LE((perSector - 1) * 4);
  }
  if (fatSectors.length > sectors) throw new CompoundFileError("its sector table is larger than the file");
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, k) => {
    const data = sectorAt(s);
    for (let i = 0; i < perSector && i * 4 + 4 <= data.length; i++) fat[k * perSector + i] = data.readUInt32LE(i * 4);
  });

  /** A chain of sectors from `start` in a table, each at most once. */
  const chain = (table: Uint32Array, start: number, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== ENDOFCHAIN && s !== FREESECT; s = table[s]) {
      if (s >= table.length || out.length > limit) throw new CompoundFileError("a sector chain is broken or loops");
      out.push(s);
    }
    return out;
  };
  const regular = (start: number, length?: number): Buffer => {
    const parts: Buffer[] = [];
    for (const s of chain(fat, start, sectors)) parts.push(sectorAt(s));
    const all = Buffer.concat(parts);
    return length === undefined ? all : all.subarray(0, Math.min(length, all.length));
  };

  // The directory: 128-byte entries.
  const dir = regular(bytes.readUInt32LE(0x30));
  type Entry = { name: string; type: number; start: number; size: number; left: number; right: number; child: number };
  const entries: Entry[] = [];
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const nameBytes = Math.min(64, dir.readUInt16LE(at + 0x40));
    const type = dir[at + 0x42];
    const name = dir.toString("utf16le", at, at + Math.max(0, nameBytes - 2));
    // (Version 3 files may leave garbage in the size's high half.)
    const size = sectorShift === 9 ? dir.readUInt32LE(at + 0x78) : Number(dir.readBigUInt64LE(at + 0x78));
    entries.push({ name, type, start: dir.readUInt32LE(at + 0x74), size, left: dir.readUInt32LE(at + 0x44), right: dir.readUInt32LE(at + 0x48), child: dir.readUInt32LE(at + 0x4c) });
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) throw new CompoundFileError("it has no root entry");
  const cutoff = bytes.readUInt32LE(0x38) || 4096;
  let mini: { fat: Uint32Array; stream: Buffer } | null = null;
  const miniParts = () => {
    if (mini) return mini;
    const table = regular(bytes.readUInt32LE(0x3c));
    const fatMini = new Uint32Array(Math.floor(table.length / 4));
    for (let i = 0; i < fatMini.length; i++) fatMini[i] = table.readUInt32LE(i * 4);
    return (mini = { fat: fatMini, stream: regular(root.start, root.size) });
  };
  const read = (e: Entry): Buffer => {
    if (e.size > bytes.length) throw new CompoundFileError(`its stream ${e.name} is larger than the file`);
    if (e.size >= cutoff) return regular(e.start, e.size);
    const m = miniParts();
    const parts: Buffer[] = [];
    for (const s of chain(m.fat, e.start, m.fat.length)) parts.push(m.stream.subarray(s * 64, s * 64 + 64));
    return Buffer.concat(parts).subarray(0, e.size);
  };
  // A storage's children: the tree of siblings under its child entry, each entry visited at most once (a loop in a
  // damaged directory ends).
  const childrenOf = (e: Entry): Entry[] => {
    const out: Entry[] = [];
    const seen = new Set<number>();
    const todo = [e.child];
    while (todo.length) {
      const id = todo.pop()!;
      if (id >= entries.length || seen.has(id)) continue;
      seen.add(id);
      out.push(entries[id]);
      todo.push(entries[id].left, entries[id].right);
    }
    return out;
  };
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const storageOf = (e: Entry): Storage => {
    const kids = childrenOf(e);
    return {
      names: mapArray(kids, (k) => k.name),
      stream: (name) => {
        const k = kids.find((x) => x.type === 2 && same(x.name, name));
        return k ? read(k) : null;
      },
      storage: (name) => {
        const k = kids.find((x) => x.type === 1 && same(x.name, name));
        return k ? storageOf(k) : null;
      },
    };
  };
  return {
    names: mapArray(entries.filter((e) => e.type === 2), (e) => e.name),
    stream(name) {
      const e = entries.find((x) => x.type === 2 && same(x.name, name));
      return e ? read(e) : null;
    },
    storage: (name) => storageOf(root).storage(name),
  };
}
