/**
 * Form parsing: zod schemas through conform, so a failure returns field errors plus the values
 * the person typed (status 400), and the form re-renders with both.
 */
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { PASSWORD_MAX } from "~/domain/password-policy";
import { badRequest } from "./http.server";

/** C0 controls except tab (09), LF (0A) and CR (0D): PostgreSQL refuses NUL, and none belong in text. */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const C0_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What every submitted text becomes before any schema or query sees it: no NUL or other C0
 * control (tab and newlines kept), newlines as LF, and lone surrogates as U+FFFD. Doing it once
 * here means a NUL in a help request is stored (and flagged) instead of failing in the database.
 */
export function normaliseText(value: string): string {
  return value.replace(C0_CONTROLS, "").replace(/\r\n?/g, "\n").replace(LONE_SURROGATE, "\uFFFD");
}

/**
 * Reads a urlencoded/multipart body; one that cannot be parsed is a 400 rather than a 500.
 * Its size is capped before it gets here, while server.js reads it (MAX_BODY_BYTES), whatever
 * its framing. Every field name and text value is normalised (normaliseText); files are passed through.
 */
export async function readForm(request: Request): Promise<FormData> {
  let raw: FormData;
  try {
    raw = await request.formData();
  } catch {
    throw new Response("We could not read that form.", { status: 400 });
  }
  const clean = new FormData();
  for (const [name, value] of raw.entries()) {
    if (typeof value === "string") clean.append(normaliseText(name), normaliseText(value));
    else clean.append(normaliseText(name), value);
  }
  return clean;
}

/** Any C0 control or DEL, which no id, filter or path Mend makes ever contains. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNREADABLE = /[\u0000-\u001F\u007F]/;

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * The URL boundary, the counterpart of readForm for route params and search params, called once
 * from requireUser so every signed-in page gets it:
 *  - a path whose decoded form has a control character (an id like "a%00b") is a 404, as an
 *    unknown id is;
 *  - control characters in the search params are dropped: a GET is sent to the same URL without
 *    them (a filter like ?user=%00 is then simply ignored), anything else is a 400.
 * Without this, a NUL reaches PostgreSQL, which refuses it with a 500.
 */
export function rejectUnreadableUrl(request: Request): void {
  const url = new URL(request.url);
  const path = decoded(url.pathname);
  if (path === null || UNREADABLE.test(path)) {
    throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const params = [...url.searchParams.entries()];
  if (!params.some(([k, v]) => UNREADABLE.test(k) || UNREADABLE.test(v))) return;
  if (request.method !== "GET" && request.method !== "HEAD") {
    throw new Response("That address has characters we cannot read.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const strip = (s: string) => s.replace(new RegExp(UNREADABLE.source, "g"), "");
  const cleaned = new URLSearchParams(params.map(([k, v]) => [strip(k), strip(v)]));
  const search = cleaned.toString();
  // One leading slash: a path like "//evil.example" must not become a protocol-relative Location.
  const samePath = `/${url.pathname.replace(/^[/\\]+/, "")}`;
  throw new Response(null, { status: 302, headers: { Location: `${samePath}${search ? `?${search}` : ""}` } });
}

export type FormReply = {
  status?: "error" | "success";
  error?: Record<string, string[] | null> | null;
  initialValue?: Record<string, unknown> | null;
};

export function parseForm<S extends z.ZodTypeAny>(formData: FormData, schema: S) {
  return parseWithZod(formData, { schema });
}

/** A 400 with the conform reply (field errors + typed values) and any extra data. */
export function invalid<T extends object>(reply: FormReply, extra?: T) {
  return badRequest({ result: reply, ...(extra ?? ({} as T)) });
}

/** Pick the field errors out of a conform reply for plain (non-conform) forms. */
export function errorsOf(reply: FormReply | undefined | null, name: string): string[] | undefined {
  const e = reply?.error?.[name];
  return e ?? undefined;
}

/**
 * A new password typed twice, for joining and for a reset (the policy itself is checkPassword,
 * run after parsing because it needs the account's email and name):
 * `z.object({ ...NEW_PASSWORD_FIELDS }).refine(typedTwice, TYPED_TWICE)`.
 */
export const NEW_PASSWORD_FIELDS = {
  password: z.string({ required_error: "Choose a password." }).max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
  confirm: z.string({ required_error: "Type the password again." }).max(PASSWORD_MAX),
};
export const typedTwice = (v: { password: string; confirm: string }) => v.password === v.confirm;
export const TYPED_TWICE = { path: ["confirm"], message: "The two passwords are not the same." };
