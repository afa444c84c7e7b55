// Figure #2 (thesis, Part II, chapter 3; note 2): Stiglitz's (2000) flow chart comparing the
// "low-road" and the "high-road" to competitiveness. The text names the two roads, what each
// leads to or comes from, and what tells them apart; the chart itself is not in the text.
import { Drawing, type Basis, type DiagramFigure } from "./svg.ts";

const basis: Basis[] = [
  {
    line: 1564,
    quote:
      "A further benefit emerges through the prospect for greater learning opportunities, leading as Sengenberger and Pyke (1991) refer to as the “high-road” of competitiveness rather than the traditional “race to the bottom” or “low-road” approach",
  },
  {
    line: 1570,
    quote:
      "The key difference between the “high” and the “low-road” to competitiveness is often explained by the degree of possibility of firms to upgrade through the process of innovation",
  },
  { line: 1576, quote: "The comparisons between the “low-road” and the “high-road” can be illustrated in Stiglitz’s (2000) flow chart." },
  { line: 1578, quote: "Critically, the “low-road” has important impacts on the development of labor, production and capital markets." },
  {
    line: 1582,
    quote:
      "This leads to what many economists believe to be stagnation in the production process due to their inability to evolve and develop their productive competencies (Stiglitz, 2000, p.16).",
  },
  { line: 1584, quote: "Various factors that influence employment as a result of the ‘low’ and ‘high’ road are illustrated in Figure #22." },
  { line: 1646, quote: "Figure #2" },
  { line: 4788, quote: "2 Figure #2 Stiglitz, J. (2000) Democratic Development as the Fruits of Labor. World Bank. Boston" },
];

const caption = "Figure #2";

const description =
  "A flow chart in two columns under the heading “factors that influence employment as a result of the ‘low’ and ‘high’ road”. " +
  "A box at the top, “key difference between the ‘high’ and the ‘low-road’: the degree of possibility of firms to upgrade through the process of innovation”, is joined by dashed lines to both roads. " +
  "In the left column, “race to the bottom” or “low-road” has an arrow labelled “important impacts on” to labor, production and capital markets, which has an arrow labelled “leads to” to stagnation in the production process. " +
  "In the right column, greater learning opportunities has an arrow labelled “leading” up to the “high-road” of competitiveness.";

const missing =
  "The original is an image, which note 2 credits to Stiglitz (2000), “Democratic Development as the Fruits of Labor”; the thesis prints no title for it. " +
  "The text says only that it compares the “low-road” and the “high-road” and shows “various factors that influence employment”: it does not list those factors, nor its boxes, arrows or layout. " +
  "It says nothing of where the high road leads. This drawing shows only the steps the text names around it.";

export function figure2(): DiagramFigure {
  const d = new Drawing("diagram-2");
  const W = 440;
  const col = { left: 10, right: 250, w: 180 };

  d.text({ text: "factors that influence employment as a result of the ‘low’ and ‘high’ road", basis: 5, x: W / 2, y: 18, width: 300, italic: true });

  const difference = d.node(40, 52, 360, [
    { text: "key difference between the “high” and the “low-road”", basis: 1, bold: true },
    { text: "the degree of possibility of firms to upgrade through the process of innovation", basis: 1 },
  ]);

  const rowY = difference.y + difference.h + 36;
  const roadTexts = {
    low: [{ text: "“race to the bottom” or “low-road”", basis: 0, bold: true }],
    high: [{ text: "“high-road” of competitiveness", basis: 0, bold: true }],
  };
  const roadH = Math.max(Drawing.nodeHeight(col.w, roadTexts.low), Drawing.nodeHeight(col.w, roadTexts.high));
  const low = d.node(col.left, rowY, col.w, roadTexts.low, { h: roadH });
  const high = d.node(col.right, rowY, col.w, roadTexts.high, { h: roadH });
  d.arrow([[low.cx + 30, difference.y + difference.h], [low.cx + 30, low.y]], { head: "none", dashed: true });
  d.arrow([[high.cx - 30, difference.y + difference.h], [high.cx - 30, high.y]], { head: "none", dashed: true });

  const gap = 46;
  const markets = d.node(col.left, low.y + low.h + gap, col.w, [{ text: "labor, production and capital markets", basis: 3 }]);
  d.arrow([low.bottom, markets.top]);
  d.text({ text: "important impacts on", basis: 3, x: low.cx + 8, y: low.y + low.h + 19, width: 90, anchor: "start", size: 12 });

  const stagnation = d.node(col.left, markets.y + markets.h + gap, col.w, [{ text: "stagnation in the production process", basis: 4 }]);
  d.arrow([markets.bottom, stagnation.top]);
  d.text({ text: "leads to", basis: 4, x: markets.cx + 8, y: markets.y + markets.h + 27, width: 90, anchor: "start", size: 12 });

  const learning = d.node(col.right, high.y + high.h + gap, col.w, [{ text: "greater learning opportunities", basis: 0 }]);
  d.arrow([learning.top, high.bottom]);
  d.text({ text: "leading", basis: 0, x: high.cx + 8, y: high.y + high.h + 27, width: 80, anchor: "start", size: 12 });

  const svg = d.render({ width: W, height: Math.ceil(stagnation.y + stagnation.h + 8), title: `${caption}: the “low-road” and the “high-road”, redrawn from the thesis's text`, description });
  return { number: 2, caption, svg, description, basis, missing, labels: d.labels };
}
