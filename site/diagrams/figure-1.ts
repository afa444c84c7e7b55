// Figure #1 – Theoretical Framework (thesis, section 2.4): the three theories and what they act on.
// The four names are the image's own labels, which the text extraction kept (lines 1320–1323 and
// 1390–1396); the relations are those section 2.4 states in words.
import { Drawing, type Basis, type DiagramFigure } from "./svg.ts";

const basis: Basis[] = [
  { line: 1320, quote: "Clusters and BAs Transaction Cost Theory" },
  { line: 1387, quote: "Figure # 1- Theoretical Framework Institutional Theory Social Capital Theory" },
  {
    line: 1379,
    quote: "it is logical to lead with the institutional framework as an influential pillar that not only governs the actions of BAs, but also establishes the setting",
  },
  {
    line: 1402,
    quote:
      "social capital theory, and TC Theory have been selected not only for how they respond to the norms established by institutional theory, but also in how they may exact change throughout the overarching model.",
  },
  {
    line: 1440,
    quote: "by linking institutional theory and social capital theory, these theories are able to complement each other and make up for their shortcomings.",
  },
  { line: 1458, quote: "By placing TC theory as a node that interacts with the institutional framework and further complemented by social capital theory" },
  {
    line: 3982,
    quote: "At its core, the framework centers on institutional parameters that frame BA strategies and overall cluster development through formal and informal constraints.",
  },
  {
    line: 3969,
    quote: "a brief reference to the theoretical framework – linking institutional theory, social capital theory, and transaction cost theory – will be revisited (see figure #1).",
  },
];

const caption = "Figure #1 – Theoretical Framework";

const description =
  "Four boxes. Institutional Theory stands at the top, as the pillar of the framework; an arrow from it to Clusters and BAs, in the middle, is labelled “governs the actions of BAs”. " +
  "Transaction Cost Theory (bottom left) and Social Capital Theory (bottom right) each have an arrow to Clusters and BAs labelled “exact change”. " +
  "A two-headed arrow labelled “interacts” joins Institutional Theory and Transaction Cost Theory; one labelled “complement each other” joins Institutional Theory and Social Capital Theory; " +
  "and a line labelled “complemented by” joins Transaction Cost Theory to Social Capital Theory.";

const missing =
  "The original is an image. The extracted text keeps only its four labels: Clusters and BAs, Transaction Cost Theory, Institutional Theory and Social Capital Theory. " +
  "Its layout, its shapes and whatever arrows or lines joined them are unknown: the arrows drawn here, and their wording, come from the relations section 2.4 states in words, not from the image.";

export function figure1(): DiagramFigure {
  const d = new Drawing("diagram-1");
  const title = (text: string, b: number) => ({ text, basis: b, bold: true, size: 14 });
  const institutional = d.node(130, 12, 180, [title("Institutional Theory", 1)], { h: 42 });
  const clusters = d.node(150, 150, 140, [title("Clusters and BAs", 0)], { h: 42 });
  const transaction = d.node(10, 290, 150, [title("Transaction Cost Theory", 0)]);
  const social = d.node(280, 290, 150, [title("Social Capital Theory", 1)]);

  d.arrow([institutional.bottom, clusters.top]);
  d.text({ text: "governs the actions of BAs", basis: 2, x: 228, y: 92, width: 100, anchor: "start" });

  d.arrow([institutional.left, [40, institutional.cy], [40, transaction.y]], { head: "both" });
  d.text({ text: "interacts", basis: 5, x: 48, y: 125, width: 80, anchor: "start" });

  d.arrow([institutional.right, [400, institutional.cy], [400, social.y]], { head: "both" });
  d.text({ text: "complement each other", basis: 4, x: 392, y: 118, width: 90, anchor: "end" });

  d.arrow([transaction.right, social.left], { head: "none" });
  d.text({ text: "complemented by", basis: 5, x: 220, y: transaction.cy - 7, width: 120 });

  d.arrow([[transaction.cx + 35, transaction.y], [clusters.x + 20, clusters.y + clusters.h]]);
  d.text({ text: "exact change", basis: 3, x: 130, y: 238, width: 56, anchor: "end" });
  d.arrow([[social.cx - 35, social.y], [clusters.x + clusters.w - 20, clusters.y + clusters.h]]);
  d.text({ text: "exact change", basis: 3, x: 310, y: 238, width: 56, anchor: "start" });

  const svg = d.render({ width: 440, height: 352, title: `${caption}, redrawn from the thesis's text`, description });
  return { number: 1, caption, svg, description, basis, missing, labels: d.labels };
}
