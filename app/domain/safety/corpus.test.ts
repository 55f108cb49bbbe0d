/**
 * The labelled corpus (tests/safety-corpus, policy in docs/safety-labelling-policy.md) through the
 * same entry point as `npm run safety:eval`. The thresholds sit just under today's figures so a
 * change that loses recall or raises ordinary notes fails CI; `npm run safety:report` prints them.
 */
import { describe, expect, it } from "vitest";
import { formatReport, loadCorpus, scoreCorpus } from "../../../tests/support/safety-corpus";

const score = scoreCorpus(loadCorpus());

describe("safety corpus", () => {
  it("has at least 800 cases that should flag and 250 confusable ordinary notes", () => {
    expect(score.danger.n).toBeGreaterThanOrEqual(800);
    expect(score.ordinary.n - score.ordinary.plain).toBeGreaterThanOrEqual(250);
  });

  it("raises notes that should flag at the expected severity or above", () => {
    expect(score.danger.atSeverity / score.danger.n, formatReport(score)).toBeGreaterThanOrEqual(0.94);
    expect(score.danger.imminentOk / score.danger.imminent, formatReport(score)).toBeGreaterThanOrEqual(0.96);
  });

  it("keeps every category of danger above its floor (the untouched third held-out set has its own)", () => {
    for (const c of score.categories.filter((x) => x.kind === "danger")) {
      const floor = c.category.startsWith("holdout3/") ? 0.65 : 0.72;
      expect(c.ok / c.n, `${c.category}: ${c.misses.slice(0, 5).map((m) => `${m.id} ${m.expected}→${m.got}`).join("; ")}`).toBeGreaterThanOrEqual(floor);
    }
  });

  it("raises few ordinary notes high, and never a plain one", () => {
    expect(score.ordinary.highOrAbove / score.ordinary.n, formatReport(score)).toBeLessThanOrEqual(0.05);
    for (const c of score.categories.filter((x) => x.kind === "ordinary")) expect(c.raised / c.n, c.category).toBeLessThanOrEqual(0.15);
    expect(score.ordinary.plainFlagged).toBe(0);
  });
});
