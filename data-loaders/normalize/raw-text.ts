import { readFile } from "node:fs/promises";
import { RawInputError } from "../errors.ts";

/**
 * The one door every raw file comes in by (raw/README.md, "Encoding"): its bytes must be
 * UTF-8, with no byte-order mark and no character a reader cannot see or that would shift
 * a field: control characters other than tab and line feed, format characters (zero-width
 * spaces, soft hyphens, U+FEFF), line and paragraph separators, and U+FFFD (the mark of a
 * byte lost in an earlier conversion). Lines end with LF; a CR is accepted only as part of a
 * CRLF line end, which is read as LF, since editors on Windows write it and it changes no
 * character of any field. Any other problem is a one-line RawInputError naming the file and
 * line, with a short escaped excerpt, never the whole line.
 */

// ignoreBOM keeps a byte-order mark in the text, where it is refused, instead of dropping it unseen.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
/** What a raw file must not hold; CR is checked apart, since it may end a CRLF line. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFFFD]/u;
const EXCERPT = 24;

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code === 0xfeff) return `a byte-order mark (${hex})`;
  if (code === 0x0d) return `a carriage return (${hex}) not followed by a line feed: lines must end with LF (or CRLF)`;
  if (code === 0xfffd) return `a replacement character (${hex}): a byte was lost before this file was written`;
  return `an invisible or control character (${hex})`;
}

/** A short excerpt of `line` around `index`, so an error never prints a whole file. */
function excerpt(line: string, index: number): string {
  const from = Math.max(0, index - EXCERPT);
  return `${from > 0 ? "…" : ""}${line.slice(from, index + EXCERPT)}${index + EXCERPT < line.length ? "…" : ""}`;
}

/** Decodes a raw file's bytes, or throws a RawInputError naming `file` and the first bad line. */
export function decodeRawText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Find the first line that does not decode, so the author knows where to look.
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      const slice = bytes.subarray(start, end < 0 ? bytes.length : end);
      try {
        UTF8.decode(slice);
      } catch {
        const shown = new TextDecoder("utf-8").decode(slice);
        const bad = shown.indexOf("\uFFFD");
        throw new RawInputError(file, line, "text", excerpt(shown, bad), "not valid UTF-8: save the file as UTF-8");
      }
      if (end < 0) break;
      start = end + 1;
    }
    throw new RawInputError(file, 1, "text", "", "not valid UTF-8: save the file as UTF-8");
  }
  if (text.startsWith("\uFEFF")) {
    throw new RawInputError(file, 1, "text", excerpt(text.slice(0, text.indexOf("\n") >>> 0), 0), `starts with ${describe("\uFEFF")}: save the file as UTF-8 without BOM`);
  }
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const bad = FORBIDDEN.exec(line.replaceAll("\t", " "));
    if (bad) throw new RawInputError(file, i + 1, "text", excerpt(line, bad.index), `holds ${describe(bad[0])}`);
  }
  return lines.join("\n");
}

/** Reads and decodes the raw file at `path` (named `file` in errors); see decodeRawText. */
export async function readRawText(path: string, file: string): Promise<string> {
  return decodeRawText(await readFile(path), file);
}

/** Like readRawText, but null when the file does not exist. */
export async function readOptionalRawText(path: string, file: string): Promise<string | null> {
  try {
    return await readRawText(path, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
