import { describe, expect, it } from "vitest";
import * as caseloadRoute from "~/routes/caseload";
import { localDateOf } from "~/domain/dates";
import { call, createCouple, createPractice, createUser, getRequest } from "../support/fixtures";

type Data = { rows: { id: string; names: string; today: string }[]; total: number; filters: { q: string } };

describe("caseload search by name (GET ?q=)", () => {
  it("narrows the list to couples with a partner of that name, keeps the query, and says when nothing matches", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    const other = await createUser(practice.id, "therapist");
    const jordan = await createCouple(practice.id, therapist.id, { names: ["Jordan Reyes", "Riley Chen"] });
    const sam = await createCouple(practice.id, therapist.id, { names: ["Sam Okafor", "José Núñez"] });
    await createCouple(practice.id, other.id, { names: ["Jordan Other", "Someone Else"] }); // another therapist's

    const all = (await call(caseloadRoute.loader, await getRequest("/caseload", therapist))).data as Data;
    expect(all.rows.map((r) => r.id).sort()).toEqual([jordan.couple.id, sam.couple.id].sort());

    const byFirst = (await call(caseloadRoute.loader, await getRequest("/caseload?q=jor", therapist))).data as Data;
    expect(byFirst.rows.map((r) => r.id)).toEqual([jordan.couple.id]);
    expect(byFirst.filters.q).toBe("jor");
    expect(byFirst.total).toBe(2);

    const accents = (await call(caseloadRoute.loader, await getRequest(`/caseload?q=${encodeURIComponent("  jose  nunez ")}`, therapist))).data as Data;
    expect(accents.rows.map((r) => r.id)).toEqual([sam.couple.id]);
    expect(accents.filters.q).toBe("jose nunez");

    const none = await call(caseloadRoute.loader, await getRequest("/caseload?q=zzz", therapist));
    expect(none.status).toBe(200);
    expect((none.data as Data).rows).toEqual([]);
    expect((none.data as Data).total).toBe(2);
  });

  it("each row carries the couple's today, which the sparklines end on", async () => {
    const practice = await createPractice();
    const therapist = await createUser(practice.id, "therapist");
    await createCouple(practice.id, therapist.id, { timeZone: "Pacific/Kiritimati" });
    const d = (await call(caseloadRoute.loader, await getRequest("/caseload", therapist))).data as Data;
    // the couple's own day (UTC+14), not the server's
    expect(d.rows[0]!.today).toBe(localDateOf(new Date(), "Pacific/Kiritimati"));
  });
});
