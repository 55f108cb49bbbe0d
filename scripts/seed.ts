// `npm run seed`: migrate, then load the demo practice if the database is empty.
// `npm run seed -- --force` refuses on a non-empty database rather than duplicating data.
import { isEmpty, seedDemo } from "~/seed/demo.server";
import { backend, closeDb, prisma } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";

await migrate({ log: console.log });
if (await isEmpty(prisma)) {
  const started = Date.now();
  await seedDemo(prisma, { log: console.log });
  console.log(`Demo data loaded on ${backend()} in ${Date.now() - started} ms. Log in with password mend-demo.`);
} else {
  console.log("The database already has data; nothing seeded. (Delete ./data to start over on the embedded database.)");
}
await closeDb();
