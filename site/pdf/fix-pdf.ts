// Chromium stamps every PDF it prints with the time it printed it (the Info dictionary's
// CreationDate and ModDate) and leaves out the document's Subject. fixPdf rewrites the Info
// dictionary with fixed values and gives the file an /ID derived from its content, then moves
// the cross-reference table's offsets by what the new dictionary added, so the file stays
// valid and two builds of one commit give the same bytes.
import { createHash } from "node:crypto";

/** What the PDF says about itself. */
export interface PdfInfo {
  title: string;
  subject: string;
  /** The time the content stands for (the commit time), in ms since the epoch. */
  dateMs: number;
  creator: string;
}

/** A PDF date, `D:YYYYMMDDHHmmSS+00'00'`, in UTC. */
export function pdfDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `D:${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}+00'00'`;
}

/**
 * A PDF text string: UTF-16BE with its byte-order mark, as hex, so any title (dashes,
 * accents) reads right in every viewer and nothing needs escaping.
 */
export function pdfTextString(text: string): string {
  const bytes = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes.push(unit >> 8, unit & 0xff);
  }
  return `<${Buffer.from(bytes).toString("hex").toUpperCase()}>`;
}

const latin1 = (bytes: Buffer) => bytes.toString("latin1");

/**
 * A tagged PDF's structure elements carry Chromium's DOM node ids, `(node00000510)`, which
 * depend on how many nodes the renderer made before (they differ from one print to the next).
 * Each becomes its rank among them, written in as many digits: the order is kept (the ID tree's
 * keys stay sorted), the length too (no offset moves), and the same document gives the same ids.
 * Stream contents (compressed page content, fonts) are left untouched.
 */
export function renumberNodeIds(text: string): string {
  const outsideStreams = (replace: (chunk: string) => string) => text.split(/(stream\r?\n[\s\S]*?\nendstream)/).map((chunk, i) => (i % 2 === 1 ? chunk : replace(chunk))).join("");
  const ids = new Set<string>();
  outsideStreams((chunk) => {
    for (const m of chunk.matchAll(/\(node(\d{8})\)/g)) ids.add(m[1]!);
    return chunk;
  });
  const rank = new Map([...ids].sort().map((id, i) => [id, String(i + 1).padStart(8, "0")]));
  return outsideStreams((chunk) => chunk.replace(/\(node(\d{8})\)/g, (_, id: string) => `(node${rank.get(id)!})`));
}

/**
 * Rewrites `pdf` (as Chromium's Skia writes it: a classic cross-reference table, one trailer,
 * no incremental update) with the Info dictionary `info` and a content-derived /ID. Fails,
 * naming what it did not find, on a file of another shape, so a Chromium that writes another
 * layout stops the build instead of publishing a stamped PDF.
 */
export function fixPdf(chromiumPdf: Buffer, info: PdfInfo): Buffer {
  const text = renumberNodeIds(latin1(chromiumPdf));
  const pdf = Buffer.from(text, "latin1");
  const fail = (what: string): never => {
    throw new Error(`report.pdf: ${what} (has Chromium's PDF layout changed?)`);
  };
  if ((text.match(/\bstartxref\b/g) ?? []).length !== 1) fail("not exactly one startxref (an incrementally updated file?)");
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text) ?? fail("no startxref at the end");
  const xrefAt = Number(startxref[1]);
  if (text.slice(xrefAt, xrefAt + 4) !== "xref") fail(`startxref ${xrefAt} does not point at an xref table`);
  const trailerAt = text.indexOf("trailer", xrefAt);
  if (trailerAt < 0) fail("no trailer");
  const trailer = text.slice(trailerAt, text.lastIndexOf("startxref"));
  const infoRef = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer) ?? fail("no /Info in the trailer");
  if (/\/(ID|Encrypt|Prev)\b/.test(trailer)) fail("the trailer already has /ID, /Encrypt or /Prev");
  const infoNumber = Number(infoRef[1]);

  // The xref table: one subsection `first count`, then 20-byte entries.
  const table = text.slice(xrefAt, trailerAt);
  const header = /^xref\s+(\d+)\s+(\d+)\s*\n/.exec(table) ?? fail("the xref table is not one subsection");
  const first = Number(header[1]);
  const count = Number(header[2]);
  const entriesAt = xrefAt + header[0].length;
  const entries: { offset: number; generation: string; kind: string; end: string }[] = [];
  for (let i = 0; i < count; i++) {
    const entry = /^(\d{10}) (\d{5}) ([nf])(\s{2})$/.exec(text.slice(entriesAt + 20 * i, entriesAt + 20 * (i + 1))) ?? fail(`xref entry ${first + i} is malformed`);
    entries.push({ offset: Number(entry[1]), generation: entry[2]!, kind: entry[3]!, end: entry[4]! });
  }
  if (text.slice(entriesAt + 20 * count, trailerAt).trim() !== "") fail("the xref table has more than one subsection");
  const infoEntry = entries[infoNumber - first] ?? fail(`no xref entry for the Info object ${infoNumber}`);
  const infoAt = infoEntry.offset;
  const objectHead = `${infoNumber} 0 obj`;
  if (text.slice(infoAt, infoAt + objectHead.length) !== objectHead) fail(`object ${infoNumber} is not at ${infoAt}`);
  const infoEnd = text.indexOf("endobj", infoAt);
  if (infoEnd < 0) fail(`object ${infoNumber} has no endobj`);

  const date = pdfDate(info.dateMs);
  const dictionary = [
    `/Title ${pdfTextString(info.title)}`,
    `/Subject ${pdfTextString(info.subject)}`,
    `/Creator ${pdfTextString(info.creator)}`,
    `/Producer ${pdfTextString(/\/Producer\s*\(([^)]*)\)/.exec(text.slice(infoAt, infoEnd))?.[1] ?? "Chromium")}`,
    `/CreationDate (${date})`,
    `/ModDate (${date})`,
  ].join("\n");
  const newInfo = `${objectHead}\n<<${dictionary}>>\n`;
  const delta = newInfo.length - (infoEnd - infoAt);
  const shift = (offset: number) => (offset > infoAt ? offset + delta : offset);

  const before = pdf.subarray(0, infoAt);
  const between = pdf.subarray(infoEnd, xrefAt);
  const body = Buffer.concat([before, Buffer.from(newInfo, "latin1"), between]);
  const xref = [`xref\n${first} ${count}\n`, ...entries.map((e) => `${String(e.kind === "n" ? shift(e.offset) : e.offset).padStart(10, "0")} ${e.generation} ${e.kind}${e.end}`)].join("");
  // The file's identifier, the same for the same content: a hash of everything but itself.
  const id = createHash("md5").update(body).update(xref).digest("hex").toUpperCase();
  const newTrailer = trailer.replace(/>>\s*$/, `\n/ID [<${id}> <${id}>]>>\n`);
  if (newTrailer === trailer) fail("the trailer does not end its dictionary");
  return Buffer.concat([body, Buffer.from(`${xref}${newTrailer}startxref\n${xrefAt + delta}\n%%EOF\n`, "latin1")]);
}
