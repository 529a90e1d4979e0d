// The page kit: what every tool's page (kogine's run browser, loopai's dashboard) does the same way, served
// by @toolchain/web-page at /assets/page-kit.js and imported by the pages' own modules. Plain JavaScript, no
// build step. Text reaches the DOM as text nodes and properties, never as HTML.

/** The element with that data-testid (the pages' stable handles, for tests and for people). */
export const byTestId = (testid) => document.querySelector(`[data-testid="${testid}"]`);

/** An element with attributes (`class`, `data-*`, `aria-*`, properties) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("data-") || name.startsWith("aria-")) node.setAttribute(name, String(value));
    else node[name] = value;
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** GET of the JSON API; an error answer's `error` (or its status) as the Error's message. */
export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.error ?? `${path}: HTTP ${response.status}`);
  return payload;
}

/** Chart.js (the global `Chart` of /assets/chart.umd.js) as the pages draw: no animation, since a page
 * redraws whenever new data comes, charts as tall as their box, and the page's own font. */
export function useChartDefaults(Chart) {
  if (!Chart) return;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.color = "#3b4252";
}
