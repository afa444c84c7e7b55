/**
 * The one error type of the raw layer. It names the place a reviewer must look
 * (file, line, field) and the offending value, so a failed build is fixed in one edit.
 */
export class RawInputError extends Error {
  override readonly name = "RawInputError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}: invalid ${field}: ${JSON.stringify(value)} (${reason})`);
  }
}

/** A parse failure with no file context yet; callers rethrow it as a RawInputError. */
export class ParseError extends Error {
  override readonly name = "ParseError";
}

/** Throws a ParseError in the uniform style `invalid ${name}: ${value}`. */
export function invalid(name: string, value: string, reason?: string): never {
  throw new ParseError(`invalid ${name}: ${JSON.stringify(value)}${reason ? ` (${reason})` : ""}`);
}
