import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixPdf, pdfDate, pdfTextString, renumberNodeIds } from "../../../site/pdf/fix-pdf.ts";

/** A small PDF laid out as Chromium's Skia writes one: Info first, a classic xref table, a trailer without /ID. */
function skiaLikePdf(objects: string[]): Buffer {
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((content, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${content}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF`;
  return Buffer.from(body, "latin1");
}

const INFO = "<</Title (T)\n/Creator (Chromium)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261201122813+00'00')\n/ModDate (D:20261201122813+00'00')>>";
const sample = (ids: [string, string] = ["00000561", "00000510"]) =>
  skiaLikePdf([
    INFO,
    "<</Type /Catalog\n/Pages 3 0 R>>",
    "<</Type /Pages\n/Kids [4 0 R]\n/Count 1>>",
    "<</Type /Page\n/Parent 3 0 R>>",
    `<</Type /StructElem\n/ID (node${ids[0]})>>`,
    `<</Type /StructElem\n/ID (node${ids[1]})>>`,
    "<</Length 12>> stream\n(node00000007)\nendstream",
  ]);

/** Every in-use xref entry points at its object, and startxref at the table. */
function assertValidOffsets(pdf: Buffer): void {
  const text = pdf.toString("latin1");
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)![1]);
  assert.equal(text.slice(startxref, startxref + 4), "xref");
  const entries = [...text.slice(startxref).matchAll(/^(\d{10}) \d{5} n/gm)];
  assert.ok(entries.length > 0);
  entries.forEach((m, i) => assert.equal(text.slice(Number(m[1]), Number(m[1]) + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`, `object ${i + 1}`));
}

const info = { title: "Industrial clusters: a reproducible report", subject: "Two documents – one report", dateMs: Date.UTC(2026, 11, 1, 10, 30, 5), creator: "Chromium 156" };

describe("fixPdf", () => {
  it("puts fixed dates, the title and the subject in the Info dictionary, keeping every offset valid", () => {
    const fixed = fixPdf(sample(), info).toString("latin1");
    assert.doesNotMatch(fixed, /20261201122813/);
    assert.equal(fixed.match(/\(D:20261201103005\+00'00'\)/g)?.length, 2);
    assert.ok(fixed.includes(`/Subject ${pdfTextString(info.subject)}`));
    assert.ok(fixed.includes(`/Title ${pdfTextString(info.title)}`));
    assert.ok(fixed.includes(`/Producer ${pdfTextString("Skia/PDF m156")}`), "keeps the producer");
    assertValidOffsets(Buffer.from(fixed, "latin1"));
  });

  it("gives the same bytes for the same content, whenever Chromium printed it, and another /ID for other content", () => {
    const a = fixPdf(sample(), info);
    const b = fixPdf(Buffer.from(sample().toString("latin1").replaceAll("20261201122813", "20270315080000"), "latin1"), info);
    assert.deepEqual(a, b);
    const id = (pdf: Buffer) => /\/ID \[<([0-9A-F]{32})> <\1>\]/.exec(pdf.toString("latin1"))?.[1];
    assert.ok(id(a));
    assert.notEqual(id(fixPdf(sample(), { ...info, subject: "another" })), id(a));
  });

  it("renumbers the structure's node ids by rank, in place, and leaves streams alone", () => {
    const a = fixPdf(sample(["00000561", "00000510"]), info).toString("latin1");
    const b = fixPdf(sample(["00000900", "00000700"]), info).toString("latin1");
    assert.equal(a, b);
    assert.ok(a.includes("/ID (node00000002)>>") && a.includes("/ID (node00000001)>>"));
    assert.ok(a.includes("(node00000007)\nendstream"), "stream content is not touched");
    assert.equal(renumberNodeIds("(node00000042) (node00000042) (node00000003)"), "(node00000002) (node00000002) (node00000001)");
  });

  it("refuses a PDF of another layout rather than publish it stamped", () => {
    const updated = Buffer.concat([sample(), Buffer.from("\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1>>\nstartxref\n9\n%%EOF", "latin1")]);
    assert.throws(() => fixPdf(updated, info), /report\.pdf: not exactly one startxref/);
    assert.throws(() => fixPdf(Buffer.from(sample().toString("latin1").replace("/Info 1 0 R", ""), "latin1"), info), /no \/Info/);
  });

  it("writes PDF dates in UTC and text strings in UTF-16", () => {
    assert.equal(pdfDate(0), "D:19700101000000+00'00'");
    assert.equal(pdfTextString("a–"), "<FEFF00612013>");
  });
});
