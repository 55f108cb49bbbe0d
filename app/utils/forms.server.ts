/**
 * Form parsing: zod schemas through conform, so a failure returns field errors plus the values
 * the person typed (status 400), and the form re-renders with both.
 */
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { badRequest } from "./http.server";

export const MAX_FORM_BYTES = 256 * 1024;

/** Reads a urlencoded/multipart body, refusing oversized ones with a 413 rather than a 500. */
export async function readForm(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_FORM_BYTES) throw new Response("That form is too large.", { status: 413 });
  try {
    return await request.formData();
  } catch {
    throw new Response("We could not read that form.", { status: 400 });
  }
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
