import { formatLocation, type SourceLocation } from "../model/location.js";

/**
 * An input that cannot be read or recognised. The CLI prints it as one line
 * (`file:line: what was wrong; what was expected`) and exits 2; no stack trace.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation,
  ) {
    super(message);
    this.name = "InputError";
  }

  /** One line naming the file (and line, sheet or cell) and what was wrong. */
  oneLine(): string {
    return `${formatLocation(this.location)}: ${this.message}`;
  }
}
