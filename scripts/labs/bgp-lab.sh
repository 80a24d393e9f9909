#!/usr/bin/env bash
# BGP lab: two real BGP speakers in two network namespaces joined by a veth, plus an sshd
# so the app can drive them over its SSH transport.
#   ${LAB_PREFIX}-r1  FRR (zebra+bgpd)  AS65001  10.0.12.1/30, 2001:db8:12::1/64, 10.0.13.1/24
#                     (the router Peerdesk manages)
#   ${LAB_PREFIX}-r2  BIRD 2            AS65002  10.0.12.2/30, 2001:db8:12::2/64, 10.0.13.2/24
#                     (the remote peer; 10.0.13.0/24 is free for sessions tests create)
#   sshd              127.0.0.1:${LAB_SSH_PORT}, root with the key in $LAB_DIR/ssh/clientkey
#
# sshd runs outside the namespaces. Both daemons are controlled through Unix sockets that
# work from there, so over SSH run them without `ip netns exec`:
#   vtysh --vty_socket $LAB_DIR/r1/run --config_dir $LAB_DIR/r1 -c '...'
#   birdc -s $LAB_DIR/r2/bird.ctl ...
# Always pass --config_dir: without it `write memory` overwrites /etc/frr/frr.conf.
#
# usage: bgp-lab.sh up|down|env   (root; CAP_NET_ADMIN for the namespaces)
#   LAB_DIR      state dir            (default /tmp/peerdesk-bgp-lab)
#   LAB_PREFIX   netns/veth prefix    (default pdlab; unique per concurrent job, <= 13 chars)
#   LAB_SSH_PORT sshd port            (default 2222)
set -euo pipefail
. "$(dirname "$0")/stop-pidfile.sh"
LAB_DIR=${LAB_DIR:-/tmp/peerdesk-bgp-lab}
LAB_PREFIX=${LAB_PREFIX:-pdlab}
LAB_SSH_PORT=${LAB_SSH_PORT:-2222}
P=$LAB_PREFIX R1=$LAB_DIR/r1 R2=$LAB_DIR/r2 SSH=$LAB_DIR/ssh
PIDFILES=("$SSH/sshd.pid" "$R1/run/bgpd.pid" "$R1/run/zebra.pid" "$R2/bird.pid")

# veth names are "$P-a"/"$P-b" and the kernel limits interface names to 15 chars
(( ${#P} <= 13 )) || { echo "LAB_PREFIX '$P' is longer than 13 chars" >&2; exit 2; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  [ -n "$(find /var/lib/apt/lists -name '*_Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
  apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends "$@" >/dev/null
}

ensure_packages() {
  local missing=()
  [ -x /usr/lib/frr/bgpd ] || missing+=(frr)
  command -v bird >/dev/null || missing+=(bird2)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  (( ${#missing[@]} == 0 )) || apt_install "${missing[@]}"
}

make_network() {
  ip netns add "$P-r1"; ip netns add "$P-r2"
  ip link add "$P-a" type veth peer name "$P-b"
  ip link set "$P-a" netns "$P-r1"; ip link set "$P-b" netns "$P-r2"
  for n in r1 r2; do ip -n "$P-$n" link set lo up; done
  ip -n "$P-r1" addr add 10.0.12.1/30 dev "$P-a"
  ip -n "$P-r1" addr add 2001:db8:12::1/64 dev "$P-a" nodad
  ip -n "$P-r1" addr add 10.0.13.1/24 dev "$P-a"
  ip -n "$P-r2" addr add 10.0.12.2/30 dev "$P-b"
  ip -n "$P-r2" addr add 2001:db8:12::2/64 dev "$P-b" nodad
  ip -n "$P-r2" addr add 10.0.13.2/24 dev "$P-b"
  ip -n "$P-r1" link set "$P-a" up; ip -n "$P-r2" link set "$P-b" up
}

start_frr() {
  mkdir -p "$R1/run"
  printf 'hostname r1\nlog file %s/zebra.log\n' "$R1" > "$R1/zebra.conf"
  cat > "$R1/bgpd.conf" <<EOC
hostname r1
log file $R1/bgpd.log
ip prefix-list PL-OWN4 seq 10 permit 203.0.113.0/24
route-map RM-IN permit 10
route-map RM-OUT permit 10
 match ip address prefix-list PL-OWN4
route-map PEER-IN permit 10
route-map PEER-OUT permit 10
 match ip address prefix-list PL-OWN4
router bgp 65001
 bgp router-id 10.255.0.1
 no bgp default ipv4-unicast
 no bgp network import-check
 neighbor IXP peer-group
 neighbor IXP timers 3 9
 neighbor IXP timers connect 2
 neighbor 10.0.12.2 remote-as 65002
 neighbor 10.0.12.2 peer-group IXP
 neighbor 10.0.12.2 description AS65002 existing
 neighbor 10.0.12.2 password s3cr3t
 address-family ipv4 unicast
  network 203.0.113.0/24
  neighbor 10.0.12.2 activate
  neighbor 10.0.12.2 maximum-prefix 100
  neighbor 10.0.12.2 route-map RM-IN in
  neighbor 10.0.12.2 route-map RM-OUT out
 exit-address-family
EOC
  # integrated config: `write memory` goes to $R1/frr.conf
  echo 'service integrated-vtysh-config' > "$R1/vtysh.conf"
  chown -R frr:frr "$R1"   # the daemons drop to user frr
  local common=(-z "$R1/run/zserv.api" --vty_socket "$R1/run" -P 0)
  ip netns exec "$P-r1" /usr/lib/frr/zebra -d -f "$R1/zebra.conf" -i "$R1/run/zebra.pid" "${common[@]}"
  # RPKI origin validation needs bgpd's rpki module (Debian frr-rpki-rtrlib), loaded at start
  local modules=()
  [ -z "$(find /usr/lib -path '*frr/modules/bgpd_rpki.so' -print -quit 2>/dev/null)" ] || modules=(-M rpki)
  ip netns exec "$P-r1" /usr/lib/frr/bgpd -d -f "$R1/bgpd.conf" -i "$R1/run/bgpd.pid" "${common[@]}" "${modules[@]}"
}

start_bird() {
  mkdir -p "$R2/peers.d"
  cat > "$R2/bird.conf" <<EOC
router id 10.255.0.2;
log "$R2/bird.log" all;
timeformat protocol iso long;
protocol device {}
protocol static { ipv4; route 198.51.100.0/24 blackhole; route 198.51.101.0/24 blackhole; }
template bgp T_IXP {
  local as 65002; hold time 9; keepalive time 3;
  connect delay time 1; connect retry time 2; error wait time 1,5;
}
# what Peerdesk's default templates refer to: filters PEER_IN/PEER_OUT and template IXP
filter PEER_IN { accept; }
filter PEER_OUT { if source = RTS_STATIC then accept; reject; }
template bgp IXP {
  local as 65002; hold time 9; keepalive time 3;
  connect delay time 1; connect retry time 2; error wait time 1,5;
}
include "$R2/peers.d/*.conf";
EOC
  cat > "$R2/peers.d/as65001.conf" <<EOC
protocol bgp as65001 from T_IXP {
  description "AS65001 existing";
  neighbor 10.0.12.1 as 65001;
  password "s3cr3t";
  ipv4 { import limit 100 action restart; import all; export where source = RTS_STATIC; };
}
EOC
  ip netns exec "$P-r2" bird -c "$R2/bird.conf" -s "$R2/bird.ctl" -P "$R2/bird.pid"
}

start_sshd() {
  mkdir -p "$SSH" /run/sshd   # /run/sshd: sshd's privilege-separation dir
  ssh-keygen -q -t ed25519 -N '' -C peerdesk-lab-host -f "$SSH/hostkey"
  ssh-keygen -q -t ed25519 -N '' -C peerdesk-lab-client -f "$SSH/clientkey"
  cp "$SSH/clientkey.pub" "$SSH/authorized_keys"
  cat > "$SSH/sshd_config" <<EOC
ListenAddress 127.0.0.1:$LAB_SSH_PORT
HostKey $SSH/hostkey
PidFile $SSH/sshd.pid
AuthorizedKeysFile $SSH/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowUsers root
LogLevel VERBOSE
Subsystem sftp internal-sftp
EOC
  /usr/sbin/sshd -f "$SSH/sshd_config" -E "$SSH/sshd.log"
}

wait_until() { # tries description command...
  local tries=$1 what=$2; shift 2
  for _ in $(seq 1 "$tries"); do "$@" 2>/dev/null && return 0; sleep 0.2; done
  echo "bgp lab: $what not ready (logs in $LAB_DIR)" >&2; return 1
}
# grep without -q reads all its input: with pipefail an early exit could fail the writer (SIGPIPE)
ssh_banner() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$LAB_SSH_PORT && head -c 4 <&3" | grep SSH- >/dev/null; }
established() {
  vtysh --vty_socket "$R1/run" -c 'show bgp neighbors 10.0.12.2 json' | grep '"bgpState":"Established"' >/dev/null
}

leftovers() {
  ip netns list | grep -E "^$P-r[12]( |$)" >/dev/null && return 0
  for f in "${PIDFILES[@]}"; do [ -e "$f" ] && return 0; done
  return 1
}

up() {
  if leftovers; then down >/dev/null; fi
  ensure_packages
  rm -rf "$R1" "$R2" "$SSH"   # fresh state; logs of the previous run survive until here
  mkdir -p "$LAB_DIR"
  make_network
  start_bird
  start_frr
  start_sshd
  wait_until 50 "sshd on 127.0.0.1:$LAB_SSH_PORT" ssh_banner
  wait_until 150 "BGP session 10.0.12.2" established
  echo "bgp lab up: 10.0.12.1 <-> 10.0.12.2 Established, sshd 127.0.0.1:$LAB_SSH_PORT"
}

down() {
  for f in "${PIDFILES[@]}"; do stop_pidfile "$f"; done
  for n in r1 r2; do
    # anything still running inside our own namespaces was started by this lab
    local pids; pids=$(ip netns pids "$P-$n" 2>/dev/null || true)
    [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
    ip netns del "$P-$n" 2>/dev/null || true
  done
  ip link del "$P-a" 2>/dev/null || true
  echo "bgp lab down"
}

print_env() {
  local q=(printf 'export %s=%q\n')
  "${q[@]}" LAB_DIR "$LAB_DIR"
  # the namespaces are $LAB_PREFIX-r1 and -r2 (tests start an RTR cache inside r1's)
  "${q[@]}" LAB_PREFIX "$LAB_PREFIX"
  # the directory holding FRR's vty sockets, as `vtysh --vty_socket` wants it
  "${q[@]}" LAB_FRR_VTY_SOCKET "$R1/run"
  "${q[@]}" LAB_FRR_CONFIG_DIR "$R1"
  "${q[@]}" LAB_BIRD_CTL "$R2/bird.ctl"
  "${q[@]}" LAB_BIRD_PEERS_DIR "$R2/peers.d"
  "${q[@]}" LAB_BIRD_CONF "$R2/bird.conf"
  "${q[@]}" LAB_SSH_PORT "$LAB_SSH_PORT"
  "${q[@]}" LAB_SSH_KEY "$SSH/clientkey"
  "${q[@]}" LAB_SSH_HOSTKEY_PUB "$SSH/hostkey.pub"
  "${q[@]}" LAB_SSH_USER root
}

case "${1:-}" in
  up | down) "$1" ;;
  env) print_env ;;
  *) echo "usage: $0 up|down|env" >&2; exit 2 ;;
esac
