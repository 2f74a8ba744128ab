import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe (WCAG 2.1 A/AA and best practices) on the page and fails with a readable list of violations.
 * Every rule runs on every node as usual. Legacy mode runs axe in the page itself instead of
 * finishing the run in a new blank page (we have no cross-origin frames, which is what that is for):
 * on a page with a large table it takes a third of the time. `resultTypes` spares axe building a
 * selector for each node that passed, which the report never reads.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .setLegacyMode(true)
    .options({ resultTypes: ["violations"] })
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}
