# Sourced by the lab scripts.
# stop_pidfile FILE: TERM the process it names, then wait until it is gone, so its ports and
# sockets are free for the next `up` (Dovecot holds its ports until its children exit).
stop_pidfile() {
  [ -f "$1" ] || return 0
  local pid st; pid=$(cat "$1" 2>/dev/null) || return 0
  rm -f "$1"   # a stale pidfile could later name someone else's process
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    # the container's init reaps orphans lazily, so a zombie counts as gone
    st=$(ps -o stat= -p "$pid") || return 0
    [[ $st == Z* ]] && return 0
    sleep 0.05
  done
  kill -KILL "$pid" 2>/dev/null || true
}
