import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readSeeds } from "../../../data-loaders/normalize/sources.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { figure1 } from "../../../site/diagrams/figure-1.ts";
import { figure2 } from "../../../site/diagrams/figure-2.ts";
import { figure3 } from "../../../site/diagrams/figure-3.ts";
import { figure4 } from "../../../site/diagrams/figure-4.ts";
import { figure5 } from "../../../site/diagrams/figure-5.ts";
import { figure6 } from "../../../site/diagrams/figure-6.ts";
import { escapeXml, type DiagramFigure } from "../../../site/diagrams/svg.ts";

/** The thesis's text, as raw/sources.tsv names it and its hash checks it. */
const THESIS = (await readSeeds(RAW_DIR)).find((s) => s.source.id === "thesis")!.text;

/** The seed with every run of white space collapsed to one space, and the line each character stands on. */
function collapsedSeed(): { text: string; lineAt: number[] } {
  let text = "";
  const lineAt: number[] = [];
  let line = 1;
  let pendingSpace = false;
  for (const ch of THESIS) {
    if (/\s/.test(ch)) {
      if (ch === "\n") line++;
      pendingSpace = text.length > 0;
      continue;
    }
    if (pendingSpace) {
      text += " ";
      lineAt.push(line);
      pendingSpace = false;
    }
    text += ch;
    for (let i = 0; i < ch.length; i++) lineAt.push(line);
  }
  return { text, lineAt };
}

/** The lines on which `quote` starts in the collapsed seed. */
function linesOf(seed: { text: string; lineAt: number[] }, quote: string): number[] {
  const lines: number[] = [];
  for (let at = seed.text.indexOf(quote); at >= 0; at = seed.text.indexOf(quote, at + 1)) lines.push(seed.lineAt[at]!);
  return lines;
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string, where: string): string {
  return text.replace(/&([^;&\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(";")) throw new Error(`${where}: bare "&"`);
    if (name in ENTITY) return ENTITY[name]!;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#([0-9]+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`${where}: unknown entity &${name};`);
    return String.fromCodePoint(parseInt(code, name.startsWith("#x") ? 16 : 10));
  });
}

/**
 * A minimal XML parser for the drawings: elements, attributes, text and entities (no comments,
 * CDATA, doctypes or processing instructions, which the drawings do not use). It throws on
 * anything not well-formed: unbalanced or crossed tags, bad attributes, a stray "<" or "&",
 * or anything but white space outside the one root element.
 */
function parseXml(source: string): XmlElement {
  const name = "[A-Za-z_][\\w.:-]*";
  const tag = new RegExp(`^<(/?)(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  const attribute = new RegExp(`(${name})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, "g");
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  while (at < source.length) {
    if (source[at] === "<") {
      const match = tag.exec(source.slice(at));
      if (!match) throw new Error(`malformed tag at ${at}: ${source.slice(at, at + 40)}`);
      const [whole, closing, tagName, attrs, selfClosing] = match;
      if (closing) {
        if (attrs!.trim() || selfClosing) throw new Error(`malformed end tag at ${at}`);
        const open = stack.pop();
        if (open?.name !== tagName) throw new Error(`</${tagName}> at ${at} closes <${open?.name ?? "nothing"}>`);
      } else {
        if (stack.length === 0 && root) throw new Error(`a second root element <${tagName}> at ${at}`);
        const element: XmlElement = { name: tagName!, attributes: {}, children: [] };
        for (const [, key, double, single] of attrs!.matchAll(attribute)) {
          if (key! in element.attributes) throw new Error(`<${tagName}> at ${at}: duplicate attribute ${key}`);
          element.attributes[key!] = decode(double ?? single ?? "", `<${tagName}> at ${at}`);
        }
        if (stack.length) stack.at(-1)!.children.push(element);
        else root = element;
        if (!selfClosing) stack.push(element);
      }
      at += whole.length;
    } else {
      const end = source.indexOf("<", at) < 0 ? source.length : source.indexOf("<", at);
      const text = source.slice(at, end);
      if (stack.length) stack.at(-1)!.children.push(decode(text, `text at ${at}`));
      else if (text.trim()) throw new Error(`text outside the root element at ${at}`);
      at = end;
    }
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    if (typeof child === "string") continue;
    yield child;
    yield* descendants(child);
  }
}

const textContent = (element: XmlElement): string =>
  element.children.map((child) => (typeof child === "string" ? child : ` ${textContent(child)} `)).join("");

/** What each <text> element shows, its lines (tspans) joined by spaces. */
const shownTexts = (svg: XmlElement) => [...descendants(svg)].filter((e) => e.name === "text").map((e) => textContent(e).replace(/\s+/g, " ").trim());

/** A word the PDF hyphenated at a line end, "pre- established", written whole. */
const dehyphenate = (text: string) => text.replace(/(\w)- (\w)/g, "$1-$2");

const figures: DiagramFigure[] = [figure1(), figure2(), figure3(), figure4(), figure5(), figure6()];
const seed = collapsedSeed();

describe("the SVG helpers", () => {
  it("escapes the five XML specials", () => {
    assert.equal(escapeXml(`<a href="x">Tom & Jerry's</a>`), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });
  it("parses well-formed XML and refuses malformed XML", () => {
    assert.equal(parseXml(`<svg a="1"><text>x &amp; y</text><path d="M0 0"/></svg>`).children.length, 2);
    for (const bad of [`<svg><text></svg></text>`, `<svg><text>a</svg>`, `<svg a=1></svg>`, `<svg>a & b</svg>`, `<svg></svg><svg></svg>`, `<svg>a < b</svg>`])
      assert.throws(() => parseXml(bad), bad);
  });
});

describe("the thesis's Figures #1–#6, redrawn", () => {
  it("are numbered 1 to 6, in order, each with its caption as printed", () => {
    assert.deepEqual(figures.map((f) => f.number), [1, 2, 3, 4, 5, 6]);
    for (const f of figures) assert.match(f.caption, new RegExp(`^Figure #${f.number}( – |$)`));
  });

  for (const figure of figures) {
    describe(figure.caption, () => {
      const svg = parseXml(figure.svg);

      it("is a well-formed, scalable, labelled SVG image", () => {
        assert.equal(svg.name, "svg");
        assert.equal(svg.attributes.xmlns, "http://www.w3.org/2000/svg");
        assert.equal(svg.attributes.role, "img");
        assert.match(svg.attributes.viewBox ?? "", /^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
        assert.equal(svg.attributes.width, undefined, "no fixed width");
        assert.equal(svg.attributes.height, undefined, "no fixed height");
        const [title, desc] = [svg.children[0], svg.children[1]] as XmlElement[];
        assert.equal(title?.name, "title");
        assert.ok(textContent(title!).includes(figure.caption));
        assert.equal(desc?.name, "desc");
        assert.equal(textContent(desc!), figure.description);
        assert.equal(svg.attributes["aria-labelledby"], title!.attributes.id);
        assert.equal(svg.attributes["aria-describedby"], desc!.attributes.id);
      });

      it("is small, self-contained, and follows the page's colours and fonts", () => {
        assert.ok(figure.svg.length < 8000, `${figure.svg.length} bytes`);
        assert.equal(svg.attributes["font-family"], "system-ui, sans-serif");
        assert.doesNotMatch(figure.svg, /<(image|script|style|foreignObject|a)\b|href=|url\((?!#)|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
        for (const element of descendants(svg)) {
          for (const key of ["fill", "stroke"]) {
            const value = element.attributes[key];
            if (value !== undefined) assert.ok(value === "none" || value === "currentColor", `<${element.name} ${key}="${value}">`);
          }
          const opacity = element.attributes["fill-opacity"];
          if (opacity !== undefined) assert.ok(Number(opacity) <= 0.15, `fill-opacity ${opacity}`);
        }
        const ids = [...descendants(svg)].map((e) => e.attributes.id).filter(Boolean);
        assert.ok(ids.every((id) => id!.startsWith(`diagram-${figure.number}-`)), `ids: ${ids.join(", ")}`);
      });

      it("shows exactly the labels it claims, and no number", () => {
        assert.ok(figure.labels.length > 0);
        assert.deepEqual(shownTexts(svg), figure.labels.map((l) => l.text));
        for (const label of figure.labels) assert.doesNotMatch(label.text, /\d/, label.text);
      });

      it("takes every label from one of its passages", () => {
        for (const label of figure.labels) {
          const quote = figure.basis[label.basis]?.quote;
          assert.ok(quote, `${label.text}: no passage ${label.basis}`);
          assert.ok(dehyphenate(quote).toLowerCase().includes(label.text.toLowerCase()), `"${label.text}" is not in line ${figure.basis[label.basis]!.line}: "${quote}"`);
        }
      });

      it("quotes the thesis verbatim, at the lines it names", () => {
        assert.ok(figure.basis.length > 0);
        for (const { line, quote } of figure.basis) {
          assert.equal(quote, quote.replace(/\s+/g, " ").trim(), `white space in "${quote}"`);
          const lines = linesOf(seed, quote);
          assert.ok(lines.length > 0, `not in the thesis: "${quote}"`);
          assert.ok(lines.includes(line), `"${quote.slice(0, 50)}…" starts on line ${lines.join(" or ")}, not ${line}`);
        }
      });

      it("cites the figure's own caption, whose title the thesis prints", () => {
        assert.ok(figure.basis.some((b) => new RegExp(`Figure ?# ?${figure.number}\\b`).test(b.quote)), "no passage prints the figure's number");
        const title = figure.caption.split(" – ")[1];
        if (title) assert.ok(seed.text.includes(title), title);
      });

      it("has a text alternative and says what the original had that the text does not give", () => {
        assert.ok(figure.description.trim().length > 80);
        assert.match(figure.description, /\.$/);
        assert.ok(figure.missing.trim().length > 40);
        assert.match(figure.missing, /original/i);
      });
    });
  }
});

describe("Figure #6, which the text cannot reproduce", () => {
  it("says under its caption and in its title that the drawing is not the original (the text never lists the investment areas)", () => {
    const six = figures.find((f) => f.number === 6)!;
    assert.match(six.standIn ?? "", /^Not the original diagram\. The thesis never lists the investment areas/);
    assert.match(six.svg, /<title[^>]*>Not Figure #6 – US Buyer Investment Areas: /);
    // The other figures are drawn from what the text says of them, and carry no such notice.
    assert.deepEqual(figures.filter((f) => f.standIn).map((f) => f.number), [6]);
  });
});

describe("Figure #6 in the page's HTML", () => {
  it("carries its stand-in notice inside the caption; the others carry none", async () => {
    const { diagramHtml } = await import("../../../site/html/diagram.ts");
    const six = diagramHtml(figures.find((f) => f.number === 6)!);
    assert.match(six, /<figcaption>Figure #6 – US Buyer Investment Areas<span class="diagram-stand-in">Not the original diagram\./);
    assert.ok(!diagramHtml(figures.find((f) => f.number === 1)!).includes("diagram-stand-in"));
  });
});
