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

/**
 * An error as one line for a command line: the message, its line breaks folded, so a failed
 * run ends with one line to read (`raw/…:12: invalid printed: "2O5" (…)`). The stack is an
 * aid for the code's maintainers, not the author of raw/: it is added only with DEBUG=1.
 */
export function oneLineError(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s*\n\s*/g, " ").trim() || (error instanceof Error ? error.name : "unknown error");
  const debug = env.DEBUG !== undefined && env.DEBUG !== "" && env.DEBUG !== "0";
  return debug && error instanceof Error && error.stack ? `${line}\n${error.stack}` : line;
}
