/**
 * How each partner is drawn, in every chart of the couple page and its print: a colour and a
 * line style, so the two lines differ without colour too. The legend reads from the same table,
 * so it cannot say something the lines do not do.
 */
export const PARTNER_STYLE = {
  A: { color: "#1b5e8c", dash: undefined as string | undefined, dashLabel: "solid line" },
  B: { color: "#b54708", dash: "6 4" as string | undefined, dashLabel: "dashed line" },
} as const;
export type Slot = keyof typeof PARTNER_STYLE;

export const MARKER_STYLE = {
  flag: { color: "#b42318" },
  pause: { color: "#667085", opacity: 0.22 },
} as const;

function Swatch({ slot }: { slot: Slot }) {
  const s = PARTNER_STYLE[slot];
  return (
    <svg width="36" height="12" aria-hidden="true" focusable="false">
      <line x1="2" y1="6" x2="34" y2="6" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash} />
      <circle cx="18" cy="6" r="2.5" fill={s.color} fillOpacity="0.35" />
    </svg>
  );
}

/** The legend of the mood and closeness panels: partner names with their line, then the markers. */
export function PartnerLegend({ names, markers = true }: { names: Record<Slot, string>; markers?: boolean }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {(["A", "B"] as const).map((slot) => (
        <li key={slot}>
          <Swatch slot={slot} /> {names[slot]} <span className="muted small">({PARTNER_STYLE[slot].dashLabel})</span>
        </li>
      ))}
      {markers ? (
        <>
          <li>
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <line x1="7" y1="0" x2="7" y2="14" stroke={MARKER_STYLE.flag.color} strokeWidth="2" />
            </svg>{" "}
            safety flag raised
          </li>
          <li>
            <svg width="18" height="14" aria-hidden="true" focusable="false">
              <rect width="18" height="14" fill={MARKER_STYLE.pause.color} fillOpacity={MARKER_STYLE.pause.opacity * 2} />
            </svg>{" "}
            shared work paused
          </li>
        </>
      ) : null}
    </ul>
  );
}
