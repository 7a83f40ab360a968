# Sourced by the bench scripts: serve_warehouse WAREHOUSE LOG [SERVE OPTIONS...] starts
# `rishe serve` on a free loopback port, stops it when the script exits, waits for
# /api/v1/health and sets `server` (its pid) and `base` (its URL).
serve_warehouse() {
  local warehouse="$1" log="$2"
  shift 2
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$ROOT/bin/rishe" serve --warehouse "$warehouse" --port "$port" "$@" >"$log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 240); do
    curl -fs "$base/api/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: the server did not start; see $log" >&2
  exit 2
}
