// Figure #5 – Five Forms of Upgrading (thesis, section 3.4): the five forms the text names, each
// with what the text says it is and the case it cites for it.
import { Drawing, type Basis, type DiagramFigure } from "./svg.ts";

const basis: Basis[] = [
  { line: 2139, quote: "Gerreffi (2003, p.12) defines “upgrading as innovating to increase value added." },
  { line: 2159, quote: "Five specific forms of upgrading can be identified (as illustrated in Figure #5) from academic literature." },
  {
    line: 2161,
    quote:
      "Process Upgrading (as denoted in the Sinos Valley footwear industry, Schmitz, 1996, 1999) where the process of more efficiently producing outputs is governed by improvements in input manipulation.",
  },
  { line: 2167, quote: "Product Upgrading denotes the expansion of production lines by firms who work towards seizing greater market share." },
  {
    line: 2171,
    quote: "Gereffi (1999) provides the example of Asian upgrading in the apparel industry, where firms start producing for discount chains and department stores.",
  },
  { line: 2179, quote: "Functional Upgrading is achieved by obtaining new and superior functions within the value chain." },
  { line: 2187, quote: "The blue-jean industry in Torreon Mexico is a regularly sited case" },
  {
    line: 2191,
    quote:
      "Taiwan’s experience in the production of TV monitors encouraged their growth into the computer sector and this consists of an example of Intersectoral Upgrading.",
  },
  { line: 2195, quote: "Such upgrading encourages firms to place pre- established competencies within a new sector" },
  {
    line: 2198,
    quote: "A further option is Marketing Upgrading which refers to a shift within the GVC, whereby one is producing products with higher-value added",
  },
  { line: 2135, quote: "Barber, 2005, p.16 Figure #5 – Five Forms of Upgrading" },
];

const caption = "Figure #5 – Five Forms of Upgrading";

const forms = [
  { name: { text: "Process Upgrading", basis: 2 }, gloss: { text: "more efficiently producing outputs", basis: 2 }, example: { text: "the Sinos Valley footwear industry", basis: 2 } },
  { name: { text: "Product Upgrading", basis: 3 }, gloss: { text: "the expansion of production lines", basis: 3 }, example: { text: "Asian upgrading in the apparel industry", basis: 4 } },
  {
    name: { text: "Functional Upgrading", basis: 5 },
    gloss: { text: "obtaining new and superior functions within the value chain", basis: 5 },
    example: { text: "The blue-jean industry in Torreon Mexico", basis: 6 },
  },
  {
    name: { text: "Intersectoral Upgrading", basis: 7 },
    gloss: { text: "place pre-established competencies within a new sector", basis: 8 },
    example: { text: "Taiwan’s experience in the production of TV monitors encouraged their growth into the computer sector", basis: 7 },
  },
  { name: { text: "Marketing Upgrading", basis: 9 }, gloss: { text: "producing products with higher-value added", basis: 9 } },
];

const description =
  "At the top, “upgrading as innovating to increase value added”. Arrows labelled “forms of upgrading” lead from it to five boxes, in the order the text names them: " +
  forms.map((f) => `${f.name.text}, ${f.gloss.text}${f.example ? ` (case: ${f.example.text})` : ""}`).join("; ") +
  ".";

const missing =
  "The original is an image; a credit printed just above its caption reads “Barber, 2005, p.16”. The text names the five forms and describes each, but not how the image drew them: " +
  "its layout, its shapes, any arrows or ordering among the forms, and any wording of its own are unknown. The cases in italics are the ones the text cites, not necessarily the image's.";

export function figure5(): DiagramFigure {
  const d = new Drawing("diagram-5");
  const W = 440;
  const spine = 24;
  const box = { x: 46, w: 384 };

  const upgrading = d.node(5, 8, 300, [{ text: "upgrading as innovating to increase value added", basis: 0, bold: true }]);
  d.text({ text: "forms of upgrading", basis: 1, x: spine + 8, y: upgrading.y + upgrading.h + 17, width: 160, anchor: "start", size: 12 });

  let y = upgrading.y + upgrading.h + 30;
  const placed = forms.map((f) => {
    const p = d.node(box.x, y, box.w, [
      { ...f.name, bold: true },
      { ...f.gloss, size: 12 },
      ...(f.example ? [{ ...f.example, size: 12, italic: true }] : []),
    ]);
    y += p.h + 12;
    return p;
  });
  d.arrow([[spine, upgrading.y + upgrading.h], [spine, placed.at(-1)!.cy]], { head: "none" });
  for (const p of placed) d.arrow([[spine, p.cy], p.left]);

  const svg = d.render({ width: W, height: Math.ceil(y - 4), title: `${caption}, redrawn from the thesis's text`, description });
  return { number: 5, caption, svg, description, basis, missing, labels: d.labels };
}
