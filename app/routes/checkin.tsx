import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormError, formState, RadioGroup, TextareaField } from "~/components/forms";
import { HelpLink } from "~/components/partner/help-link";
import { LocalDay } from "~/components/local-time";
import { ownCheckIn, saveCheckIn } from "~/models/checkin.server";
import { partnerContext } from "~/models/partner.server";
import { requireUser } from "~/utils/authz.server";
import { invalid, parseForm, readForm } from "~/utils/forms.server";
import { optionalText } from "~/utils/text-fields";
import { SHORT_NOTE_MAX } from "~/domain/text-limits";
import { FEEL_SAFE_ANSWERS } from "~/domain/safety";

export const meta: MetaFunction = () => [{ title: "Check-in · Mend" }];

const scale = (what: string) =>
  z.coerce
    .number({ required_error: `Choose your ${what} from 1 to 10.`, invalid_type_error: `Choose your ${what} from 1 to 10.` })
    .int(`Choose your ${what} from 1 to 10.`)
    .min(1, `Choose your ${what} from 1 to 10.`)
    .max(10, `Choose your ${what} from 1 to 10.`);

const CheckInSchema = z.object({
  mood: scale("mood"),
  closeness: scale("closeness"),
  feelSafe: z.enum(FEEL_SAFE_ANSWERS, { errorMap: () => ({ message: "Please answer this question." }) }),
  note: optionalText(SHORT_NOTE_MAX, "your note"),
  noteShared: z.literal("on").optional(),
  appreciation: optionalText(SHORT_NOTE_MAX),
  // The server decides "today"; a posted date must be today in the couple's time zone.
  date: z.string().max(20).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  const existing = await ownCheckIn(user, ctx.today);
  return { today: ctx.today, existing, otherName: ctx.otherName };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  const ctx = await partnerContext(user);
  const submission = parseForm(await readForm(request), CheckInSchema);
  if (submission.status !== "success") return invalid(submission.reply());
  const v = submission.value;
  if (v.date && v.date !== ctx.today) {
    return invalid(submission.reply({ fieldErrors: { date: ["Check-ins are for today only. Today's check-in can be edited until midnight."] } }));
  }
  await saveCheckIn(
    user,
    ctx,
    { mood: v.mood, closeness: v.closeness, feelSafe: v.feelSafe, note: v.note || null, noteShared: v.noteShared === "on", appreciation: v.appreciation || null },
    request,
  );
  return redirect("/today?saved=checkin");
}

const SCALE = Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

export default function CheckIn() {
  const { existing, today, otherName } = useLoaderData<typeof loader>();
  const { errors, values } = formState(useActionData<typeof action>());
  const navigation = useNavigation();
  const v = (k: string, fallback: string | null | undefined) => values[k] ?? fallback ?? undefined;
  return (
    <section className="card">
      <h1>{existing ? "Edit today's check-in" : "Today's check-in"}</h1>
      <p className="muted">
        <LocalDay date={today} weekday /> · takes about a minute.
      </p>
      <Form method="post" noValidate>
        <FormError errors={errors[""] ?? errors.date} />
        <input type="hidden" name="date" value={today} />
        <RadioGroup legend="How is your mood today? (1 = very low, 10 = very good)" name="mood" options={SCALE} className="choices scale" defaultValue={v("mood", existing ? String(existing.mood) : null)} errors={errors.mood} />
        <RadioGroup legend="How close and trusting do you feel toward your partner? (1–10)" name="closeness" options={SCALE} className="choices scale" defaultValue={v("closeness", existing ? String(existing.closeness) : null)} errors={errors.closeness} />
        <RadioGroup
          legend="Do you feel safe at home?"
          hint={`Private: only your therapist and clinical team see this answer — never ${otherName}.`}
          name="feelSafe"
          options={[
            { value: "yes", label: "Yes" },
            { value: "not_sure", label: "Not sure" },
            { value: "no", label: "No" },
          ]}
          defaultValue={v("feelSafe", existing?.feelSafe)}
          errors={errors.feelSafe}
        />
        <TextareaField label="A note (optional)" name="note" defaultValue={v("note", existing?.note)} errors={errors.note} />
        <div className="field">
          <label>
            <input type="checkbox" name="noteShared" defaultChecked={values.noteShared === "on" || (!values.mood && existing?.noteShared)} /> Share this note with {otherName}
          </label>
          <span className="hint">Unticked, only you and your therapist see it.</span>
        </div>
        <TextareaField label={`An appreciation for ${otherName} (optional, shared)`} name="appreciation" defaultValue={v("appreciation", existing?.appreciation)} errors={errors.appreciation} />
        <div className="row">
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {existing ? "Save changes" : "Save check-in"}
          </button>
          <Link to="/today">Back to Today</Link>
        </div>
      </Form>
      <HelpLink />
    </section>
  );
}
