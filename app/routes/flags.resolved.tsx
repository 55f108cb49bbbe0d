import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldError, FormError, formState } from "~/components/forms";
import { LocalTime } from "~/components/local-time";
import { SEVERITY_LABEL, SeverityBadge } from "~/components/safety";
import { addDays, isValidLocalDate, startOfLocalDayUtc } from "~/domain/dates";
import { isResolutionOutcome, OUTCOME_LABELS, RESOLUTION_OUTCOMES, type ResolutionOutcome } from "~/domain/flag-workflow";
import { audit } from "~/utils/audit.server";
import { listAwaitingReview, listResolved, markResolutionReviewed, type ResolvedRow } from "~/models/flag-oversight.server";
import { listTherapists } from "~/models/flag.server";
import { auditDenied, requireUserWithPermission } from "~/utils/authz.server";
import { practiceTimeZone } from "~/models/practice.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Resolved flags · Mend" }];

type Filters = { outcome: string; therapist: string; from: string; to: string };

const pageParam = (v: string | null) => Math.min(10_000, Math.max(1, Math.floor(Number(v)) || 1));

/**
 * The filters as typed, and a field error for each that cannot be used. Everything arrives in the
 * query string, so anything may arrive: a bad value is a message beside its field, never a 500.
 */
function readFilters(q: URLSearchParams, therapistIds: Set<string>) {
  const typed: Filters = {
    outcome: (q.get("outcome") ?? "").slice(0, 40),
    therapist: (q.get("therapist") ?? "").slice(0, 40),
    from: (q.get("from") ?? "").trim().slice(0, 40),
    to: (q.get("to") ?? "").trim().slice(0, 40),
  };
  const errors: Partial<Record<keyof Filters, string[]>> = {};
  if (typed.outcome && !isResolutionOutcome(typed.outcome)) errors.outcome = ["Choose an outcome from the list."];
  if (typed.therapist && !therapistIds.has(typed.therapist)) errors.therapist = ["Choose a therapist from the list."];
  const realDate = (d: string) => isValidLocalDate(d) && d >= "2000-01-01" && d <= "2100-12-31";
  if (typed.from && !realDate(typed.from)) errors.from = ["Enter a real date, like 2026-03-01."];
  if (typed.to && !realDate(typed.to)) errors.to = ["Enter a real date, like 2026-03-31."];
  if (!errors.from && !errors.to && typed.from && typed.to && typed.to < typed.from) errors.to = ["The end date is before the start date."];
  return { typed, errors };
}

function rowView(r: ResolvedRow) {
  return { ...r, resolvedAt: r.resolvedAt?.toISOString() ?? null };
}

// Supervisors only: every resolved flag of the practice, and the serious ones a therapist closed alone.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:flag:any");
  const q = new URL(request.url).searchParams;
  const [therapists, timeZone] = await Promise.all([listTherapists(user), practiceTimeZone(user)]);
  const { typed, errors } = readFilters(q, new Set(therapists.map((t) => t.id)));
  const invalidFilters = Object.keys(errors).length > 0;
  const page = pageParam(q.get("page"));
  const reviewPage = pageParam(q.get("rpage"));
  // Dates are days in the practice's time zone; "to" includes the whole of its day.
  const history = invalidFilters
    ? null
    : await listResolved(
        user,
        {
          outcome: (typed.outcome || undefined) as ResolutionOutcome | undefined,
          therapistId: typed.therapist || undefined,
          from: typed.from ? startOfLocalDayUtc(typed.from, timeZone) : undefined,
          to: typed.to ? startOfLocalDayUtc(addDays(typed.to, 1), timeZone) : undefined,
        },
        page,
      );
  const review = await listAwaitingReview(user, reviewPage);
  await audit({ actor: user, action: "read", entity: "flag-history", request });
  return data(
    {
      therapists,
      filters: typed,
      errors,
      page,
      reviewPage,
      reviewed: q.get("reviewed") === "1",
      history: history ? { ...history, rows: history.rows.map(rowView) } : null,
      review: { ...review, rows: review.rows.map(rowView) },
    },
    { status: invalidFilters ? 400 : 200 },
  );
}

const ReviewSchema = z.object({ intent: z.literal("review"), flagId: z.string({ required_error: "Choose a flag." }).min(1).max(40) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:flag:any");
  const submission = parseForm(await readForm(request), ReviewSchema);
  if (submission.status !== "success") return invalid(submission.reply({ formErrors: ["That request was not understood."] }));
  const result = await markResolutionReviewed(user, submission.value.flagId, request);
  if (result === "not_found") {
    await auditDenied(request, user, "flag", submission.value.flagId);
    notFound();
  }
  if (result === "not_eligible") return invalid(submission.reply({ formErrors: ["Only a resolved high or imminent flag is reviewed here."] }));
  // Already reviewed (a double click, or another supervisor first): nothing more to record.
  return redirect("/flags/resolved?reviewed=1#review");
}

function pageLink(filters: Filters, page: number, reviewPage: number, anchor: string) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  if (page > 1) q.set("page", String(page));
  if (reviewPage > 1) q.set("rpage", String(reviewPage));
  const s = q.toString();
  return `${s ? `?${s}` : "."}${anchor}`;
}

function Outcome({ value }: { value: ResolutionOutcome | null }) {
  return <>{value ? OUTCOME_LABELS[value] : "—"}</>;
}

export default function ResolvedFlags() {
  const { therapists, filters, errors, page, reviewPage, reviewed, history, review } = useLoaderData<typeof loader>();
  const { errors: actionErrors } = formState(useActionData<typeof action>());
  const fieldErrors = errors as Partial<Record<keyof Filters, string[]>>;
  const reviewFirst = (reviewPage - 1) * review.pageSize + 1;
  const reviewLast = reviewFirst + review.rows.length - 1;
  return (
    <div className="stack">
      <p>
        <Link to="/flags">← Safety queue</Link>
      </p>
      <section className="card" aria-labelledby="review-h" id="review">
        <h1 id="review-h">Resolved by the therapist alone — review</h1>
        <p className="muted">
          High and imminent flags that a therapist resolved with no supervisor on the flag. Read the resolution, open the flag if anything needs following up, then mark it reviewed: the
          review goes on the flag's timeline.
        </p>
        {reviewed ? (
          <p className="notice ok" role="status">
            Marked as reviewed.
          </p>
        ) : null}
        <FormError errors={actionErrors[""]} />
        {review.rows.length === 0 ? (
          review.total > 0 ? (
            <p>
              Nothing on this page. <Link to={pageLink(filters, page, 1, "#review")}>Back to the first page</Link>
            </p>
          ) : (
            <p>Nothing to review.</p>
          )
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Resolutions awaiting a supervisor's review, oldest first</caption>
              <thead>
                <tr>
                  <th>Severity</th>
                  <th>Couple</th>
                  <th>About</th>
                  <th>Resolved by</th>
                  <th>Outcome and note</th>
                  <th>Resolved</th>
                  <th>
                    <span className="visually-hidden">Review</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {review.rows.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <span className="badge danger">{SEVERITY_LABEL[f.severity]}</span>
                    </td>
                    <td>
                      <Link to={`/flags/${f.id}`}>{f.coupleNames}</Link>
                    </td>
                    <td>{f.partnerName}</td>
                    <td>{f.resolvedBy ?? f.therapistName}</td>
                    <td>
                      <strong>
                        <Outcome value={f.outcome} />
                      </strong>
                      {f.resolutionNote ? <p className="small">{f.resolutionNote}</p> : null}
                    </td>
                    <td>{f.resolvedAt ? <LocalTime iso={f.resolvedAt} /> : "—"}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="review" />
                        <input type="hidden" name="flagId" value={f.id} />
                        <button type="submit" className="secondary">
                          Mark reviewed
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="row" aria-label="Review list pages">
              <span>
                {reviewFirst}–{reviewLast} of {review.total} to review
              </span>
              {reviewPage > 1 ? <Link to={pageLink(filters, page, reviewPage - 1, "#review")}>Previous {review.pageSize}</Link> : null}
              {reviewLast < review.total ? <Link to={pageLink(filters, page, reviewPage + 1, "#review")}>Next {Math.min(review.pageSize, review.total - reviewLast)}</Link> : null}
            </nav>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="history-h" id="history">
        <h2 id="history-h">Resolved flags</h2>
        <Form method="get" className="row" noValidate aria-label="Filter resolved flags">
          <div className="field">
            <label htmlFor="f-outcome">Outcome</label>
            <select id="f-outcome" name="outcome" defaultValue={filters.outcome} aria-invalid={fieldErrors.outcome ? true : undefined} aria-describedby={fieldErrors.outcome ? "f-outcome-error" : undefined}>
              <option value="">Any</option>
              {RESOLUTION_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
            <FieldError id="f-outcome-error" errors={fieldErrors.outcome} />
          </div>
          <div className="field">
            <label htmlFor="f-therapist">Therapist</label>
            <select id="f-therapist" name="therapist" defaultValue={filters.therapist} aria-invalid={fieldErrors.therapist ? true : undefined} aria-describedby={fieldErrors.therapist ? "f-therapist-error" : undefined}>
              <option value="">Any</option>
              {therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <FieldError id="f-therapist-error" errors={fieldErrors.therapist} />
          </div>
          {(["from", "to"] as const).map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`f-${name}`}>{name === "from" ? "Resolved from" : "Resolved to"}</label>
              <input
                id={`f-${name}`}
                name={name}
                type="date"
                defaultValue={filters[name]}
                aria-invalid={fieldErrors[name] ? true : undefined}
                aria-describedby={fieldErrors[name] ? `f-${name}-error` : undefined}
              />
              <FieldError id={`f-${name}-error`} errors={fieldErrors[name]} />
            </div>
          ))}
          <button type="submit" className="secondary">
            Filter
          </button>
        </Form>
        {!history ? (
          <p role="alert">Correct the filters above to see resolved flags.</p>
        ) : history.rows.length === 0 ? (
          history.total > 0 ? (
            <p>
              No flags on this page. <Link to={pageLink(filters, 1, reviewPage, "#history")}>Back to the first page</Link>
            </p>
          ) : (
            <p>No resolved flags match.</p>
          )
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Resolved flags, most recently resolved first</caption>
              <thead>
                <tr>
                  <th>Severity</th>
                  <th>Couple</th>
                  <th>About</th>
                  <th>Therapist</th>
                  <th>Resolved by</th>
                  <th>Outcome</th>
                  <th>Resolved</th>
                  <th>Supervisor</th>
                </tr>
              </thead>
              <tbody>
                {history.rows.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <SeverityBadge severity={f.severity} />
                    </td>
                    <td>
                      <Link to={`/flags/${f.id}`}>{f.coupleNames}</Link>
                    </td>
                    <td>{f.partnerName}</td>
                    <td>{f.therapistName}</td>
                    <td>{f.resolvedBy ?? "—"}</td>
                    <td>
                      <Outcome value={f.outcome} />
                    </td>
                    <td>{f.resolvedAt ? <LocalTime iso={f.resolvedAt} /> : "—"}</td>
                    <td>{f.supervisorInvolved ? "Involved" : <span className="muted">Not involved</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="row" aria-label="Resolved flag pages">
              <span>
                {(page - 1) * history.pageSize + 1}–{(page - 1) * history.pageSize + history.rows.length} of {history.total} resolved flags
              </span>
              {page > 1 ? <Link to={pageLink(filters, page - 1, reviewPage, "#history")}>Previous {history.pageSize}</Link> : null}
              {(page - 1) * history.pageSize + history.rows.length < history.total ? <Link to={pageLink(filters, page + 1, reviewPage, "#history")}>Next</Link> : null}
            </nav>
          </div>
        )}
      </section>
    </div>
  );
}
