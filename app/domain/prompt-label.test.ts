import { describe, expect, it } from "vitest";
import { promptLabel } from "./prompt-label";

describe("promptLabel", () => {
  it.each([
    ["Action 2 (optional)", "Action 2"],
    ["Action 2 done by (Optional) ", "Action 2 done by"],
    ["What went well?", "What went well?"],
    ["(optional) at the start stays", "(optional) at the start stays"],
  ])("%j → %j", (label, shown) => expect(promptLabel(label)).toBe(shown));
});
