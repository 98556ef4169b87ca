#!/usr/bin/env bash
# Stops the local stack (data is kept in $STACK_DIR; delete the folder for a clean start).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=/dev/null
source "$here/stack-env.sh"
redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 && echo "stack: Redis stopped"
[ -d "$STACK_DIR/pg15" ] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$STACK_DIR/pg15" -m fast stop >/dev/null 2>&1 && echo "stack: PostgreSQL stopped"
exit 0
