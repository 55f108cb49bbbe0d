/**
 * Environment, read once through a schema. The server refuses to start with a clear list of
 * what is wrong. Only values in `publicEnv` may ever reach the browser.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded database)")
    .optional(),
  PGLITE_DATA_DIR: z.string().optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Public origin(s) of the app, comma-separated, for the CSRF origin check behind a proxy. */
  APP_ORIGIN: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Mend <no-reply@mend.local>"),
  MEND_DEMO: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: (Env & { sessionSecrets: string[] }) | undefined;

export function env() {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Mend cannot start; fix these environment variables:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.SESSION_SECRET) {
    throw new Error(
      "Mend cannot start; fix these environment variables:\n  - SESSION_SECRET: required in production with DATABASE_URL (every instance must share it)",
    );
  }
  cached = { ...e, sessionSecrets: [e.SESSION_SECRET ?? localSecret()] };
  return cached;
}

/** The embedded set-up keeps a generated secret beside its data, so `npm start` needs no config. */
function localSecret(): string {
  const dir = path.resolve("data");
  const file = path.join(dir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function isProduction() {
  return env().NODE_ENV === "production";
}
