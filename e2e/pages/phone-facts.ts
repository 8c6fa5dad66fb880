import type { Page } from '@playwright/test';

/** What a phone user would run into on the page as it is drawn now, measured on real elements. */
export interface PhoneFacts {
  viewport: number;
  /** The document's own width: more than the viewport means the page scrolls sideways. */
  scrollWidth: number;
  /** Things reaching past the right edge (or the left) of the viewport. */
  offscreen: string[];
  /** Boxes of their own that scroll sideways (a wide table in a scroller hides the same problem). */
  sideScrollers: string[];
  /** Buttons, links, fields and the like smaller than 44×44 CSS pixels. */
  smallTargets: string[];
  /** Canvases (the layout drawn) wider than the viewport. */
  wideCanvases: string[];
  /** The relative luminance (0 black, 1 white) of what is painted behind the page's corner. */
  backgroundLuminance: number;
}

export const MIN_TARGET = 44;

/** Measures the page; run it once the page's content is drawn. */
export function phoneFacts(page: Page): Promise<PhoneFacts> {
  return page.evaluate((minTarget): PhoneFacts => {
    const vw = document.documentElement.clientWidth;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      // Zero-size, or visually hidden the sr-only way (a 1×1 clipped box) for screen readers only.
      if (r.width <= 1 || r.height <= 1) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none' && el.closest('[aria-hidden="true"], [hidden], .sr-only') === null;
    };
    const name = (el: Element) => {
      const tag = el.tagName.toLowerCase();
      const id = el.getAttribute('data-testid') ?? el.getAttribute('name') ?? el.getAttribute('aria-label') ?? '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${tag}${id ? `[${id}]` : ''} "${text}"`;
    };
    const all = Array.from(document.body.querySelectorAll('*')).filter(visible);
    // Inside a box that clips or scrolls, reaching past the edge is that box's business (counted in sideScrollers).
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') return true;
      }
      return false;
    };
    const offscreen = all
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (r.right > vw + 1 || r.left < -1) && !clipped(el);
      })
      .map((el) => `${name(el)} spans ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`);
    const sideScrollers = all
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${name(el)} scrolls ${el.scrollWidth} in ${el.clientWidth}`);
    const targets = Array.from(
      // A label for a visually hidden file input is that input's button.
      document.body.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="link"], label[for]:has(+ input[type="file"]), input[type="file"] + label'),
    ).filter(visible);
    // WCAG exempts a link inside a sentence: its size is the text's.
    const inSentence = (el: Element) => el.tagName === 'A' && getComputedStyle(el).display === 'inline' && (el.parentElement?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
    const smallTargets = targets
      .filter((el) => !inSentence(el))
      .map((el) => {
        // A checkbox or radio is reached through its label: the label's box is the target.
        const label = el.matches('input[type="checkbox"], input[type="radio"]') ? el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null) : null;
        const box = (label ?? el).getBoundingClientRect();
        return { el, w: box.width, h: box.height };
      })
      .filter(({ w, h }) => w < minTarget - 0.5 || h < minTarget - 0.5)
      .map(({ el, w, h }) => `${name(el)} is ${Math.round(w)}×${Math.round(h)}`);
    const wideCanvases = Array.from(document.querySelectorAll('canvas, svg[data-testid]'))
      .filter(visible)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > vw + 1 || r.left < -1;
      })
      .map((el) => `${name(el)} spans ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`);
    const luminance = (c: string) => {
      const [r = 0, g = 0, b = 0] = (c.match(/[\d.]+/g) ?? []).map(Number);
      // Tailwind's colours are OKLCH: lightness cubed is close enough to luminance to tell dark from light.
      if (/^okl(ch|ab)\(/.test(c)) return r ** 3;
      const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const opaque = (c: string) => c !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(c);
    // Nothing painted: the browser's canvas, dark when the page's color-scheme allows it and the system asks for it.
    const scheme = getComputedStyle(document.documentElement).colorScheme;
    const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
    let backgroundLuminance = scheme.includes('dark') && (!scheme.includes('light') || prefersDark) ? 0 : 1;
    for (let el = document.elementFromPoint(1, innerHeight - 2); el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (opaque(bg)) {
        backgroundLuminance = luminance(bg);
        break;
      }
    }
    return { viewport: vw, backgroundLuminance, scrollWidth: document.documentElement.scrollWidth, offscreen, sideScrollers, smallTargets, wideCanvases };
  }, MIN_TARGET);
}
