import { describe, expect, it } from "vitest";
import { checkConfirm, checkMarkDone, checkNewAction, missedDate, restitutionState, restitutionSummary } from "./restitution";

const today = "2026-12-10";

describe("restitutionState and missedDate", () => {
  it.each([
    [{ dueOn: "2026-12-12", doneOn: null, confirmation: null }, "due", false],
    [{ dueOn: "2026-12-10", doneOn: null, confirmation: null }, "due", false],
    [{ dueOn: "2026-12-09", doneOn: null, confirmation: null }, "overdue", true],
    [{ dueOn: "2026-12-09", doneOn: "2026-12-08", confirmation: null }, "done", false],
    [{ dueOn: "2026-12-09", doneOn: "2026-12-09", confirmation: "yes" }, "confirmed", false],
    [{ dueOn: "2026-12-05", doneOn: "2026-12-07", confirmation: "yes" }, "confirmed", true],
    [{ dueOn: "2026-12-09", doneOn: "2026-12-09", confirmation: "no" }, "disputed", false],
  ] as const)("%o → %s (missed: %s)", (facts, state, missed) => {
    expect(restitutionState(facts, today)).toBe(state);
    expect(missedDate(facts, today)).toBe(missed);
  });

  it("a date that fell in a pause is not missed", () => {
    const facts = { dueOn: "2026-12-05", doneOn: null, confirmation: null } as const;
    expect(missedDate(facts, today, [{ from: "2026-12-04", to: "2026-12-06" }])).toBe(false);
    expect(missedDate(facts, today, [{ from: "2026-12-06", to: null }])).toBe(true);
  });
});

describe("restitutionSummary", () => {
  const actions = [
    { dueOn: "2026-12-03", doneOn: "2026-12-03", confirmation: "yes" as const },
    { dueOn: "2026-12-08", doneOn: null, confirmation: null },
    { dueOn: "2026-12-12", doneOn: "2026-12-09", confirmation: null },
  ];
  it("counts states and misses", () => {
    expect(restitutionSummary(actions, today)).toEqual({ total: 3, confirmed: 1, awaitingConfirmation: 1, disputed: 0, open: 1, missed: 1 });
  });
  it("limits to a week's due dates", () => {
    expect(restitutionSummary(actions, today, [], { from: "2026-12-04", to: "2026-12-10" })).toMatchObject({ total: 1, missed: 1, open: 1 });
  });
});

describe("adding and answering actions", () => {
  it.each([
    [{ text: "Tell my brother the truth", dueOn: "2026-12-12", existing: 0 }, { ok: true }],
    [{ text: "Tell my brother the truth", dueOn: null, existing: 0 }, { ok: false, field: "dueOn" }],
    [{ text: "Repay the savings", dueOn: "2026-12-09", existing: 1 }, { ok: false, field: "dueOn" }],
    [{ text: "   ", dueOn: "2026-12-12", existing: 1 }, { ok: false, field: "text" }],
    [{ text: "A fourth one", dueOn: "2026-12-12", existing: 3 }, { ok: false, field: "form" }],
  ] as const)("%o → %o", (input, expected) => {
    expect(checkNewAction({ ...input, today })).toMatchObject(expected);
  });

  it("only the responsible partner marks done, once", () => {
    expect(checkMarkDone({ responsible: true, doneOn: null })).toEqual({ ok: true });
    expect(checkMarkDone({ responsible: false, doneOn: null }).ok).toBe(false);
    expect(checkMarkDone({ responsible: true, doneOn: today }).ok).toBe(false);
  });

  it("only the other partner confirms, after it was done, once", () => {
    expect(checkConfirm({ responsible: false, doneOn: today, confirmation: null })).toEqual({ ok: true });
    expect(checkConfirm({ responsible: true, doneOn: today, confirmation: null }).ok).toBe(false);
    expect(checkConfirm({ responsible: false, doneOn: null, confirmation: null }).ok).toBe(false);
    expect(checkConfirm({ responsible: false, doneOn: today, confirmation: "yes" }).ok).toBe(false);
  });
});
