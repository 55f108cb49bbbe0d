import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdherenceWeekTable } from "~/components/therapist/adherence-table";
import { localDateOf } from "~/domain/dates";
import { audit } from "~/utils/audit.server";
import { adherenceByWeek, weeklyReview } from "~/models/couple-stats.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { prisma } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Progress summary · Mend" }];

// A printable one-page summary to bring to a session.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:couple:own");
  const { couple } = await requireCouple(request, user, params.coupleId, ["clinician"]);
  const today = localDateOf(new Date(), couple.timeZone);
  const [people, adherence, review] = await Promise.all([
    prisma.couple.findUniqueOrThrow({ where: { id: couple.id }, select: { startDate: true, partnerA: { select: { id: true, name: true } }, partnerB: { select: { id: true, name: true } } } }),
    adherenceByWeek(couple.id, couple.timeZone, today),
    weeklyReview(couple.id, couple.timeZone, today),
  ]);
  await audit({ actor: user, action: "read", entity: "couple-summary", entityId: couple.id, coupleId: couple.id, request });
  return { today, coupleId: couple.id, people: { ...people, startDate: people.startDate.toISOString().slice(0, 10) }, adherence: adherence.overall, review };
}

export default function PrintSummary() {
  const d = useLoaderData<typeof loader>();
  const name = (id: string) => (id === d.people.partnerA.id ? d.people.partnerA.name : d.people.partnerB.name);
  return (
    <article className="card">
      <p className="no-print">
        <Link to={`/couples/${d.coupleId}`}>← Back</Link> · Use your browser's Print command.
      </p>
      <h1>
        Progress summary: {d.people.partnerA.name} &amp; {d.people.partnerB.name}
      </h1>
      <p>
        Started {d.people.startDate} · prepared {d.today}
      </p>
      <h2>Last 7 days</h2>
      <ul>
        {d.review.moods.map((m) => (
          <li key={m.partnerId}>
            {name(m.partnerId)}: average mood {m.now ?? "—"} (previous week {m.before ?? "—"})
          </li>
        ))}
        <li>
          Adherence {d.review.adherenceNow ?? "—"}% (previous week {d.review.adherenceBefore ?? "—"}%), {d.review.missed} missed
        </li>
        <li>
          {d.review.homeworkSubmitted} homework submissions · {d.review.sharedNotes} shared notes/appreciations · {d.review.newFlags} new flags
        </li>
      </ul>
      <h2>Adherence by plan week</h2>
      <AdherenceWeekTable weeks={d.adherence} />
    </article>
  );
}
