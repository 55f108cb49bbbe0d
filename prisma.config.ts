// Prisma CLI configuration: the JS schema engine over a driver adapter, so `generate`,
// `migrate diff`, `migrate deploy` and `db push` run with no native engine download.
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url && /^postgres(ql)?:\/\//.test(url)) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = process.env.PGLITE_DATA_DIR ?? "./data/pglite";
    if (!dir.startsWith("memory://")) {
      const { mkdirSync } = await import("node:fs");
      mkdirSync(dir, { recursive: true });
    }
    // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils; same wire format.
    return new PrismaPGlite(new PGlite(dir)) as unknown as import("@prisma/adapter-pg").PrismaPg;
  },
});
