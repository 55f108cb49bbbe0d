import { Link } from "@remix-run/react";

/**
 * The ways to change a routine after assigning it, for the couple page: "Change" (end this
 * version and start the edited one, in one step) and "End…" (a confirm page, no one-click end).
 * Plain links, so they work without JavaScript.
 */
export function RoutineChangeLinks({ coupleId, assignmentId, title, status }: { coupleId: string; assignmentId: string; title: string; status: string }) {
  if (status === "completed") return null;
  return (
    <>
      <Link to={`/couples/${coupleId}/assign?replace=${assignmentId}`} aria-label={`Change “${title}”`}>
        Change
      </Link>
      <Link to={`/couples/${coupleId}/routines/${assignmentId}/end`} aria-label={`End “${title}”…`}>
        End…
      </Link>
    </>
  );
}

/** "Change" for homework nobody has started: closes it and assigns the edited version in one step. */
export function HomeworkChangeLink({ coupleId, homeworkId, title }: { coupleId: string; homeworkId: string; title: string }) {
  return (
    <Link to={`/couples/${coupleId}/homework/new?replace=${homeworkId}`} aria-label={`Change “${title}”`}>
      Change
    </Link>
  );
}
