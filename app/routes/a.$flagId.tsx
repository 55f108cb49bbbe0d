import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getFlag } from "~/models/flag.server";
import { auditDenied, requireUser } from "~/utils/authz.server";
import { notFound } from "~/utils/http.server";

/**
 * The short, neutral link in clinicians' alert emails (a URL with "flags" in it would say what
 * the email is about). Opens the flag for a clinician allowed to see it; anyone else gets 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["therapist", "supervisor"] });
  const found = await getFlag(user, params.flagId ?? "");
  if (!found) {
    await auditDenied(request, user, "flag", params.flagId);
    notFound();
  }
  return redirect(`/flags/${found.flag.id}`);
}
