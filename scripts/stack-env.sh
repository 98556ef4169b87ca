# Connection settings of the local stack (PostgreSQL 15 + PostGIS, Redis), sourced by scripts and tests.
# Every value can be overridden from the environment; ports default away from the system defaults
# so the stack never collides with a server that happens to run on the machine.
export STACK_DIR="${STACK_DIR:-/var/tmp/tripgen-stack}"
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-55432}"
export PGUSER="${PGUSER:-tripgen}"
export PGPASSWORD="${PGPASSWORD:-tripgen-local-only}"
export DATABASE_URL_ADMIN="${DATABASE_URL_ADMIN:-postgresql://${PGUSER}:${PGPASSWORD}@${PGHOST}:${PGPORT}/postgres}"
export REDIS_PORT="${REDIS_PORT:-56379}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:${REDIS_PORT}}"
