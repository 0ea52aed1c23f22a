import type { Locator, Page } from '@playwright/test';

/** WCAG 2.2 contrast, measured on the rendered page. */

type Rgba = [number, number, number, number];

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

/** The contrast ratio of two opaque colours. */
export function ratio(a: number[], b: number[]) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `rgb(...)`, `rgba(...)` or `color(srgb ...)`, as 0–255 channels and alpha. */
function parse(css: string): Rgba {
  const srgb = css.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/);
  if (srgb) return [+srgb[1] * 255, +srgb[2] * 255, +srgb[3] * 255, srgb[4] === undefined ? 1 : +srgb[4]];
  const rgb = css.match(/^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/);
  if (rgb) return [+rgb[1], +rgb[2], +rgb[3], rgb[4] === undefined ? 1 : +rgb[4]];
  throw new Error(`unknown colour ${css}`);
}

const over = ([r, g, b, a]: Rgba, bg: number[]) => [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)];

type Box = { x: number; y: number; width: number; height: number };

/** The RGBA pixels of a part of the page, as the reader sees them. */
async function pixels(page: Page, clip: Box): Promise<number[]> {
  const png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    return Array.from(g.getImageData(0, 0, bitmap.width, bitmap.height).data);
  }, png.toString('base64'));
}

const whole = (b: Box, grow = 0): Box => {
  const x = Math.floor(b.x - grow);
  const y = Math.floor(b.y - grow);
  return { x, y, width: Math.ceil(b.x + b.width + grow) - x, height: Math.ceil(b.y + b.height + grow) - y };
};

/** A low percentile: the worst pixels, less a sliver of antialiasing. */
const low = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.03)];
};

/**
 * The contrast of an element's own text with what is drawn under its
 * glyphs (backgrounds, bars, halos): the text is drawn, then made
 * transparent, and the pixels that changed are the glyphs. Opacity of the
 * element or its ancestors counts. `null` when none of its glyphs is
 * visible (a label cut down to its ellipsis). `inset` leaves out the
 * outer pixels of a badge whose glyph sits well inside it (the dispute
 * flag): its round edge and ring are drawn afresh with each screenshot and
 * are not its text.
 */
export async function textContrast(page: Page, el: Locator, inset = 0) {
  const box = await el.boundingBox();
  if (!box) throw new Error('not on screen');
  const clip = whole({ x: box.x + inset, y: box.y + inset, width: box.width - 2 * inset, height: box.height - 2 * inset });
  const { color, opacity } = await el.evaluate((e) => {
    let o = 1;
    for (let n: Element | null = e; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
    return { color: getComputedStyle(e).color, opacity: o };
  });
  const text = parse(color);
  text[3] *= opacity;
  const drawn = await pixels(page, clip);
  await el.evaluate((e: HTMLElement) => e.style.setProperty('color', 'transparent', 'important'));
  const under = await pixels(page, clip);
  await el.evaluate((e: HTMLElement) => e.style.removeProperty('color'));
  // The pixels that changed, and of those the ones with at least two
  // changed neighbours: a stroke, not a stray pixel of an edge.
  const { width, height } = clip;
  const changed = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return false;
    const i = (y * width + x) * 4;
    return Math.abs(drawn[i] - under[i]) + Math.abs(drawn[i + 1] - under[i + 1]) + Math.abs(drawn[i + 2] - under[i + 2]) > 30;
  };
  const stroke = (x: number, y: number) => {
    let n = 0;
    for (const [dx, dy] of [[-1, -1], [0, -1], [1, -1], [-1, 0], [1, 0], [-1, 1], [0, 1], [1, 1]]) n += changed(x + dx, y + dy) ? 1 : 0;
    return changed(x, y) && n >= 2;
  };
  const ratios: number[] = [];
  for (let i = 0; i < drawn.length; i += 4) {
    const p = i / 4;
    if (!stroke(p % width, Math.floor(p / width))) continue;
    const bg = [under[i], under[i + 1], under[i + 2]];
    const ink = over(text, bg);
    // How much of the pixel the glyph covers, channel by channel: a glyph
    // pixel moves every channel the same part of the way to the ink; a
    // pixel that changed for another reason (antialiasing of an edge)
    // does not.
    const parts = [0, 1, 2].filter((c) => Math.abs(ink[c] - bg[c]) > 24).map((c) => (drawn[i + c] - bg[c]) / (ink[c] - bg[c]));
    if (parts.length === 0) continue;
    const least = Math.min(...parts);
    if (least >= 0.4 && Math.max(...parts) - least < 0.3) ratios.push(ratio(ink, bg));
  }
  return low(ratios);
}

/**
 * The contrast of an element's focus indicator with what it covers: the
 * pixels that change when it gains keyboard focus, their colour before
 * against the indicator's colour (`null` if none shows).
 */
export async function focusContrast(page: Page, el: Locator) {
  const box = await el.boundingBox();
  if (!box) throw new Error('not on screen');
  const clip = whole(box, 8);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const before = await pixels(page, clip);
  // A key press first, so the focus that follows is a keyboard focus.
  await page.keyboard.press('Shift');
  await el.focus();
  const ring = parse(await el.evaluate((e) => getComputedStyle(e).outlineColor));
  const after = await pixels(page, clip);
  const ratios: number[] = [];
  for (let i = 0; i < after.length; i += 4) {
    const now = [after[i], after[i + 1], after[i + 2]];
    const was = [before[i], before[i + 1], before[i + 2]];
    // The indicator's own pixels: now (nearly) its colour, and changed.
    if (ratio(now, was) > 1.05 && Math.abs(now[0] - ring[0]) + Math.abs(now[1] - ring[1]) + Math.abs(now[2] - ring[2]) < 12) {
      ratios.push(ratio(ring, was));
    }
  }
  return low(ratios);
}
