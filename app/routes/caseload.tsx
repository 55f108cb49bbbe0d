import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/utils/authz.server";
import { prisma } from "~/utils/db.server";

// Placeholder caseload; the therapist workspace replaces it.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:caseload:own");
  const couples = await prisma.couple.findMany({
    where: { practiceId: user.practiceId, therapistId: user.id },
    select: { id: true, partnerA: { select: { name: true } }, partnerB: { select: { name: true } } },
  });
  return { couples };
}

export default function Caseload() {
  const { couples } = useLoaderData<typeof loader>();
  return (
    <section className="card">
      <h1>Caseload</h1>
      <ul>
        {couples.map((c) => (
          <li key={c.id}>
            <Link to={`/couples/${c.id}`}>
              {c.partnerA.name} &amp; {c.partnerB.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
