import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { resumeWork } from "~/models/flag.server";
import { requireCouple, requireUserWithPermission } from "~/utils/authz.server";
import { parseForm, readForm } from "~/utils/forms.server";

const ResumeSchema = z.object({
  note: z.string({ required_error: "Write a note explaining why shared work resumes." }).trim().min(1, "Write a note explaining why shared work resumes.").max(2000),
});

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

// Only the couple's therapist resumes paused conjoint work, and always with a note.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "resume:work:own");
  await requireCouple(request, user, params.coupleId, ["clinician"]);
  const submission = parseForm(await readForm(request), ResumeSchema);
  if (submission.status !== "success") {
    throw new Response(submission.error?.note?.[0] ?? "Write a note explaining why shared work resumes.", { status: 400 });
  }
  const result = await resumeWork(user, params.coupleId!, submission.value.note, request);
  if (result === "not_found") throw new Response("Not found", { status: 404 });
  return redirect(`/couples/${params.coupleId}`);
}
