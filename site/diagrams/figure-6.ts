// Figure #6 – US Buyer Investment Areas (thesis, section 4.2), "developed by Bazan and Navas-Aleman".
// The text does not list the figure's investment areas; it describes, just before citing it, what
// the US value chain concentrates on and what upgrading that leaves the Sinos Valley. That is what
// is drawn here.
import { Drawing, type Basis, type DiagramFigure } from "./svg.ts";

const basis: Basis[] = [
  { line: 2563, quote: "Figure #6 – US Buyer Investment Areas" },
  {
    line: 2624,
    quote: "A useful diagram (Figure #6), developed by Bazan and Navas-Aleman (2004, p.117), outlines the core investment areas undertaken by the US chain.",
  },
  { line: 2554, quote: "This has resulted, principally, in the US buyers who pressure Sinos Valley producers to continually lower production costs." },
  { line: 2615, quote: "The principal line of concentration for the US value chain emphasizes cost cutting initiatives." },
  { line: 2621, quote: "A primary technique is to limit the number of rejected pairs of shoes in terms of quality." },
  { line: 2623, quote: "Moreover, there is a heavy concentration on the reduction of wasted materials so as to lower overall costs." },
  { line: 2630, quote: "Obviously, the main consideration is on price, while at the same time demanding ever better quality from the producers." },
  {
    line: 2642,
    quote:
      "This limits the nature of relationships between the US and the Sinos Valley with the later primarily concerned with process and product upgrading and at times neglecting functional upgrading.",
  },
];

const caption = "Figure #6 – US Buyer Investment Areas";

const description =
  "A flow from top to bottom. US buyers (the main consideration is on price, while at the same time demanding ever better quality) have an arrow labelled “principal line of concentration” to cost cutting initiatives, " +
  "which branch into two techniques: limit the number of rejected pairs of shoes in terms of quality, and reduction of wasted materials so as to lower overall costs. " +
  "Both lead, by arrows labelled “pressure”, to Sinos Valley producers, who are primarily concerned with process and product upgrading " +
  "and, by a dashed arrow to a dashed box, at times neglecting functional upgrading.";

const missing =
  "The original is a diagram by Bazan and Navas-Aleman (2004, p.117) that, the text says, “outlines the core investment areas undertaken by the US chain”. " +
  "The text never lists those areas: their names, number, grouping, layout and any values are unknown. " +
  "This drawing shows instead what the paragraphs around the figure say the US chain concentrates on and what upgrading that leaves the cluster; the original's areas may differ.";

/** The caption is the original's; the drawing is not: it says so under the caption. */
const standIn =
  "Not the original diagram. The thesis never lists the investment areas this figure shows; drawn here instead is what the paragraphs around it say the US chain concentrates on.";

export function figure6(): DiagramFigure {
  const d = new Drawing("diagram-6");
  const W = 440;
  const gap = 40;
  const label = (text: string, b: number, x: number, y: number, anchor: "start" | "end" = "start", width = 110) =>
    d.text({ text, basis: b, x, y, width, anchor, size: 12 });

  const buyers = d.node(90, 8, 260, [
    { text: "US buyers", basis: 2, bold: true },
    { text: "the main consideration is on price, while at the same time demanding ever better quality", basis: 6, size: 12 },
  ]);
  const cutting = d.node(110, buyers.y + buyers.h + gap, 220, [{ text: "cost cutting initiatives", basis: 3, bold: true }]);
  d.arrow([buyers.bottom, cutting.top]);
  label("principal line of concentration", 3, buyers.cx + 8, buyers.y + buyers.h + 24, "start", 230);

  const techniqueTexts = {
    rejects: [{ text: "limit the number of rejected pairs of shoes in terms of quality", basis: 4 }],
    waste: [{ text: "reduction of wasted materials so as to lower overall costs", basis: 5 }],
  };
  const th = Math.max(Drawing.nodeHeight(200, techniqueTexts.rejects), Drawing.nodeHeight(200, techniqueTexts.waste));
  const rejects = d.node(10, cutting.y + cutting.h + gap, 200, techniqueTexts.rejects, { h: th });
  const waste = d.node(230, rejects.y, 200, techniqueTexts.waste, { h: th });
  d.arrow([[cutting.cx - 40, cutting.y + cutting.h], rejects.top]);
  d.arrow([[cutting.cx + 40, cutting.y + cutting.h], waste.top]);

  const producers = d.node(110, rejects.y + rejects.h + gap, 220, [{ text: "Sinos Valley producers", basis: 2, bold: true }]);
  d.arrow([rejects.bottom, [producers.cx - 40, producers.y]]);
  d.arrow([waste.bottom, [producers.cx + 40, producers.y]]);
  label("pressure", 2, rejects.cx - 6, rejects.y + rejects.h + 24, "end");
  label("pressure", 2, waste.cx + 6, waste.y + waste.h + 24);

  const outcomeY = producers.y + producers.h + gap + 8;
  const upgrading = d.node(10, outcomeY, 200, [{ text: "process and product upgrading", basis: 7, bold: true }]);
  const functional = d.node(230, outcomeY, 200, [{ text: "functional upgrading", basis: 7, bold: true }], { h: upgrading.h, dashed: true });
  d.arrow([[producers.cx - 40, producers.y + producers.h], upgrading.top]);
  d.arrow([[producers.cx + 40, producers.y + producers.h], functional.top], { dashed: true });
  label("primarily concerned with", 7, upgrading.cx - 6, producers.y + producers.h + 18, "end");
  label("at times neglecting", 7, functional.cx + 6, producers.y + producers.h + 18);

  const svg = d.render({ width: W, height: Math.ceil(functional.y + functional.h + 8), title: `Not ${caption}: what the thesis's text around it says of the US chain`, description });
  return { number: 6, caption, svg, description, basis, missing, labels: d.labels, standIn };
}
