// Figure #3 (thesis, section 3.1; note 3): Porter's Diamond, as the thesis describes it: the four
// factors it lists "form the nodes" of the diamond, which establishes forms of competitive
// advantage; government and chance were added later.
import { Drawing, type Basis, type DiagramFigure } from "./svg.ts";

const basis: Basis[] = [
  {
    line: 1695,
    quote:
      "These above-mentioned factors form the nodes of Porter’s famous above illustrated Diamond – Figure #33 establishing forms of competitive advantage to firms inhabiting a specific geographic area (Porter, 1990).",
  },
  { line: 1669, quote: "Clusters of mainly small and medium-sized enterprises spatially concentrated and sectorially specialized;" },
  { line: 1674, quote: "A set of forward and backward linkages, based both on market and non- market exchanges of goods, information and people;" },
  { line: 1680, quote: "A common cultural and social background linking economic agents and creating a behavioral code, sometimes explicit but often implicit;" },
  { line: 1687, quote: "A network of public and private local institutions supporting the economic agents acting within the cluster." },
  {
    line: 1699,
    quote:
      "Later, Porter expanded these points to include the role of government and the supportive role it can play to enhance, shore-up, and encourage cluster development – of which BAs play an integral part.",
  },
  {
    line: 1703,
    quote: "The concept of chance was the final node added to Porter’s Diamond, whereby unknown and unpredictable circumstances can affect the",
  },
  { line: 1663, quote: "Porter emerged with four key factors characterizing clusters" },
  { line: 4792, quote: "3Figure #3 - http://nvk.multilink.hr/english/images/graf-1.gif Last verified location: 28/11/08" },
];

const caption = "Figure #3";

const description =
  "Porter’s Diamond as the thesis describes it. Four boxes sit at the corners of a diamond drawn with plain lines: " +
  "at the top, small and medium-sized enterprises, spatially concentrated and sectorially specialized; " +
  "at the right, forward and backward linkages, exchanges of goods, information and people; " +
  "at the bottom, a common cultural and social background, creating a behavioral code; " +
  "at the left, public and private local institutions, supporting the economic agents acting within the cluster. " +
  "Inside the diamond: competitive advantage to firms inhabiting a specific geographic area. " +
  "Outside it, two nodes added later point at the diamond: chance (unknown and unpredictable circumstances), with an arrow labelled “can affect”, " +
  "and government (enhance, shore-up, and encourage cluster development, of which BAs play an integral part), with an arrow labelled “supportive role”.";

const missing =
  "The original is an image taken from a web page (note 3 gives its address). The text does not say what its corners were labelled: " +
  "it says only that the four factors it lists “form the nodes” of the diamond, and that government and chance were added later. " +
  "How the image placed, named and joined its nodes is unknown; the positions and arrows here are this drawing's.";

export function figure3(): DiagramFigure {
  const d = new Drawing("diagram-3");
  const W = 440;
  const small = 12;
  const node = (title: string, gloss: string, b: number) => [
    { text: title, basis: b, bold: true },
    { text: gloss, basis: b, size: small },
  ];

  const chanceTexts = node("chance", "unknown and unpredictable circumstances", 6);
  const smeTexts = node("small and medium-sized enterprises", "spatially concentrated and sectorially specialized", 1);
  const topH = Math.max(Drawing.nodeHeight(140, chanceTexts), Drawing.nodeHeight(150, smeTexts));
  const chance = d.node(5, 8, 130, chanceTexts, { h: topH });
  const top = d.node(145, 8, 150, smeTexts, { h: topH });

  const T = top.y + top.h + 84;
  const leftTexts = node("public and private local institutions", "supporting the economic agents acting within the cluster", 4);
  const rightTexts = node("forward and backward linkages", "exchanges of goods, information and people", 2);
  const sideH = Math.max(Drawing.nodeHeight(140, leftTexts), Drawing.nodeHeight(140, rightTexts));
  const left = d.node(5, T, 140, leftTexts, { h: sideH });
  const right = d.node(295, T, 140, rightTexts, { h: sideH });

  const B = left.y + left.h + 84;
  const bottomTexts = node("common cultural and social background", "creating a behavioral code", 3);
  const govTexts = [
    { text: "government", basis: 5, bold: true },
    { text: "enhance, shore-up, and encourage cluster development", basis: 5, size: small },
    { text: "of which BAs play an integral part", basis: 5, size: small },
  ];
  const bottomH = Drawing.nodeHeight(150, bottomTexts);
  const bottom = d.node(145, B, 150, bottomTexts, { h: bottomH });
  const government = d.node(305, B, 130, govTexts);

  // The diamond: plain lines joining the four corners.
  d.arrow([top.bottom, left.top], { head: "none" });
  d.arrow([top.bottom, right.top], { head: "none" });
  d.arrow([left.bottom, bottom.top], { head: "none" });
  d.arrow([right.bottom, bottom.top], { head: "none" });

  d.text({ text: "competitive advantage to firms inhabiting a specific geographic area", basis: 0, x: W / 2, y: left.cy - 22, width: 130, bold: true, size: small });

  // Chance and government, outside the diamond, each pointing at the edge nearest to it.
  const along = (a: readonly [number, number], b: readonly [number, number], t: number) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t] as const;
  const edgeTL = along(top.bottom, left.top, 0.5);
  const chanceFrom = [chance.x + chance.w - 40, chance.y + chance.h] as const;
  d.arrow([chanceFrom, [edgeTL[0] - 3, edgeTL[1] - 4]]);
  d.text({ text: "can affect", basis: 6, x: chanceFrom[0] - 6, y: chanceFrom[1] + 34, width: 80, anchor: "end", size: small });
  const edgeBR = along(right.bottom, bottom.top, 0.5);
  const governmentFrom = [government.x + 40, government.y] as const;
  d.arrow([governmentFrom, [edgeBR[0] + 3, edgeBR[1] + 4]]);
  d.text({ text: "supportive role", basis: 5, x: governmentFrom[0] + 6, y: governmentFrom[1] - 30, width: 80, anchor: "start", size: small });

  const height = Math.ceil(Math.max(bottom.y + bottom.h, government.y + government.h) + 8);
  const svg = d.render({ width: W, height, title: `${caption}: Porter’s Diamond, redrawn from the thesis's text`, description });
  return { number: 3, caption, svg, description, basis, missing, labels: d.labels };
}
