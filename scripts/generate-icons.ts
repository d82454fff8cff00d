/**
 * Draws the web app manifest icons (public/icons/*.png) from the same design as
 * public/favicon.svg, by rendering an inline SVG in the system Chromium and taking a
 * screenshot. Runs with no network: the page is built in memory and every request is refused.
 * Needs the Japanese font (Debian: fonts-noto-cjk). The PNGs are committed; run this only
 * when the design changes:  npx tsx scripts/generate-icons.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const OUT_DIR = 'public/icons';
const BRAND_BLUE = '#1d4e89';
const FONT = '"Noto Sans CJK JP", "Noto Sans JP", sans-serif';

interface IconSpec {
  file: string;
  size: number;
  /** Full-bleed square with the mark inside the central safe zone (radius 40%). */
  isMaskable: boolean;
}

const icons: IconSpec[] = [
  { file: 'icon-192.png', size: 192, isMaskable: false },
  { file: 'icon-512.png', size: 512, isMaskable: false },
  { file: 'maskable-512.png', size: 512, isMaskable: true },
];

/** The favicon's design (a white 備 on a rounded blue square) at a given pixel size. */
function drawIconSvg({ size, isMaskable }: IconSpec): string {
  const corner = isMaskable ? 0 : size * (12 / 64);
  // The glyph's box must stay inside the maskable safe circle, so it is smaller there.
  const fontSize = size * (isMaskable ? 0.5 : 0.6);
  const baseline = size / 2 + fontSize * 0.36;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${corner}" fill="${BRAND_BLUE}"/>
  <text x="${size / 2}" y="${baseline}" font-size="${fontSize}" font-weight="700"
    text-anchor="middle" fill="#ffffff" font-family='${FONT}'>備</text>
</svg>`;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    await mkdir(OUT_DIR, { recursive: true });
    for (const icon of icons) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      await page.route('**/*', (route) => route.abort());
      await page.setContent(
        `<!doctype html><html lang="ja"><body style="margin:0;background:transparent">${drawIconSvg(icon)}</body></html>`,
      );
      await page.evaluate(() => document.fonts.ready);
      const hasFont = await page.evaluate(
        (font) => document.fonts.check(`700 32px ${font}`, '備'),
        FONT.split(',')[0]!,
      );
      if (!hasFont) throw new Error('Japanese font missing: install fonts-noto-cjk and run again.');
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: icon.size, height: icon.size },
      });
      await writeFile(`${OUT_DIR}/${icon.file}`, png);
      console.log(`${OUT_DIR}/${icon.file} (${icon.size}×${icon.size}, ${png.length} bytes)`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
