import { Link } from "@remix-run/react";
import { LifeBuoy } from "lucide-react";

/** On every partner page: the private way to ask for help. */
export function HelpLink() {
  return (
    <p className="help-link">
      <Link to="/help" className="btn secondary">
        <LifeBuoy size={18} aria-hidden="true" /> I don't feel safe / I need help
      </Link>
    </p>
  );
}
