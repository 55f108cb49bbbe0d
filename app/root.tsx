import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { QuickExit } from "~/components/quick-exit";
import { getSessionUser } from "~/utils/session.server";
import { useNonce } from "~/utils/nonce";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Neutral on purpose: a page title can be seen by whoever looks at the screen or history.
export const meta: MetaFunction = () => [{ title: "Mend" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return {
    user: user && !user.pending2fa ? { name: user.name, role: user.role, email: user.email } : null,
    // Decided here, not guessed by the browser, so dates read the same before and after hydration.
    timeZone: (user && !user.pending2fa && user.timeZone) || "UTC",
  };
}

const NAV: Record<string, { to: string; label: string }[]> = {
  therapist: [
    { to: "/caseload", label: "Caseload" },
    { to: "/digest", label: "Daily summary" },
    { to: "/couples/new", label: "New couple" },
    { to: "/account", label: "Account" },
  ],
  partner: [
    { to: "/today", label: "Today" },
    { to: "/history", label: "History" },
    { to: "/settings", label: "Settings" },
  ],
  supervisor: [
    { to: "/flags", label: "Safety queue" },
    { to: "/account", label: "Account" },
  ],
  admin: [
    { to: "/admin", label: "Staff" },
    { to: "/admin/settings", label: "Practice settings" },
    { to: "/admin/audit", label: "Audit log" },
    { to: "/account", label: "Account" },
  ],
};

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <Meta />
        <Links />
      </head>
      <body className={user?.role === "partner" ? "partner" : undefined}>
        {user?.role === "partner" ? <QuickExit /> : null}
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <Link to="/" className="brand" aria-label="Mend home">
            Mend
          </Link>
          {user ? (
            <nav aria-label="Main">
              <ul>
                {(NAV[user.role] ?? []).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/admin"}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {user ? (
            <div className="whoami">
              <span>
                Signed in as <strong>{user.name}</strong>
                {user.role === "partner" ? <span className="muted"> — not you?</span> : null}
              </span>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </Form>
            </div>
          ) : null}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message =
      error.status === 404
        ? "We couldn't find that page."
        : error.status === 403
          ? "You don't have access to this page."
          : typeof error.data === "string" && error.data.length < 300
            ? error.data
            : "Something went wrong.";
    return (
      <section className="card narrow" role="alert">
        <h1>{error.status === 404 ? "Not found" : error.status === 403 ? "No access" : "Sorry"}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">Go to your home page</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card narrow" role="alert">
      <h1>Sorry</h1>
      <p>Something went wrong on our side. Nothing you entered was lost; please try again.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </section>
  );
}
