/**
 * The daily summary's "no check-in for 3+ days" counts from the partner's joining: a couple created
 * today, or a partner who has not accepted the invitation yet, is no alarm.
 */
import { describe, expect, it } from "vitest";
import { addDays, localDateOf } from "~/domain/dates";
import * as digestRoute from "~/routes/digest";
import { prisma } from "~/utils/db.server";
import { call, createPractice, createUser, getRequest } from "../support/fixtures";

const TZ = "America/New_York";
const DAY = 86_400_000;

describe("daily summary: missed check-ins", () => {
  it("counts from the day each partner joined, or their last check-in; a partner who has not joined is never late", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const today = localDateOf(new Date(), TZ);
    let n = 0;
    /** A couple whose partners joined `joinedDaysAgo` (null: not joined) and last checked in `lastDaysAgo` (null: never). */
    const couple = async (name: string, partners: { joinedDaysAgo: number | null; lastDaysAgo?: number }[], createdDaysAgo = 0) => {
      const users = await Promise.all(
        partners.map((p, i) =>
          prisma.user.create({
            data: {
              practiceId: practice.id, role: "partner", name: `${name} ${i}`, email: `${name}-${i}-${n++}-${Date.now()}@digest.test`,
              passwordHash: p.joinedDaysAgo === null ? null : "$argon2id$v=19$m=19456,t=2,p=1$x$y",
              consentAt: p.joinedDaysAgo === null ? null : new Date(Date.now() - p.joinedDaysAgo * DAY),
            },
          }),
        ),
      );
      const c = await prisma.couple.create({
        data: { practiceId: practice.id, therapistId: therapist.id, partnerAId: users[0]!.id, partnerBId: users[1]!.id, startDate: new Date(`${addDays(today, -createdDaysAgo)}T00:00:00Z`), timeZone: TZ, createdAt: new Date(Date.now() - createdDaysAgo * DAY) },
      });
      for (const [i, p] of partners.entries()) {
        if (p.lastDaysAgo !== undefined) {
          await prisma.checkIn.create({ data: { coupleId: c.id, partnerId: users[i]!.id, localDate: new Date(`${addDays(today, -p.lastDaysAgo)}T00:00:00Z`), mood: 6, closeness: 6, feelSafe: "yes" } });
        }
      }
      return c.id;
    };
    const createdToday = await couple("new", [{ joinedDaysAgo: 0 }, { joinedDaysAgo: null }]);
    const neitherJoined = await couple("invited", [{ joinedDaysAgo: null }, { joinedDaysAgo: null }], 10);
    const otherNotJoined = await couple("half", [{ joinedDaysAgo: 10, lastDaysAgo: 1 }, { joinedDaysAgo: null }], 10);
    const joinedRecently = await couple("recent", [{ joinedDaysAgo: 2 }, { joinedDaysAgo: 2, lastDaysAgo: 0 }], 10);
    const silentSinceJoining = await couple("silent", [{ joinedDaysAgo: 10 }, { joinedDaysAgo: 10, lastDaysAgo: 0 }], 10);
    const stoppedCheckingIn = await couple("stopped", [{ joinedDaysAgo: 20, lastDaysAgo: 5 }, { joinedDaysAgo: 20, lastDaysAgo: 0 }], 20);

    const res = await call(digestRoute.loader, await getRequest("/digest", therapist));
    expect(res.status).toBe(200);
    const listed = (res.data as { missedCheckIns: { id: string }[] }).missedCheckIns.map((c) => c.id);
    expect(listed.sort()).toEqual([silentSinceJoining, stoppedCheckingIn].sort());
    for (const id of [createdToday, neitherJoined, otherNotJoined, joinedRecently]) expect(listed).not.toContain(id);
  });
});
