import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { HOME_BY_ROLE } from "~/domain/permissions";
import { getSessionUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) return redirect("/login");
  if (user.pending2fa) return redirect("/login/2fa");
  return redirect(HOME_BY_ROLE[user.role]);
}
