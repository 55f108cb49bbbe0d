#!/usr/bin/env bash
# Usage: npm run db:new-migration -- <name>
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
# schema at HEAD and the working-tree schema (a schema-to-schema diff: the only kind Prisma's
# JS engine runs here without downloading a native engine).
set -euo pipefail
name="${1:?give the migration a name, e.g. add_reminders}"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
prev="$(mktemp --suffix=.prisma)"
git show HEAD:prisma/schema.prisma > "$prev"
mkdir -p "$dir"
PGLITE_DATA_DIR=memory:// npx prisma migrate diff --from-schema-datamodel "$prev" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$prev"
if ! grep -q '[^[:space:]]' "$dir/migration.sql" || grep -q "This is an empty migration" "$dir/migration.sql"; then
  rm -rf "$dir"; echo "No schema changes."; exit 0
fi
echo "Wrote $dir/migration.sql — review it, then run npm run db:migrate."
