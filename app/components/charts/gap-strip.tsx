/**
 * Perception gaps where they happen: one strip per routine over the couple's plan so far, one
 * mark per occurrence the two partners reported differently. Plain SVG, drawn on the server.
 */
import { formatLocalDate } from "~/domain/date-format";
import { diffDays, type LocalDate } from "~/domain/dates";

export interface GapStripRow {
  id: string;
  title: string;
  marks: { date: LocalDate; reports: string }[];
}

const W = 600;
const H = 26;
const PAD = 6;

export function GapStrips({ strips, from, to }: { strips: GapStripRow[]; from: LocalDate; to: LocalDate }) {
  const span = Math.max(1, diffDays(to, from));
  const x = (d: LocalDate) => PAD + ((W - 2 * PAD) * Math.min(span, Math.max(0, diffDays(d, from)))) / span;
  return (
    <div className="gap-strips">
      {strips.map((s) => (
        <div key={s.id} className="gap-strip">
          <div className="small">
            <strong>{s.title}</strong> <span className="muted">· {s.marks.length === 0 ? "no gaps" : `${s.marks.length} gap${s.marks.length === 1 ? "" : "s"}`}</span>
          </div>
          <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <line x1={PAD} x2={W - PAD} y1={H / 2} y2={H / 2} stroke="#98a2b3" strokeWidth="1" />
            {s.marks.map((m) => (
              <line key={m.date} x1={x(m.date)} x2={x(m.date)} y1={3} y2={H - 3} stroke="#7a3e9d" strokeWidth="3">
                <title>{`${formatLocalDate(m.date)} — ${m.reports}`}</title>
              </line>
            ))}
          </svg>
        </div>
      ))}
      <div className="spread small muted gap-axis">
        <span>{formatLocalDate(from)}</span>
        <span>{formatLocalDate(to)}</span>
      </div>
    </div>
  );
}
