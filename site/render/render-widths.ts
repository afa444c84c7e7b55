// On its own, without Vega: the build's process places the drawings at these widths in the pages
// (site/html/figure.ts) and never draws one, so it does not load Vega (a fifth of a second).

/**
 * The widths charts are drawn at: a phone's and a desktop column's. Each is a little narrower
 * than the space it is shown in (a 375 px phone's column is about 343 px, a desktop column about
 * 690), and the page draws it at the full width of its column (style.css), so its text grows a
 * little: at least 9 CSS px on a phone, 11 on a desktop.
 */
export const RENDER_WIDTHS = [320, 560] as const;
