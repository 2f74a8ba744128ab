import localFont from "next/font/local";

/**
 * Inter (the variable font of @fontsource-variable/inter, latin), loaded through next/font: the
 * file is preloaded and the fallback font is size-adjusted to Inter's metrics, so text does not
 * move when the font arrives (Lighthouse counted that as layout shift on the statistics pages).
 * Latin covers Norwegian (æ, ø, å); rarer letters fall back to the system font.
 */
export const inter = localFont({
  src: [{ path: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2", weight: "100 900", style: "normal" }],
  variable: "--font-inter",
  display: "swap",
  fallback: ["system-ui", "Arial", "sans-serif"],
  adjustFontFallback: "Arial",
});
