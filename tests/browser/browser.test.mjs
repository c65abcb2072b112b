// The map and the page in headless Chromium (Debian's), driven by playwright-core.
// Inputs are made by run.sh into $OUT; screenshots are written there too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const OUT = process.env.OUT;
const url = (file) => pathToFileURL(join(OUT, file)).href;
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => { await browser?.close(); });

// The outlines of an SVG map: id, states, keys, fill and label point, read from its text.
function outlines(svg) {
  const out = new Map();
  for (const m of svg.matchAll(/<(?:path|circle) id="o-([A-Z0-9]+)" data-states="([^"]*)" data-key="([^"]*)" data-label="([^"]*)" fill="([^"]*)"/g)) {
    const [x, y] = m[4].split(",").map(Number);
    out.set(m[1], { states: m[2], key: m[3], x, y, fill: m[5] });
  }
  return out;
}

const hex = (rgb) => "#" + rgb.map((v) => v.toString(16).padStart(2, "0")).join("");

// The most common colour in a 7x7 box at (x, y) of a PNG, and the share of the image that is
// not white: loaded into a canvas of the page.
async function pixels(page, png, points) {
  const data = readFileSync(png).toString("base64");
  return page.evaluate(async ({ data, points }) => {
    const img = new Image();
    img.src = "data:image/png;base64," + data;
    await img.decode();
    // An OffscreenCanvas works in SVG documents too, where createElement makes no canvas.
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const all = g.getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < all.length; i += 4) if (all[i] < 245 || all[i + 1] < 245 || all[i + 2] < 245) coloured++;
    const at = points.map(([x, y]) => {
      const seen = new Map();
      const d = g.getImageData(Math.round(x) - 3, Math.round(y) - 3, 7, 7).data;
      for (let i = 0; i < d.length; i += 4) {
        const k = [d[i], d[i + 1], d[i + 2]].join(",");
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
      return [...seen.entries()].sort((a, b) => b[1] - a[1])[0][0].split(",").map(Number);
    });
    return { at, coloured: coloured / (all.length / 4), width: c.width };
  }, { data, points });
}

const near = (a, b) => a.every((v, i) => Math.abs(v - parseInt(b.slice(1 + 2 * i, 3 + 2 * i), 16)) <= 6);

// Points inside large states, below their label: where the fill shows in any renderer.
const SAMPLES = ["USA", "CAN", "BRA", "RUS", "CHN", "AUS", "DZA"];

for (const [file, title] of [["map-usa-today.svg", "Ties of United States, as of 2026-11-30"], ["map-blocs-1980.svg", "Blocs (defense ties), as of 1980-12-31"]]) {
  test(`the SVG map ${file} shows its colours in Chromium and in rsvg-convert`, async () => {
    const svg = readFileSync(join(OUT, file), "utf8");
    const shapes = outlines(svg);
    assert.ok(shapes.size > 190, `${shapes.size} outlines`);
    const points = SAMPLES.map((id) => [shapes.get(id).x, shapes.get(id).y + 12]);
    const [w, h] = svg.match(/<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"/).slice(1).map((v) => Math.ceil(+v));
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(url(file));
    assert.equal(await page.title(), title);
    const shot = join(OUT, file.replace(".svg", ".chromium.png"));
    await page.screenshot({ path: shot });
    for (const png of [shot, join(OUT, file.replace(".svg", ".rsvg.png"))]) {
      const { at, coloured, width } = await pixels(page, png, points);
      assert.equal(width, 1000, png);
      assert.ok(coloured > 0.3, `${png}: ${coloured} of the image is coloured`);
      SAMPLES.forEach((id, i) => {
        assert.ok(near(at[i], shapes.get(id).fill), `${png}: ${id} is ${hex(at[i])}, the map says ${shapes.get(id).fill}`);
      });
    }
    await page.close();
  });
}

test("the maps of the United States' ties agree with `allies` (1955, 1980, 2024)", () => {
  for (const year of [1955, 1980, 2024]) {
    const shapes = outlines(readFileSync(join(OUT, `map-usa-${year}.svg`), "utf8"));
    const allies = JSON.parse(readFileSync(join(OUT, `allies-usa-${year}.json`), "utf8")).results.map((a) => a.country);
    const defense = new Set(["mutual-defense", "defended-by-chosen", "defends-chosen"]);
    for (const [, o] of shapes) {
      const states = o.states.split(" ").filter(Boolean);
      const keys = o.key.split(" ");
      if (states.length === 1) {
        assert.equal(defense.has(keys[0]), allies.includes(states[0]), `${year}: ${states[0]} is ${keys[0]}`);
      }
    }
  }
  const y1955 = outlines(readFileSync(join(OUT, "map-usa-1955.svg"), "utf8"));
  assert.match(y1955.get("DEU").states, /XGF/, "West Germany is on Germany's outline in 1955");
  assert.match(y1955.get("DEU").key, /mutual-defense/, "West Germany and the US owe each other defense in 1955");
  const y2024 = outlines(readFileSync(join(OUT, "map-usa-2024.svg"), "utf8"));
  assert.equal(y2024.get("FIN").key, "mutual-defense", "Finland in NATO in 2024");
  const formed = outlines(readFileSync(join(OUT, "map-asian-nato-formed.svg"), "utf8"));
  assert.equal(formed.get("IND").key, "mutual-defense", "India defends Japan once the Asian NATO forms");
});

test("the page: title, states, slider, legend, search, evidence, network", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url()); });
  const started = Date.now();
  await page.goto(url("page.html"));
  await page.waitForSelector("body[data-ready=true]");
  const opened = Date.now() - started;
  writeFileSync(join(OUT, "page-open-ms.txt"), `${opened}\n`);
  assert.ok(opened < 1000, `the page opened in ${opened} ms`);
  assert.match(await page.title(), /^Who is allied with whom/);
  const drawn = await page.locator("#outlines [data-i]").count();
  const data = await page.evaluate(() => ({ outlines: DATA.outlines.length, years: DATA.years, states: DATA.states.length }));
  assert.equal(drawn, data.outlines);
  assert.ok(drawn > 190);
  assert.equal(data.years[0], "1816-12-31");
  assert.equal(data.years.at(-1), "2026-11-30");
  assert.match(await page.locator("#heading").textContent(), /^Ties of United States, as of 2026-11-30$/);

  const setYear = async (year) => {
    const i = data.years.findIndex((d) => d.startsWith(String(year)));
    await page.locator("#year").evaluate((el, v) => { el.value = v; el.dispatchEvent(new Event("input")); }, i);
  };
  const legend = () => page.locator("#legend li").evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.dataset.key, +li.dataset.count])));
  const keyOf = (id) => page.locator(`#outlines [data-outline="${id}"]`).getAttribute("data-key");

  // The page's colours are the map's: every outline, in three years.
  for (const year of [1955, 1980, 2024]) {
    await setYear(year);
    const svg = outlines(readFileSync(join(OUT, `map-usa-${year}.svg`), "utf8"));
    const onPage = await page.locator("#outlines [data-i]").evaluateAll((els) => els.map((e) => [e.dataset.outline, e.dataset.key]));
    for (const [id, key] of onPage) assert.equal(key, svg.get(id).key, `${year}: ${id}`);
  }
  await setYear(1955);
  assert.match(await keyOf("DEU"), /mutual-defense/);
  const l1955 = await legend();
  await page.screenshot({ path: join(OUT, "page-1955.png") });
  await setYear(2024);
  assert.equal(await keyOf("FIN"), "mutual-defense");
  const l2024 = await legend();
  assert.ok(l2024["mutual-defense"] > l1955["mutual-defense"], `${JSON.stringify(l1955)} ${JSON.stringify(l2024)}`);
  const allies2024 = JSON.parse(readFileSync(join(OUT, "allies-usa-2024.json"), "utf8")).results.length;
  assert.equal((l2024["mutual-defense"] ?? 0) + (l2024["defended-by-chosen"] ?? 0) + (l2024["defends-chosen"] ?? 0), allies2024);
  await page.screenshot({ path: join(OUT, "page-2024.png") });

  // Search takes the names people write.
  await page.locator("#search").fill("Britain");
  await page.locator("#search").press("Enter");
  assert.match(await page.locator("#heading").textContent(), /^Ties of United Kingdom, as of 2024-12-31$/);
  assert.match(await page.locator("#details").textContent(), /United Kingdom/);

  // A tie's evidence on a click, in the network view.
  await page.locator("#show-network").click();
  const tie = page.locator('#network line[data-pair]').filter({ has: page.locator("xpath=self::*[@data-key='mutual-defense']") }).first();
  const usa = await page.evaluate(() => DATA.states.findIndex((s) => s.id === "USA"));
  const gbr = await page.evaluate(() => DATA.states.findIndex((s) => s.id === "GBR"));
  await page.locator(`#network line[data-pair="${gbr},${usa}"]`).click({ force: true });
  const evidence = await page.locator("#details").textContent();
  assert.match(evidence, /North Atlantic Treaty/, evidence);
  assert.match(evidence, /owe each other defense/, evidence);
  assert.ok(await tie.count() > 0);
  await page.screenshot({ path: join(OUT, "page-network.png") });
  const shot = await pixels(page, join(OUT, "page-network.png"), [[10, 10]]);
  assert.ok(shot.coloured > 0.02, `the network screenshot is ${shot.coloured} coloured`);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [], "the page fetches nothing");
  await page.close();
});

test("the focused network and the article's picture render in Chromium and rsvg-convert", async () => {
  for (const file of ["network-japan-2.svg", "asian-nato.svg"]) {
    const svg = readFileSync(join(OUT, file), "utf8");
    const [w, h] = svg.match(/<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"/).slice(1).map((v) => Math.ceil(+v));
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    assert.ok(!svg.includes("paint-order"), `${file} uses no property some renderers ignore`);
    await page.goto(url(file));
    const labels = await page.locator("text:not(.halo)").allTextContents();
    assert.ok(labels.includes("Japan") && labels.includes("United States"), file);
    // No two labels overlap as Chromium lays them out.
    const boxes = await page.locator("text:not(.halo)").evaluateAll((ts) => ts.map((t) => { const b = t.getBBox(); return [t.textContent, b.x, b.y, b.x + b.width, b.y + b.height]; }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, ax0, ay0, ax1, ay1] = boxes[i], [b, bx0, by0, bx1, by1] = boxes[j];
      assert.ok(!(ax0 < bx1 - 0.5 && bx0 < ax1 - 0.5 && ay0 < by1 - 0.5 && by0 < ay1 - 0.5), `${file}: '${a}' and '${b}' overlap`);
    }
    const shot = join(OUT, file.replace(".svg", ".chromium.png"));
    await page.screenshot({ path: shot });
    for (const png of [shot, join(OUT, file.replace(".svg", ".rsvg.png"))]) {
      const { coloured } = await pixels(page, png, [[5, 5]]);
      assert.ok(coloured > 0.01, `${png} is not blank (${coloured})`);
    }
    await page.close();
  }
});
