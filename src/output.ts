import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";

/**
 * Writes an output file (a report, an annotated workbook) so that the path never holds a partial
 * file: the content goes to a temporary file in the same folder, is flushed to disk, and is renamed over
 * the path in one step. An interrupted run leaves the old file (or none) and at most a `.*.tmp` that the
 * next write does not read. Every output path of the tool goes through here.
 */
export function writeOutputAtomically(path: string, chunks: Iterable<string | Uint8Array>): void {
  const out = openOutputAtomically(path);
  try {
    for (const c of chunks) out.write(c);
  } catch (e) {
    out.abort();
    throw e;
  }
  out.commit();
}

/**
 * The same, written piece by piece as the content is made (a streamed report): `commit` flushes the
 * temporary file and renames it over the path; `abort` removes it.
 */
export function openOutputAtomically(path: string): { write(c: string | Uint8Array): void; commit(): void; abort(): void } {
  if (isSpecialFile(path)) return openDirectly(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const fd = openSync(tmp, "wx", 0o644);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const abort = () => {
    close();
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  };
  return {
    write(c) {
      try {
        writeAll(fd, c);
      } catch (e) {
        abort();
        throw e;
      }
    },
    commit() {
      try {
        fsyncSync(fd);
        close();
        renameSync(tmp, path);
      } catch (e) {
        abort();
        throw e;
      }
    },
    abort,
  };
}

/**
 * A path that exists and is neither a regular file nor a folder: a device (/dev/null, /dev/stdout), a named
 * pipe, a socket. Renaming a temporary file over it would replace it with a regular file (as root, /dev/null
 * itself): it is written into directly instead; there is no partial file to protect.
 */
function isSpecialFile(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

function writeAll(fd: number, c: string | Uint8Array): void {
  const buf = typeof c === "string" ? Buffer.from(c, "utf8") : c;
  for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
}

function openDirectly(path: string): { write(c: string | Uint8Array): void; commit(): void; abort(): void } {
  const fd = openSync(path, "w");
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(c) {
      try {
        writeAll(fd, c);
      } catch (e) {
        close();
        throw e;
      }
    },
    commit: close,
    abort: close,
  };
}

/** The same file on disk (same path once resolved, or the same inode: a hard link or a symlink to it). */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

const INPUT_EXT = /\.(md|markdown|txt|csv|xlsx)$/i;

/**
 * Why writing `out` would overwrite an input, or null: `out` is one of the inputs, or a file the loaders
 * read inside an input folder (a CSV package's tables, a batch's documents).
 */
export function overwritesInput(out: string, inputs: string[]): string | null {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const target = join(real(dirname(out)), basename(out));
  for (const input of inputs) {
    if (sameFile(out, input)) return `that is the input ${input}`;
    let st;
    try {
      st = statSync(input);
    } catch {
      continue;
    }
    if (!st.isDirectory() || !INPUT_EXT.test(out)) continue;
    const rel = relative(real(input), target);
    if (rel && !rel.startsWith("..") && !isAbsolute(rel)) return `that is inside the input folder ${input}, where it would be read as input`;
  }
  return null;
}
