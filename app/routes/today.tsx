import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePartnerCouple, requireUser } from "~/utils/authz.server";

// Placeholder Today page; the partner portal replaces it.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["partner"] });
  await requirePartnerCouple(request, user);
  return { name: user.name };
}

export default function Today() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <section className="card">
      <h1>Today</h1>
      <p>Hello {name}.</p>
    </section>
  );
}
