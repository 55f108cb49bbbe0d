import { Phone, MessageSquare } from "lucide-react";
import { smsHref, telHref } from "~/domain/crisis-resources";

interface Line {
  id: string;
  label: string;
  phone: string | null;
  sms: string | null;
  smsBody: string | null;
  hours: string | null;
}

const COPY = {
  en: {
    help: "If you need someone right away",
    checkin: "If you ever need someone to talk to right away:",
    call: (n: string) => `Call ${n}`,
    text: (n: string, body: string | null) => (body ? `Text ${body} to ${n}` : `Text ${n}`),
  },
  es: {
    help: "Si necesitas a alguien ahora mismo",
    checkin: "Si en algún momento necesitas hablar con alguien de inmediato:",
    call: (n: string) => `Llamar al ${n}`,
    text: (n: string, body: string | null) => (body ? `Enviar mensaje «${body}» al ${n}` : `Enviar mensaje al ${n}`),
  },
} as const;

// Full-width, at least 48px tall: easy to hit with a thumb on a 375px phone, even in a hurry.
const TAP = { width: "100%", justifyContent: "center", minHeight: 48, fontSize: "1.05rem", boxSizing: "border-box" } as const;

/**
 * The partner's crisis lines as tap-to-call and tap-to-text links, and the practice's fallback
 * text. Neutral wording: it may be read over someone's shoulder.
 */
export function CrisisResources({
  resources,
  fallback,
  language,
  context,
}: {
  resources: Line[];
  fallback: string;
  language: "en" | "es";
  /** "help": on the ask-for-help page; "checkin": after a check-in that said not feeling safe */
  context: "help" | "checkin";
}) {
  const t = COPY[language];
  const headingId = `crisis-${context}-h`;
  return (
    <section className="card crisis-resources" aria-labelledby={headingId} lang={language}>
      <h2 id={headingId}>{t[context]}</h2>
      {resources.length ? (
        <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {resources.map((r) => {
            const tel = telHref(r.phone);
            const sms = smsHref(r.sms, r.smsBody);
            return (
              <li key={r.id}>
                <strong>{r.label}</strong>
                {r.hours ? <div className="small muted">{r.hours}</div> : null}
                <div style={{ display: "flex", flexDirection: "column", gap: "0.5rem", marginTop: "0.4rem" }}>
                  {tel && r.phone ? (
                    <a className="btn" href={tel} style={TAP}>
                      <Phone size={18} aria-hidden="true" /> {t.call(r.phone)}
                    </a>
                  ) : null}
                  {sms && r.sms ? (
                    <a className="btn secondary" href={sms} style={TAP}>
                      <MessageSquare size={18} aria-hidden="true" /> {t.text(r.sms, r.smsBody)}
                    </a>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {fallback ? <p className="crisis">{fallback}</p> : null}
    </section>
  );
}
