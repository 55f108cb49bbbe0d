import { useFetcher } from "@remix-run/react";
import { useId } from "react";

const LABEL = { kept: "Kept", partly: "Partly", missed: "Missed" } as const;

/** Kept / partly / missed for one occurrence, with an optional note; posts to /log. */
export function RoutineLog({
  assignmentId,
  date,
  current,
  heading,
}: {
  assignmentId: string;
  date: string;
  current: { status: keyof typeof LABEL; note: string | null } | null;
  heading: string;
}) {
  const fetcher = useFetcher<{ result?: { error?: Record<string, string[] | null> } }>();
  const id = useId();
  const pending = fetcher.formData?.get("status") as keyof typeof LABEL | undefined;
  const shown = pending ?? current?.status ?? null;
  const errors = fetcher.data?.result?.error;
  const error = errors ? Object.values(errors).flat().filter(Boolean).join(" ") : null;
  return (
    <fetcher.Form method="post" action="/log" className="routine-log" aria-labelledby={`${id}-h`}>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="date" value={date} />
      <p id={`${id}-h`} className="small muted">
        {heading}
        {shown ? <> — you said <strong>{LABEL[shown].toLowerCase()}</strong></> : null}
      </p>
      <label className="visually-hidden" htmlFor={`${id}-note`}>
        Note (optional)
      </label>
      <input id={`${id}-note`} type="text" name="note" placeholder="Note (optional)" maxLength={2000} defaultValue={current?.note ?? ""} />
      <div className="row" role="group" aria-label="How did it go?">
        {(Object.keys(LABEL) as (keyof typeof LABEL)[]).map((s) => (
          <button key={s} type="submit" name="status" value={s} className={shown === s ? "primary" : "secondary"} aria-pressed={shown === s}>
            {LABEL[s]}
          </button>
        ))}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
