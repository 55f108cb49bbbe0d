/**
 * A role for each partner in a repair plan: the partner who was hurt and the partner who broke
 * the promise, or — for a mutual breach — both partners are both. A plan stores which slot was
 * hurt (A, B or BOTH); everything else follows from it here.
 */
export type RepairRole = "hurt" | "broke" | "both";
export type Slot = "A" | "B";
export type SlotOrBoth = Slot | "BOTH";

export const DEFAULT_LABELS = { hurt: "Partner who was hurt", broke: "Partner who broke the promise" } as const;

/** The role of the partner in `slot`, given which slot was hurt. */
export function roleOf(hurtPartner: SlotOrBoth, slot: Slot): RepairRole {
  if (hurtPartner === "BOTH") return "both";
  return hurtPartner === slot ? "hurt" : "broke";
}

/** Which partner(s) an item for `role` goes to: the plan's role → the couple's slot. */
export function slotFor(role: RepairRole, hurtPartner: SlotOrBoth): SlotOrBoth {
  if (role === "both" || hurtPartner === "BOTH") return "BOTH";
  if (role === "hurt") return hurtPartner;
  return hurtPartner === "A" ? "B" : "A";
}

/** The slot that does the restitution by default: the partner who broke the promise (A for a mutual breach, the therapist can choose). */
export function defaultResponsible(hurtPartner: SlotOrBoth): Slot {
  return hurtPartner === "A" ? "B" : "A";
}

/** A label as the therapist renamed it, or the neutral default. */
export function roleLabel(role: RepairRole, labels: { hurtLabel: string; brokeLabel: string }): string {
  if (role === "hurt") return labels.hurtLabel;
  if (role === "broke") return labels.brokeLabel;
  return "Both partners";
}

/** What a partner is called on their own pages: never "the hurt partner", their own label if it is them. */
export function describeRole(role: RepairRole, labels: { hurtLabel: string; brokeLabel: string }): string {
  return role === "both" ? `${labels.hurtLabel} and ${labels.brokeLabel.toLowerCase()}` : roleLabel(role, labels);
}
