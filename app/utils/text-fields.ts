/**
 * zod fields for what people write, limited as the domain counts (app/domain/text-limits.ts):
 * trimmed, refused with a field message past the limit, never cut.
 */
import { z } from "zod";
import { charCount, tooLongMessage } from "~/domain/text-limits";

function limit(max: number, what: string) {
  return (s: string, ctx: z.RefinementCtx) => {
    const n = charCount(s);
    if (n > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: tooLongMessage(max, n, what) });
  };
}

/** Optional text: empty is allowed (conform turns an empty field into undefined). */
export function optionalText(max: number, what = "it") {
  return z.string().trim().superRefine(limit(max, what)).optional();
}

/** Required text: whitespace alone is "empty" and gets `required`. */
export function requiredText(max: number, required: string, what = "it") {
  return z.string({ required_error: required }).trim().min(1, required).superRefine(limit(max, what));
}
