import { readFileSync, statSync } from "node:fs";
import { InputError } from "./errors.js";

/**
 * The largest text or CSV file read (bytes). A published budget as text is well under 10 MB; a file of
 * hundreds of MB is not one, and decoding it would exhaust memory (V8 cannot hold a string of ~512 MB).
 */
export const MAX_TEXT_BYTES = 200 * 1024 * 1024;

/** A text or CSV file's bytes; an InputError naming the file when it cannot be read or is too large. */
export function readInputFile(file: string): Buffer {
  try {
    const size = statSync(file).size;
    if (size > MAX_TEXT_BYTES)
      throw new InputError(`the file is ${Math.round(size / 1024 / 1024)} MB; a text document or CSV file is at most ${MAX_TEXT_BYTES / 1024 / 1024} MB`, { file });
    return readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file });
  }
}
