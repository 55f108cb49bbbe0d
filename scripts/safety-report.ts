/**
 * `npm run safety:report [-- --misses]`: recall and false alarms of the safety rules on the
 * labelled corpus, per category (tests/safety-corpus; policy in docs/safety-labelling-policy.md).
 */
import { formatReport, loadCorpus, scoreCorpus } from "../tests/support/safety-corpus";

const started = performance.now();
const cases = loadCorpus();
const score = scoreCorpus(cases);
console.log(formatReport(score));
console.log(`\n${cases.length} cases in ${(performance.now() - started).toFixed(0)} ms`);
if (process.argv.includes("--misses")) {
  for (const c of score.categories) for (const m of c.misses) console.log(`${c.category}\t${m.id}\t${m.expected}→${m.got}\t${m.text.slice(0, 160).replace(/\s+/g, " ")}`);
}
