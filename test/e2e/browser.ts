// The tests' Chromium is the build's (site/pdf/chromium.ts prints the PDF with it).
export { CHROMIUM, launchChromium, launchChromiumProfile } from "../../site/pdf/chromium.ts";
