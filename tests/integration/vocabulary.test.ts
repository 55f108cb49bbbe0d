/**
 * One vocabulary per concept (issue 14): each list the domain decides is the database enum of the
 * same name, value for value, so a form, a filter or a rule can never offer a value the database
 * refuses, or miss one it stores.
 */
import { FeelSafe, FlagStatus, ResolutionOutcome, Severity } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { FLAG_STATUSES, RESOLUTION_OUTCOMES } from "~/domain/flag-workflow";
import { FEEL_SAFE_ANSWERS, SEVERITIES, SEVERITIES_MOST_URGENT_FIRST } from "~/domain/safety";

const sorted = (values: Iterable<string>) => [...values].sort();

describe("the domain's vocabularies are the database's enums", () => {
  it.each([
    ["Severity", SEVERITIES, Severity],
    ["FeelSafe", FEEL_SAFE_ANSWERS, FeelSafe],
    ["FlagStatus", FLAG_STATUSES, FlagStatus],
    ["ResolutionOutcome", RESOLUTION_OUTCOMES, ResolutionOutcome],
  ] as const)("%s", (_name, domain, prismaEnum) => {
    expect(sorted(domain)).toEqual(sorted(Object.values(prismaEnum)));
    expect(new Set(domain).size).toBe(domain.length);
  });

  it("lists severities both ways round from the one list", () => {
    expect(SEVERITIES_MOST_URGENT_FIRST).toEqual([...SEVERITIES].reverse());
    expect(SEVERITIES[0]).toBe("low");
    expect(SEVERITIES.at(-1)).toBe("imminent");
  });
});
