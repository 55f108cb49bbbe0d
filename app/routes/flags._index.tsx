import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/utils/authz.server";
import { prisma } from "~/utils/db.server";

// Placeholder queue; the safety pipeline replaces it.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:flag:any");
  const count = await prisma.safetyFlag.count({ where: { practiceId: user.practiceId, status: { not: "resolved" } } });
  return { count };
}

export default function Flags() {
  const { count } = useLoaderData<typeof loader>();
  return (
    <section className="card">
      <h1>Safety queue</h1>
      <p>{count} open flags.</p>
    </section>
  );
}
