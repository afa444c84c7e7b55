// The thesis's Figures #1–#6, redrawn at build time from what its text says about them: for each,
// its caption, a static SVG, a text alternative, the passages each element is taken from, and
// what the original image had that the text does not give. See src/diagrams/.
import { defineLoader } from "../../../data-loaders/define-loader.ts";
import { json } from "../../../data-loaders/stdout.ts";
import { figure1 } from "../../diagrams/figure-1.ts";
import { figure2 } from "../../diagrams/figure-2.ts";
import { figure3 } from "../../diagrams/figure-3.ts";
import { figure4 } from "../../diagrams/figure-4.ts";
import { figure5 } from "../../diagrams/figure-5.ts";
import { figure6 } from "../../diagrams/figure-6.ts";

export default defineLoader(import.meta.url, async () => json([figure1(), figure2(), figure3(), figure4(), figure5(), figure6()]));
