/**
 * "Set clear, measurable agreements": an agreement should contain a number, a clock time or a
 * frequency ("I'll call by 8 PM every day", not "I'll be better"). A vague one gets a
 * concrete rewrite suggestion; the therapist may still save it.
 */
const NUMBER = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twice|thrice|once)\b/i;
const TIME = /\b(\d{1,2}(:\d{2})?\s?(am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midnight|morning|evening|night|bedtime|lunch(time)?|dinner(time)?|breakfast)\b/i;
const FREQUENCY = /\b(every|each (day|week|month|morning|evening|night|time|weekday|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|daily|weekly|nightly|monthly|weekdays?|weekends?|(on|by) (mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|a (day|week|month)|per (day|week)|within \w+ (minutes?|hours?|days?)|whenever|always before|before (i|we) (leave|go))\b/i;

const SUGGESTIONS: [RegExp, string][] = [
  [/\b(call|phone|ring|text|message|reach)/i, "I'll call by 8 PM every day."],
  [/\b(honest|transparen|share|calendar|tell|truth|open)/i, "I'll share my calendar for the week every Sunday at 7 PM."],
  [/\b(talk|listen|communicat|check in|conversation|hear)/i, "We'll have a 10-minute check-in every evening after dinner, phones away."],
  [/\b(home|late|out|night|whereabouts)/i, "I'll text you when I leave work and be home by 7 PM on weekdays."],
  [/\b(angry|temper|fight|argu|yell|calm)/i, "When either of us says 'time-out', we'll take a 20-minute break and then come back to the topic."],
];

export function checkMeasurable(text: string): { measurable: boolean; missing: ("number" | "time" | "frequency")[]; suggestion: string | null } {
  const t = text ?? "";
  const hasNumber = NUMBER.test(t);
  const hasTime = TIME.test(t);
  const hasFrequency = FREQUENCY.test(t);
  const missing: ("number" | "time" | "frequency")[] = [];
  if (!hasNumber) missing.push("number");
  if (!hasTime) missing.push("time");
  if (!hasFrequency) missing.push("frequency");
  const measurable = hasNumber || hasTime || hasFrequency;
  if (measurable) return { measurable, missing, suggestion: null };
  const suggestion = SUGGESTIONS.find(([re]) => re.test(t))?.[1] ?? "Say what, when and how often — for example: \"I'll call by 8 PM every day.\"";
  return { measurable, missing, suggestion };
}
