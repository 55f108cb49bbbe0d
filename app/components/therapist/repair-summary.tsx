import { Link } from "@remix-run/react";

/** The couple page's line about the repair plan: where the couple is, restitution so far and this week, and the questions' statuses. */
export function RepairPlanSummary({
  coupleId,
  plan,
}: {
  coupleId: string;
  plan: {
    title: string;
    phase: number;
    phaseCount: number;
    phaseName: string | null;
    complete: boolean;
    restitution: { total: number; confirmed: number; awaitingConfirmation: number; disputed: number; open: number; missed: number };
    restitutionThisWeek: { total: number; missed: number };
    questions: { private: number; asked: number; held_for_session: number; answered: number; revisited: number };
  } | null;
}) {
  const q = plan?.questions;
  return (
    <section className="card" aria-labelledby="repair-h">
      <h2 id="repair-h">Repair plan</h2>
      {plan ? (
        <>
          <p>
            <strong>
              {plan.complete ? `All ${plan.phaseCount} phases complete` : `Phase ${plan.phase} of ${plan.phaseCount} — ${plan.phaseName}`}
            </strong>{" "}
            <span className="muted">({plan.title})</span>
          </p>
          {plan.restitution.total ? (
            <p className="small">
              Restitution: {plan.restitution.confirmed} of {plan.restitution.total} done and confirmed
              {plan.restitution.awaitingConfirmation ? `, ${plan.restitution.awaitingConfirmation} waiting for confirmation` : ""}
              {plan.restitution.disputed ? `, ${plan.restitution.disputed} answered “not as promised”` : ""}
              {plan.restitution.missed ? (
                <>
                  {" "}
                  · <span className="badge warn">{plan.restitution.missed} missed date{plan.restitution.missed === 1 ? "" : "s"}</span>
                </>
              ) : null}
              {plan.restitutionThisWeek.total ? ` · this week: ${plan.restitutionThisWeek.total} due, ${plan.restitutionThisWeek.missed} missed` : ""}
            </p>
          ) : null}
          {q && q.private + q.asked + q.held_for_session + q.answered + q.revisited > 0 ? (
            <p className="small">
              Questions: {q.private} on the list · {q.asked} asked · {q.held_for_session} held for session · {q.answered} answered · {q.revisited} revisited
            </p>
          ) : null}
          <p>
            <Link to={`/couples/${coupleId}/plan`}>Open the repair plan</Link>
          </p>
        </>
      ) : (
        <p>
          No repair plan yet. <Link to={`/couples/${coupleId}/plan`}>Start a repair plan</Link>
        </p>
      )}
    </section>
  );
}
