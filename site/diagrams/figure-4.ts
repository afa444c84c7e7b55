// Figure #4 – Developing Country Cluster Typologies (thesis, section 3.3; note 6): the governance
// typologies of global value chains, after Sturgeon, in the order and the words the text gives them.
import { Drawing, type Basis, type DiagramFigure } from "./svg.ts";

const basis: Basis[] = [
  { line: 2055, quote: "According to Sturgeon, GVCs are governed by one of the five different typologies (as illustrated in Figure #46)." },
  {
    line: 2059,
    quote: "Markets. This concept is most closely related to perfect competition model, where transactions are carried out by firms based on price specification.",
  },
  { line: 2067, quote: "Modular value chains. Within the structure of value chains, suppliers produce products based on consumer specifications." },
  {
    line: 2080,
    quote:
      "Relational value chains. Quite possibly the most complex form of governance structure, business and sellers interact extensively, creating a mutual dependence and high levels of asset specificity.",
  },
  { line: 2102, quote: "Captive value chains. Within these structures, smaller suppliers become transactionally dependent on a much larger buyer." },
  {
    line: 2114,
    quote:
      "Hierarchy. Characterized by a complete vertical integration of the firms, the primary form of control is managerial with the lead firm’s headquarters dictating the direction of its subsidiaries and affiliates (Powell, 1990).",
  },
  { line: 2120, quote: "Clearly, from the aforementioned typology this furthers and dictates the structure of the developing country cluster." },
  { line: 2072, quote: "Figure #4 – Developing Country Cluster Typologies" },
  {
    line: 4801,
    quote:
      "6 Sturgeon, T. (2005). Globalization Research @ Sloan; Where are we headed?. Sloan Industry Studies: Annual Meeting. December 14-16, 2006: http://web.mit.edu/ipc/sloan05/sturgeon_slides.pdf",
  },
];

const caption = "Figure #4 – Developing Country Cluster Typologies";

const typologies = [
  { name: "Markets", gloss: "transactions are carried out by firms based on price specification", basis: 1 },
  { name: "Modular value chains", gloss: "suppliers produce products based on consumer specifications", basis: 2 },
  { name: "Relational value chains", gloss: "a mutual dependence and high levels of asset specificity", basis: 3 },
  { name: "Captive value chains", gloss: "smaller suppliers become transactionally dependent on a much larger buyer", basis: 4 },
  { name: "Hierarchy", gloss: "a complete vertical integration of the firms", basis: 5 },
];

const description =
  "GVCs, at the top, have arrows labelled “governed by” to five typologies, listed in the order the text gives them: " +
  typologies.map((t) => `${t.name} (${t.gloss})`).join("; ") +
  ". Lines from all five join into one arrow, labelled “dictates”, to the structure of the developing country cluster.";

const missing =
  "The original is an image, which note 6 credits to Sturgeon's slides (2005). The text names its five typologies and describes each, but not how the image drew them: " +
  "its layout, its shapes and any arrows, scale or ordering among the typologies are unknown. " +
  "The list order here is the order of the text; the “dictates” arrow comes from the sentence after the list, not from the image.";

export function figure4(): DiagramFigure {
  const d = new Drawing("diagram-4");
  const W = 440;
  const spine = 24;
  const box = { x: 46, w: 350 };
  const collector = 420;

  const gvcs = d.node(5, 8, 90, [{ text: "GVCs", basis: 0, bold: true, size: 14 }], { h: 34 });
  d.text({ text: "governed by", basis: 0, x: spine + 8, y: gvcs.y + gvcs.h + 17, width: 120, anchor: "start", size: 12 });

  let y = gvcs.y + gvcs.h + 30;
  const placed = typologies.map((t) => {
    const p = d.node(box.x, y, box.w, [
      { text: t.name, basis: t.basis, bold: true },
      { text: t.gloss, basis: t.basis, size: 12 },
    ]);
    y += p.h + 12;
    return p;
  });
  d.arrow([[spine, gvcs.y + gvcs.h], [spine, placed.at(-1)!.cy]], { head: "none" });
  for (const p of placed) d.arrow([[spine, p.cy], p.left]);

  const structure = d.node(box.x, y + 26, box.w, [{ text: "the structure of the developing country cluster", basis: 6, bold: true }]);
  for (const p of placed) d.arrow([p.right, [collector, p.cy]], { head: "none" });
  d.arrow([[collector, placed[0]!.cy], [collector, structure.cy], structure.right]);
  d.text({ text: "dictates", basis: 6, x: collector - 6, y: y + 12, width: 80, anchor: "end", size: 12 });

  const svg = d.render({ width: W, height: Math.ceil(structure.y + structure.h + 8), title: `${caption}, redrawn from the thesis's text`, description });
  return { number: 4, caption, svg, description, basis, missing, labels: d.labels };
}
