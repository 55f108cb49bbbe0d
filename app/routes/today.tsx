import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CrisisResources } from "~/components/crisis-resources";
import { HelpLink } from "~/components/partner/help-link";
import { RestitutionItem } from "~/components/partner/restitution-item";
import { RoutineLog } from "~/components/partner/routine-log";
import { LocalDay } from "~/components/local-time";
import { formatLocalDateWithWeekday } from "~/domain/date-format";
import { resourcesForPartner } from "~/models/crisis.server";
import { todayData } from "~/models/partner.server";
import { questionsForPartner, restitutionForPartner } from "~/models/repair.server";
import { dueScreenFor } from "~/models/screen.server";
import { requireUser } from "~/utils/authz.server";
import styles from "~/styles/partner.css";

export const meta: MetaFunction = () => [{ title: "Today · Mend" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const [data, screen] = await Promise.all([todayData(user), dueScreenFor(user)]);
  // the repair plan's restitution actions (none while shared work is paused, as for routines)
  const [restitution, planQuestions] = await Promise.all([restitutionForPartner(user, data.ctx), questionsForPartner(user, data.ctx)]);
  // Just after a check-in that said "no" or "not sure" to feeling safe, offer the lines. The
  // answer is read from the partner's own check-in, never from the URL, and is not sent to the page.
  const justSaved = new URL(request.url).searchParams.get("saved") === "checkin";
  const unsure = data.checkIn?.feelSafe === "no" || data.checkIn?.feelSafe === "not_sure";
  const support = justSaved && unsure ? await resourcesForPartner(user) : null;
  const hour = Number(new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone: data.ctx.timeZone }).format(new Date()));
  return {
    greeting: hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening",
    firstName: user.name.split(" ")[0],
    today: data.ctx.today,
    paused: data.ctx.paused,
    pauseNotice: data.ctx.pauseNotice,
    otherName: data.ctx.otherName,
    checkIn: data.checkIn ? { mood: data.checkIn.mood, closeness: data.checkIn.closeness } : null,
    support,
    routines: data.routines,
    homework: data.homework,
    restitution,
    // only whether there is a plan's questions page, and how many wait for this partner's answer
    planQuestions: planQuestions ? { toAnswer: planQuestions.toAnswer.filter((q) => q.canAnswer).length } : null,
    feedback: data.feedback,
    // only whether the partner's own private questions are due: nothing about them, no id
    questionsDue: screen !== null,
  };
}

const CADENCE: Record<string, string> = { daily: "Every day", weekly: "Weekly", times_per_week: "Some days each week", as_needed: "As needed" };

export default function Today() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="stack partner-page">
      <h1>
        {d.greeting}, {d.firstName}
      </h1>
      {params.get("saved") === "checkin" ? (
        <>
          <p className="notice ok" role="status">
            Thank you — today's check-in is saved.
          </p>
          {d.support ? <CrisisResources {...d.support} context="checkin" /> : null}
        </>
      ) : null}
      <section className="card" aria-labelledby="checkin-h">
        <h2 id="checkin-h">Check-in</h2>
        {d.checkIn ? (
          <p>
            Done for today (mood {d.checkIn.mood}, closeness {d.checkIn.closeness}). <Link to="/checkin">Edit today's check-in</Link>
          </p>
        ) : (
          <p>
            A minute to notice how you are. <Link className="btn" to="/checkin">Check in now</Link>
          </p>
        )}
      </section>
      {d.questionsDue ? (
        <section className="card" aria-labelledby="questions-h">
          <h2 id="questions-h">A few private questions</h2>
          <p>
            When you have a moment and it's safe. <Link to="/questions">Open the questions</Link>
          </p>
        </section>
      ) : null}
      {d.paused ? (
        <section className="card">
          <h2>Shared exercises</h2>
          <p>{d.pauseNotice ?? "Your therapist has paused shared exercises for now. You can still check in each day."}</p>
          {d.homework.length ? <HomeworkList items={d.homework} /> : null}
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="routines-h">
            <h2 id="routines-h">Routines and agreements</h2>
            {d.routines.length === 0 ? <p className="muted">No routines or agreements yet. When your therapist adds one, it appears here.</p> : !d.routines.some((r) => r.dueToday || r.missedEarlier.length) ? <p className="muted">Nothing due today. Enjoy the day.</p> : null}
            <ul className="routines">
              {d.routines.map((r) => (
                <li key={r.id}>
                  <h3>{r.title}</h3>
                  <p className="small">
                    {r.target} · {CADENCE[r.cadence]} · {r.mine ? "yours" : `${d.otherName}'s`}
                  </p>
                  {r.dueToday ? <RoutineLog assignmentId={r.id} date={d.today} current={r.today} heading={r.mine ? "Today" : `Today — did ${d.otherName} do it?`} /> : null}
                  {r.missedEarlier.length ? (
                    <details>
                      <summary>Not logged yet: {r.missedEarlier.length} earlier day{r.missedEarlier.length === 1 ? "" : "s"}</summary>
                      {r.missedEarlier.map((date) => (
                        <RoutineLog key={date} assignmentId={r.id} date={date} current={null} heading={formatLocalDateWithWeekday(date)} />
                      ))}
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          {d.restitution.length ? (
            <section className="card" aria-labelledby="restitution-h">
              <h2 id="restitution-h">Restitution</h2>
              {params.get("saved")?.startsWith("restitution-") ? (
                <p className="notice ok" role="status">
                  {params.get("saved") === "restitution-done" ? "Marked done. Your partner will be asked to confirm it." : "Thank you — your answer is saved."}
                </p>
              ) : null}
              <ul className="routines">
                {d.restitution.map((a) => (
                  <RestitutionItem key={a.id} action={a} otherName={d.otherName} />
                ))}
              </ul>
            </section>
          ) : null}
          <section className="card" aria-labelledby="homework-h">
            <h2 id="homework-h">Homework</h2>
            {d.homework.length === 0 ? <p className="muted">No homework due this week.</p> : <HomeworkList items={d.homework} />}
          </section>
        </>
      )}
      {d.planQuestions ? (
        <section className="card" aria-labelledby="plan-questions-h">
          <h2 id="plan-questions-h">Questions and answers</h2>
          <p>
            {d.planQuestions.toAnswer ? `${d.planQuestions.toAnswer} waiting for your answer. ` : ""}
            <Link to="/plan/questions">Open questions</Link>
          </p>
        </section>
      ) : null}
      {d.feedback.length ? (
        <section className="card" aria-labelledby="feedback-h">
          <h2 id="feedback-h">From your therapist</h2>
          {d.feedback.map((f) => (
            <blockquote key={f.homeworkId + f.at}>
              <p>{f.text}</p>
              <footer className="small muted">
                on <Link to={`/homework/${f.homeworkId}`}>{f.title}</Link>
              </footer>
            </blockquote>
          ))}
        </section>
      ) : null}
      <HelpLink />
    </div>
  );
}

function HomeworkList({ items }: { items: { id: string; title: string; dueDate: string; overdue: boolean; draft: boolean }[] }) {
  return (
    <ul>
      {items.map((h) => (
        <li key={h.id}>
          <Link to={`/homework/${h.id}`}>{h.title}</Link> — {h.overdue ? (
            <strong>
              was due <LocalDay date={h.dueDate} />
            </strong>
          ) : (
            <>
              due <LocalDay date={h.dueDate} />
            </>
          )}
          {h.draft ? <span className="badge">draft saved</span> : null}
        </li>
      ))}
    </ul>
  );
}
