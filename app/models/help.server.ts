/** The partner's help button: the request is stored first, on its own, then raised as an imminent flag. */
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import type { PartnerContext } from "./partner.server";
import { applySafetyRules, withSafetyRetry } from "./safety.server";

/**
 * Stores the help request, then raises its flag and audits it in one transaction. If raising
 * fails the request stays saved (clinicians also see unlinked help requests) and nothing of its
 * content is logged. Returns the stored request's id.
 */
export async function sendHelpRequest(user: SessionUser, ctx: PartnerContext, message: string | null, request?: Request): Promise<string> {
  const help = await prisma.helpRequest.create({ data: { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, message }, select: { id: true } });
  try {
    await withSafetyRetry(async (tx) => {
      const { flagIds } = await applySafetyRules(tx, { practiceId: user.practiceId, coupleId: ctx.coupleId, partnerId: user.id, actorId: user.id }, { kind: "help", message }, { entity: "help", entityId: help.id });
      if (flagIds[0]) await tx.helpRequest.update({ where: { id: help.id }, data: { flagId: flagIds[0] } });
      await audit({ actor: user, action: "create", entity: "help-request", entityId: help.id, coupleId: ctx.coupleId, request }, tx);
    });
  } catch (error) {
    console.warn(`help request ${help.id} saved but flagging failed:`, error instanceof Error ? error.message : error);
  }
  return help.id;
}
