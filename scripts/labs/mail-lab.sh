#!/usr/bin/env bash
# Mail lab: Dovecot (IMAP + LMTP) from its own config, and smtp-relay.mjs, an SMTP server
# that delivers into Dovecot over LMTP. Everything listens on 127.0.0.1 only.
#   users: peering@example.test (the app), noc@peer.test (a peer), password "secret";
#   Sent and Trash are created on first login.
#
# usage: mail-lab.sh up|down|env   (root, so Dovecot can switch to the mail user)
#   MAIL_DIR        state dir   (default /tmp/peerdesk-mail-lab)
#   MAIL_IMAP_PORT  (1143)   MAIL_LMTP_PORT (2424)   MAIL_SMTP_PORT (2525)
set -euo pipefail
. "$(dirname "$0")/stop-pidfile.sh"
MAIL_DIR=${MAIL_DIR:-/tmp/peerdesk-mail-lab}
MAIL_IMAP_PORT=${MAIL_IMAP_PORT:-1143}
MAIL_LMTP_PORT=${MAIL_LMTP_PORT:-2424}
MAIL_SMTP_PORT=${MAIL_SMTP_PORT:-2525}
HERE=$(cd "$(dirname "$0")" && pwd)
PIDFILES=("$MAIL_DIR/relay.pid" "$MAIL_DIR/run/master.pid")

ensure_packages() {
  command -v dovecot >/dev/null && [ -x /usr/lib/dovecot/lmtp ] && [ -x /usr/lib/dovecot/imap ] && return 0
  export DEBIAN_FRONTEND=noninteractive
  [ -n "$(find /var/lib/apt/lists -name '*_Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
  apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends dovecot-imapd dovecot-lmtpd >/dev/null
}

wait_banner() { # port banner-regex
  for _ in $(seq 1 200); do
    if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && head -n1 <&3" 2>/dev/null | grep -E "$2" >/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "mail lab: port $1 not ready (logs in $MAIL_DIR)" >&2; return 1
}

write_config() {
  cat > "$MAIL_DIR/users" <<USERS
peering@example.test:{PLAIN}secret:65534:65534::$MAIL_DIR/mail/peering::
noc@peer.test:{PLAIN}secret:65534:65534::$MAIL_DIR/mail/noc::
USERS
  cat > "$MAIL_DIR/dovecot.conf" <<CONF
base_dir = $MAIL_DIR/run
state_dir = $MAIL_DIR/state
log_path = $MAIL_DIR/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN $MAIL_DIR/users
}
userdb {
  driver = passwd-file
  args = $MAIL_DIR/users
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \Trash
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    port = $MAIL_IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    port = $MAIL_LMTP_PORT
  }
}
protocol lmtp {
  postmaster_address = postmaster@example.test
}
CONF
}

leftovers() {
  for f in "${PIDFILES[@]}"; do [ -e "$f" ] && return 0; done
  return 1
}

up() {
  if leftovers; then down >/dev/null; fi
  ensure_packages
  rm -rf "$MAIL_DIR"/{run,state,mail}   # fresh mailboxes; logs of the previous run survive until here
  mkdir -p "$MAIL_DIR"/{run,state,mail}
  chown 65534:65534 "$MAIL_DIR/mail"   # mail is stored as nobody (uid in the users file)
  write_config
  dovecot -c "$MAIL_DIR/dovecot.conf"   # daemonizes; pid in run/master.pid
  wait_banner "$MAIL_IMAP_PORT" '^\* OK'
  wait_banner "$MAIL_LMTP_PORT" '^220'
  # its own session, so it outlives the shell (and process group) that ran `up`
  SMTP_PORT=$MAIL_SMTP_PORT LMTP_PORT=$MAIL_LMTP_PORT MAIL_USERS_FILE=$MAIL_DIR/users \
    setsid node "$HERE/smtp-relay.mjs" >"$MAIL_DIR/relay.log" 2>&1 < /dev/null &
  echo $! > "$MAIL_DIR/relay.pid"
  wait_banner "$MAIL_SMTP_PORT" '^220'
  echo "mail lab up: imap=$MAIL_IMAP_PORT lmtp=$MAIL_LMTP_PORT smtp=$MAIL_SMTP_PORT"
}

down() {
  for f in "${PIDFILES[@]}"; do stop_pidfile "$f"; done
  echo "mail lab down"
}

print_env() {
  local q=(printf 'export %s=%q\n')
  "${q[@]}" MAIL_LAB_DIR "$MAIL_DIR"
  "${q[@]}" MAIL_LAB_IMAP_PORT "$MAIL_IMAP_PORT"
  "${q[@]}" MAIL_LAB_LMTP_PORT "$MAIL_LMTP_PORT"
  "${q[@]}" MAIL_LAB_SMTP_PORT "$MAIL_SMTP_PORT"
  "${q[@]}" MAIL_LAB_USER peering@example.test
  "${q[@]}" MAIL_LAB_PEER_USER noc@peer.test
  "${q[@]}" MAIL_LAB_PASSWORD secret
}

case "${1:-}" in
  up | down) "$1" ;;
  env) print_env ;;
  *) echo "usage: $0 up|down|env" >&2; exit 2 ;;
esac
