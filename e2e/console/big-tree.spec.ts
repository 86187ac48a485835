import { expect, test } from "./fixtures";
import { apiGet, snap, unique } from "./helpers";

/**
 * 100,000 resources through the bulk import: 10 regions × 100 sites × 99
 * documents, plus a chain of 12 folders ending in one deep document. The test
 * prints how long each step takes; it asserts only that the console works.
 */
function tuples(s: string): string {
  const lines: string[] = [];
  for (let r = 0; r < 10; r++) {
    lines.push(`region-${s}:r${r}#parent@organization:big-${s}`);
    for (let t = 0; t < 100; t++) {
      lines.push(`site-${s}:r${r}s${t}#parent@region-${s}:r${r}`);
      for (let d = 0; d < 99; d++) lines.push(`doc-${s}:r${r}s${t}d${d}#parent@site-${s}:r${r}s${t}`);
    }
  }
  let parent = `site-${s}:r7s42`;
  for (let level = 0; level < 12; level++) {
    lines.push(`folder-${s}:deep${level}#parent@${parent}`);
    parent = `folder-${s}:deep${level}`;
  }
  lines.push(`doc-${s}:needle-${s}#parent@${parent}`);
  return lines.join("\n");
}

test("100,000 imported resources: the tree opens, a deep resource is found and reached, only visible rows are rendered", async ({ page, request }, testInfo) => {
  test.setTimeout(600_000);
  const s = unique();
  const clock = () => performance.now();
  const timings: Record<string, string> = {};
  const measure = async <T>(name: string, fn: () => Promise<T>) => {
    const started = clock();
    const value = await fn();
    timings[name] = `${Math.round(clock() - started)} ms`;
    return value;
  };

  const imported = await measure("import", async () => {
    const res = await request.post("/api/v1/import", {
      headers: { authorization: `Bearer ${process.env.ARBOR_TEST_KEY}`, "content-type": "text/plain" },
      data: tuples(s),
      timeout: 540_000,
    });
    expect(res.ok(), await res.text()).toBeTruthy();
    return res.json();
  });
  expect(imported.created.resources).toBeGreaterThanOrEqual(100_000);
  const [org] = (await apiGet(request, `/organizations?search=big-${s}`)).data;

  const tree = page.getByRole("tree", { name: `Resources of big-${s}` });
  await measure("open the organization (first page with the tree)", async () => {
    await page.goto(`/resources/${org.id}`);
    await expect(tree.getByRole("treeitem", { name: `r9 (region-${s})` })).toBeVisible();
  });
  await expect(tree.getByRole("treeitem", { name: `r0 (region-${s})` })).toContainText("100");

  // Open a region: 100 sites are loaded, but only the rows in view (and a margin) are in the page.
  await measure("open a region of 100 sites", async () => {
    await tree.getByRole("treeitem", { name: `r3 (region-${s})` }).click();
    await tree.getByRole("treeitem", { name: `r3 (region-${s})` }).locator(".tree-twisty").click();
    await expect(tree.getByRole("treeitem", { name: `r3s0 (site-${s})` })).toBeVisible();
  });
  const rendered = await tree.getByRole("treeitem").count();
  expect(rendered).toBeLessThan(110);
  await expect(tree.getByRole("treeitem", { name: `r3s0 (site-${s})` })).toHaveAttribute("aria-setsize", "100");

  // Keyboard to the end of the loaded rows: the window follows the active row.
  await tree.focus();
  await measure("End key to the last of 110 rows", async () => {
    await page.keyboard.press("End");
    await expect(tree.getByRole("treeitem", { name: `r9 (region-${s})` })).toBeInViewport();
  });

  // Search for the deep document by external id and reach it.
  await measure("search for a deep resource", async () => {
    await page.getByLabel("Search resources").fill(`needle-${s}`);
    await expect(page.getByRole("button", { name: new RegExp(`needle-${s}`) })).toContainText("deep11");
  });
  await snap(page, testInfo, "big-search");
  await measure("reveal it in the tree and open its page", async () => {
    await page.getByRole("button", { name: new RegExp(`needle-${s}`) }).click();
    await expect(page.getByRole("heading", { level: 1, name: `needle-${s}` })).toBeVisible();
    await expect(tree.getByRole("treeitem", { name: `needle-${s} (doc-${s})` })).toHaveAttribute("aria-selected", "true");
  });
  await expect(tree.getByRole("treeitem", { name: `needle-${s} (doc-${s})` })).toBeInViewport();
  await expect(tree.getByRole("treeitem", { name: `needle-${s} (doc-${s})` })).toHaveAttribute("aria-level", "16");
  await expect(page.getByRole("navigation", { name: "Path" }).getByRole("listitem").nth(3)).toHaveText("deep0");
  expect(await tree.getByRole("treeitem").count()).toBeLessThan(150);

  // A site's 99 documents: a page of children, loaded when opened.
  await measure("open a site of 99 documents", async () => {
    await page.getByRole("link", { name: "r7s42" }).click();
    await expect(page.getByRole("heading", { name: "Children (100)" })).toBeVisible();
  });
  await snap(page, testInfo, "big-tree");
  console.log(`100k tree timings: ${JSON.stringify(timings, null, 2)}`);
});
