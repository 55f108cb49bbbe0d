import { LocalTime } from "~/components/local-time";

/** The serialised record from safeContactFor (app/models/safe-contact.server.ts). */
export interface SafeContactCardData {
  method: string;
  phone: string | null;
  email: string | null;
  avoidTimes: string | null;
  noVoicemail: boolean;
  codeWord: string | null;
  updatedAt: string;
}

const METHOD: Record<string, string> = {
  phone: "Phone",
  email: "Email",
  in_session: "Only in a session — do not call, text or email",
  none: "Do not contact outside sessions for now",
};

/**
 * For clinicians, on each of a partner's flags: how that partner said the care team may reach
 * them safely. Written by the partner alone and never shown to the other partner; before
 * calling, check the method, the times to avoid and whether a voicemail is safe.
 */
export function SafeContactCard({ contact }: { contact: SafeContactCardData | null }) {
  return (
    <section className="card" aria-labelledby="safe-contact-h">
      <h2 id="safe-contact-h">Safe contact</h2>
      {!contact ? (
        <p className="muted">No safe-contact preferences recorded — ask in session.</p>
      ) : (
        <>
          {contact.method === "in_session" || contact.method === "none" ? (
            <p className="notice warn">
              <strong>{METHOD[contact.method]}.</strong>
            </p>
          ) : null}
          <dl className="facts">
            <dt>Preferred</dt>
            <dd>{METHOD[contact.method] ?? contact.method}</dd>
            {contact.phone ? (
              <>
                <dt>Phone</dt>
                <dd>
                  {contact.phone}
                  {contact.noVoicemail ? (
                    <>
                      {" "}
                      <span className="badge warn">no voicemail</span>
                    </>
                  ) : (
                    <span className="muted"> · voicemail is fine</span>
                  )}
                </dd>
              </>
            ) : null}
            {contact.email ? (
              <>
                <dt>Email</dt>
                <dd>{contact.email}</dd>
              </>
            ) : null}
            {contact.avoidTimes ? (
              <>
                <dt>Avoid</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{contact.avoidTimes}</dd>
              </>
            ) : null}
            {contact.codeWord ? (
              <>
                <dt>Code word</dt>
                <dd>{contact.codeWord}</dd>
              </>
            ) : null}
            <dt>Updated</dt>
            <dd>
              <LocalTime iso={contact.updatedAt} />
            </dd>
          </dl>
          <p className="small muted">Private to the care team: never mention or show it to the other partner.</p>
        </>
      )}
    </section>
  );
}
