// `npm test`: every check, in order, stopping at the first failure:
// typecheck → lint → vitest (unit + integration, real database) → production build →
// Playwright end-to-end → (on PostgreSQL) the load-and-crash test → the scale-out test (three
// instances behind HAProxy) → the quick benchmark.
// Ends with one summary line "N passed, M failed" over all test runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const results = "test-results";
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const pkg = JSON.parse(readFileSync("package.json", "utf8"));

const steps = [
  ["typecheck", ["npm", "run", "-s", "typecheck"]],
  ["lint", ["npm", "run", "-s", "lint"]],
  ["unit and integration tests", ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/vitest.json`]],
  ["production build", ["npm", "run", "-s", "build"]],
  ["end-to-end tests", ["node", "scripts/e2e.mjs", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json` }],
];
if (onPostgres && pkg.scripts["test:load"]) steps.push(["load and crash test", ["npm", "run", "-s", "test:load"]]);
if (onPostgres && pkg.scripts["test:scale"]) steps.push(["scale-out test", ["npm", "run", "-s", "test:scale"]]);
if (onPostgres && pkg.scripts["bench"]) steps.push(["quick benchmark", ["npm", "run", "-s", "bench", "--", "--quick"]]);

let passed = 0;
let failed = 0;
const timings = [];
for (const [name, cmd, extraEnv] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} (${onPostgres ? "PostgreSQL" : "PGlite"}) ===`);
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: "inherit", env: { ...process.env, ...(extraEnv ?? {}) } });
  timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (name === "unit and integration tests" && existsSync(`${results}/vitest.json`)) {
    const j = JSON.parse(readFileSync(`${results}/vitest.json`, "utf8"));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
  } else if (name === "end-to-end tests" && existsSync(`${results}/playwright.json`)) {
    const s = JSON.parse(readFileSync(`${results}/playwright.json`, "utf8")).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
  } else {
    if (r.status === 0) passed++;
    else failed++;
  }
  if (r.status !== 0) {
    console.error(`\n${name} failed.`);
    console.log(timings.join("\n"));
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\n${timings.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
