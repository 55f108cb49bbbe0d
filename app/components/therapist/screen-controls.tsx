import { useFetcher } from "@remix-run/react";
import { Field, FormError, SelectField } from "~/components/forms";
import { LocalTime } from "~/components/local-time";

/** What screenStatusFor returns, after a loader has serialised it. */
export interface ScreenControlsStatus {
  coupleId: string;
  everyWeeks: number;
  canEdit: boolean;
  partners: { id: string; name: string; joined: boolean; lastAnsweredAt: string | null; nextDueAt: string | null; waiting: boolean }[];
}

type Reply = { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null } | undefined;

/**
 * The couple page's private-screen panel: per partner the last answer and the next due date
 * (never the answers, and never a partner's "not now"), "send one now", and the interval. Posts
 * to /couples/:id/screen; with JavaScript errors appear here, without it on that route's page.
 */
export function ScreenControls({ coupleId, status, reply }: { coupleId: string; status: ScreenControlsStatus; reply?: Reply }) {
  const fetcher = useFetcher<{ result?: Reply }>();
  const r = fetcher.data?.result ?? reply;
  const errors = (r?.error ?? {}) as Record<string, string[] | undefined>;
  const values = (r?.initialValue ?? {}) as Record<string, string | undefined>;
  const busy = fetcher.state !== "idle";
  // ?form=1 lets the route draw its own page when a post is refused without JavaScript
  const action = `/couples/${coupleId}/screen?form=1`;
  return (
    <section className="card" aria-labelledby="screen-controls-h">
      <h2 id="screen-controls-h">Private safety screen</h2>
      <p className="small muted">
        Each partner answers alone (they see it as “A few private questions”). Answers reach clinicians only, as flags; the other partner is never told.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Partner</th>
              <th>Last answered</th>
              <th>Next due</th>
            </tr>
          </thead>
          <tbody>
            {status.partners.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.lastAnsweredAt ? <LocalTime iso={p.lastAnsweredAt} /> : <span className="muted">{p.joined ? "Not yet" : "Has not joined yet"}</span>}</td>
                <td>
                  {p.nextDueAt ? <LocalTime iso={p.nextDueAt} /> : <span className="muted">Only when sent</span>}
                  {p.waiting ? <span className="badge warn"> waiting</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">{status.everyWeeks === 0 ? "Repeats: only when you send one (after the first, at joining)." : `Repeats every ${status.everyWeeks} week${status.everyWeeks === 1 ? "" : "s"} after the last answer.`}</p>
      {status.canEdit ? (
        <>
          <FormError errors={errors[""] ?? errors.intent} />
          <fetcher.Form method="post" action={action} className="row">
            <input type="hidden" name="intent" value="send-now" />
            <SelectField label="Send one now to" name="partnerId" defaultValue={values.partnerId ?? ""} errors={errors.partnerId}>
              <option value="">Both partners</option>
              {status.partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="secondary" disabled={busy}>
              Send now
            </button>
          </fetcher.Form>
          <fetcher.Form method="post" action={action} className="row" noValidate>
            <input type="hidden" name="intent" value="interval" />
            <Field
              label="Repeat every (weeks)"
              hint="0 = only when you send one"
              name="weeks"
              type="number"
              inputMode="numeric"
              min={0}
              max={52}
              step={1}
              defaultValue={values.weeks ?? String(status.everyWeeks)}
              errors={errors.weeks}
            />
            <button type="submit" className="secondary" disabled={busy}>
              Save interval
            </button>
          </fetcher.Form>
        </>
      ) : null}
    </section>
  );
}
