/** Time zones offered in forms (any valid IANA zone is accepted by the server). */
export const TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "Europe/London",
  "Europe/Berlin",
  "Australia/Sydney",
  "Pacific/Auckland",
];
