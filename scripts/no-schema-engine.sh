#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on an offline machine.
# `prisma generate` only checks that this file exists; migrations go through scripts/migrate.ts.
echo "Tidecast applies migrations with 'npm run db:migrate' (scripts/migrate.ts), not the native schema engine." >&2
exit 1
