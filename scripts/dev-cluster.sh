#!/usr/bin/env bash
# A one-machine Slurm cluster and an SSH server on loopback, for Offload's tests.
#
#   bash scripts/dev-cluster.sh up      install (if missing), configure, start, wait until ready
#   bash scripts/dev-cluster.sh status  what runs: pids, socket, ports (exit 1 if a daemon is down)
#   bash scripts/dev-cluster.sh down    stop what `up` started
#   bash scripts/dev-cluster.sh install [package...]
#                                       only install the packages (and any named), so CI
#                                       refreshes apt's lists once for everything it needs
#
# `up` prints the path of an Offload configuration file (one cluster named `dev`) as its
# last line. Everything lives under one state folder and binds to 127.0.0.1. There is no
# systemd here, so the daemons are started directly and polled until they answer.
#
# Environment (all optional):
#   OFFLOAD_DEV_CLUSTER_DIR       state folder               (/tmp/offload-dev-cluster)
#   OFFLOAD_DEV_CTLD_PORT         slurmctld port             (16817)
#   OFFLOAD_DEV_SLURMD_PORT       slurmd port                (16818)
#   OFFLOAD_DEV_SSH_PORT          sshd port                  (16822)
#   OFFLOAD_DEV_MAX_ARRAY_SIZE    Slurm MaxArraySize         (1001, Slurm's default)
#   OFFLOAD_DEV_MIN_JOB_AGE       Slurm MinJobAge, seconds   (60)
#   OFFLOAD_DEV_TIMEOUT           seconds to wait per daemon (60)
set -euo pipefail

DIR="${OFFLOAD_DEV_CLUSTER_DIR:-/tmp/offload-dev-cluster}"
CTLD_PORT="${OFFLOAD_DEV_CTLD_PORT:-16817}"
SLURMD_PORT="${OFFLOAD_DEV_SLURMD_PORT:-16818}"
SSH_PORT="${OFFLOAD_DEV_SSH_PORT:-16822}"
MAX_ARRAY_SIZE="${OFFLOAD_DEV_MAX_ARRAY_SIZE:-1001}"
# Without slurmdbd a finished job is only visible for MinJobAge seconds; Slurm's default
# of 300 s slows down tests that check that tracking copes with jobs vanishing.
MIN_JOB_AGE="${OFFLOAD_DEV_MIN_JOB_AGE:-60}"
TIMEOUT="${OFFLOAD_DEV_TIMEOUT:-60}"
# curl and openssh-client are what this script itself uses to see the daemons answer.
PACKAGES=(slurmctld slurmd slurmrestd slurm-client munge openssh-server openssh-client curl)

ETC="$DIR/etc"
RUN="$DIR/run"
LOG="$DIR/log"
SSH_DIR="$DIR/ssh"
SOCKET="$RUN/slurmrestd.sock"
SLURM_CONF_FILE="$ETC/slurm.conf"
OFFLOAD_CONFIG_FILE="$DIR/offload.yaml"
NODE_NAME="$(hostname -s)"
export SLURM_CONF="$SLURM_CONF_FILE"

die() {
  echo "dev-cluster: $*" >&2
  exit 1
}

say() { echo "dev-cluster: $*" >&2; }

is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

check_settings() {
  local name value
  for name in CTLD_PORT SLURMD_PORT SSH_PORT MAX_ARRAY_SIZE MIN_JOB_AGE TIMEOUT; do
    value="${!name}"
    is_uint "$value" || die "$name must be a non-negative integer, got '$value'"
  done
  ((MAX_ARRAY_SIZE >= 1)) ||
    die "OFFLOAD_DEV_MAX_ARRAY_SIZE must be at least 1, got $MAX_ARRAY_SIZE"
  [[ "$DIR" == /* ]] || die "OFFLOAD_DEV_CLUSTER_DIR must be an absolute path, got '$DIR'"
}

# ---------------------------------------------------------------- packages

missing_packages() {
  local pkg
  for pkg in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      echo "$pkg"
  done
}

install_packages() {
  local missing
  missing="$(missing_packages "$@" | tr '\n' ' ')"
  [[ -z "${missing// /}" ]] && return 0
  [[ "$(id -u)" == 0 ]] || die "packages missing ($missing); run as root to install them"
  say "installing $missing"
  # Package scripts would otherwise start the distribution's own sshd on port 22 and a
  # slurmctld without configuration; a policy-rc.d that answers 101 forbids that.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created_policy=1
  fi
  local status=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  } >"${TMPDIR:-/tmp}/offload-dev-cluster-apt.log" 2>&1 || status=$?
  ((created_policy)) && rm -f "$policy"
  ((status == 0)) ||
    die "apt-get failed (exit $status); see ${TMPDIR:-/tmp}/offload-dev-cluster-apt.log"
}

# ---------------------------------------------------------------- configuration

node_memory_mb() {
  # Slurm marks a node invalid when it has less memory than configured; stay below it.
  local total_kb
  total_kb="$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)"
  local mb=$((total_kb / 1024 * 8 / 10))
  ((mb > 4000)) && mb=4000
  echo "$mb"
}

write_slurm_conf() {
  local cpus memory
  cpus="$(nproc)"
  memory="$(node_memory_mb)"
  cat <<EOF
# Written by scripts/dev-cluster.sh; rewritten on every 'up'.
ClusterName=offloaddev
SlurmctldHost=$NODE_NAME(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$DIR/state/ctld
SlurmdSpoolDir=$DIR/state/slurmd
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/slurmd.pid
SlurmctldLogFile=$LOG/slurmctld.log
SlurmdLogFile=$LOG/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
# No mail on this machine; an empty MailProg makes slurmctld log an error at start.
MailProg=/bin/true
MaxArraySize=$MAX_ARRAY_SIZE
MinJobAge=$MIN_JOB_AGE
SlurmctldTimeout=30
SlurmdTimeout=60
NodeName=$NODE_NAME NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$NODE_NAME Default=YES MaxTime=INFINITE State=UP
EOF
}

write_sshd_config() {
  cat <<EOF
# Written by scripts/dev-cluster.sh.
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $SSH_DIR/host_ed25519_key
PidFile $RUN/sshd.pid
AuthorizedKeysFile $SSH_DIR/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
# The state folder sits under /tmp, which is world-writable; StrictModes would refuse
# every key found below it.
StrictModes no
Subsystem sftp internal-sftp
LogLevel INFO
EOF
}

make_ssh_keys() {
  mkdir -p "$SSH_DIR"
  chmod 700 "$SSH_DIR"
  [[ -f "$SSH_DIR/host_ed25519_key" ]] ||
    ssh-keygen -q -t ed25519 -N '' -C offload-dev-host -f "$SSH_DIR/host_ed25519_key"
  [[ -f "$SSH_DIR/id_ed25519" ]] ||
    ssh-keygen -q -t ed25519 -N '' -C offload-dev-client -f "$SSH_DIR/id_ed25519"
  cp "$SSH_DIR/id_ed25519.pub" "$SSH_DIR/authorized_keys"
  chmod 600 "$SSH_DIR/authorized_keys"
  # known_hosts names a non-default port as [host]:port (sshd(8), SSH_KNOWN_HOSTS FILE FORMAT).
  local key_type key_data
  read -r key_type key_data _ <"$SSH_DIR/host_ed25519_key.pub"
  echo "[127.0.0.1]:$SSH_PORT $key_type $key_data" >"$SSH_DIR/known_hosts"
}

write_offload_config() {
  cat <<EOF
# Written by scripts/dev-cluster.sh: Offload's configuration for the dev cluster.
clusters:
  - name: dev
    default: true
    rest:
      socket: $SOCKET
      user: root
    staging:
      mode: sftp
      host: 127.0.0.1
      port: $SSH_PORT
      user: root
      privateKey: $SSH_DIR/id_ed25519
      knownHosts: $SSH_DIR/known_hosts
      remoteRoot: $DIR/work
      keepWorkDir: onFailure
    slurm:
      partition: debug
      timeLimit: 10
      cpusPerTask: 1
      nodeBinary: $(command -v node || echo /usr/bin/node)
      maxArraySize: $MAX_ARRAY_SIZE
      pollInterval: 1
EOF
}

# Replaces a file only when its content changed; returns 0 when it did.
update_file() {
  local target="$1" tmp
  tmp="$(mktemp "$target.XXXXXX")"
  cat >"$tmp"
  if [[ -f "$target" ]] && cmp -s "$tmp" "$target"; then
    rm -f "$tmp"
    return 1
  fi
  mv "$tmp" "$target"
  return 0
}

configure() {
  mkdir -p "$ETC" "$RUN" "$LOG" "$DIR/state/ctld" "$DIR/state/slurmd" "$DIR/work"
  chmod 755 "$DIR"
  make_ssh_keys
  write_sshd_config | update_file "$ETC/sshd_config" || true
  write_offload_config | update_file "$OFFLOAD_CONFIG_FILE" || true
  SLURM_CONF_CHANGED=0
  if write_slurm_conf | update_file "$SLURM_CONF_FILE"; then SLURM_CONF_CHANGED=1; fi
}

# ---------------------------------------------------------------- processes

pid_of() {
  local file="$RUN/$1.pid" pid
  [[ -f "$file" ]] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # A daemon killed with SIGKILL stays a zombie until its parent reaps it, and where
  # nothing reaps orphans kill -0 still succeeds: a zombie counts as stopped.
  [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]] || return 1
  echo "$pid"
}

running() { pid_of "$1" >/dev/null; }

# Polls a command until it succeeds; on timeout names the log to read.
wait_for() {
  local what="$1" logfile="$2"
  shift 2
  local deadline=$((SECONDS + TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "dev-cluster: $what not ready after ${TIMEOUT}s; see $logfile" >&2
      [[ -f "$logfile" ]] && tail -n 15 "$logfile" | sed 's/^/    /' >&2
      exit 1
    fi
    sleep 0.5
  done
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_port_free() {
  port_free "$1" || die "port $1 on 127.0.0.1 is taken by another program (needed for $2)"
}

munge_works() { munge -n | unmunge; }

start_munge() {
  if munge_works >/dev/null 2>&1; then
    return 0
  fi
  [[ -f /etc/munge/munge.key ]] || {
    say "creating /etc/munge/munge.key"
    mungekey --create --keyfile=/etc/munge/munge.key
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
  }
  mkdir -p /run/munge
  chown munge:munge /run/munge
  chmod 755 /run/munge
  say "starting munged"
  # munged runs as the munge user, so it logs where that user may write.
  runuser -u munge -- /usr/sbin/munged >>"$LOG/munged.out" 2>&1 ||
    die "munged did not start; see /var/log/munge/munged.log and $LOG/munged.out"
  # munged is shared with any other Slurm on the machine, so `down` stops it only when
  # this script started it.
  cp /run/munge/munged.pid "$RUN/munged.pid"
  wait_for munged /var/log/munge/munged.log munge_works
}

ctld_up() { scontrol ping | grep -q 'is UP'; }

start_slurmctld() {
  if running slurmctld && ((SLURM_CONF_CHANGED)); then
    # `scontrol reconfigure` leaves some settings as they were (MaxArraySize among
    # them, seen on 22.05.8), so a changed slurm.conf restarts both daemons; job state
    # survives in StateSaveLocation.
    say "slurm.conf changed; restarting slurmctld and slurmd"
    stop slurmd slurmctld
  fi
  running slurmctld && return 0
  require_port_free "$CTLD_PORT" slurmctld
  say "starting slurmctld on 127.0.0.1:$CTLD_PORT"
  # -i ignores state files written by an incompatible configuration rather than refusing.
  slurmctld -i >>"$LOG/slurmctld.out" 2>&1 || die "slurmctld failed; see $LOG/slurmctld.log"
  wait_for slurmctld "$LOG/slurmctld.log" ctld_up
}

node_idle() {
  local state
  state="$(sinfo -h -N -n "$NODE_NAME" -o %t)"
  [[ "$state" == idle || "$state" == mix || "$state" == alloc ]]
}

start_slurmd() {
  if ! running slurmd; then
    require_port_free "$SLURMD_PORT" slurmd
    say "starting slurmd on 127.0.0.1:$SLURMD_PORT"
    slurmd >>"$LOG/slurmd.out" 2>&1 || die "slurmd failed; see $LOG/slurmd.log"
  fi
  wait_for "node $NODE_NAME (sinfo idle)" "$LOG/slurmd.log" node_idle
}

rest_up() {
  [[ -S "$SOCKET" ]] && curl -sf --unix-socket "$SOCKET" http://localhost/slurm/v0.0.38/ping
}

start_slurmrestd() {
  if running slurmrestd; then
    return 0
  fi
  rm -f "$SOCKET"
  say "starting slurmrestd on unix:$SOCKET"
  # slurmrestd refuses to run as root unless told to; it stays in the foreground, so it
  # is detached here and its pid kept. The dbv0.0.38 plugin would exit without slurmdbd.
  SLURMRESTD_SECURITY=disable_user_check setsid slurmrestd -a rest_auth/local \
    -s openapi/v0.0.38 "unix:$SOCKET" </dev/null >>"$LOG/slurmrestd.log" 2>&1 &
  echo $! >"$RUN/slurmrestd.pid"
  wait_for slurmrestd "$LOG/slurmrestd.log" rest_up
}

ssh_up() {
  ssh -F /dev/null -p "$SSH_PORT" -i "$SSH_DIR/id_ed25519" \
    -o BatchMode=yes -o IdentitiesOnly=yes -o ConnectTimeout=5 \
    -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$SSH_DIR/known_hosts" \
    root@127.0.0.1 true
}

start_sshd() {
  if ! running sshd; then
    require_port_free "$SSH_PORT" sshd
    mkdir -p /run/sshd
    chmod 755 /run/sshd
    say "starting sshd on 127.0.0.1:$SSH_PORT"
    /usr/sbin/sshd -f "$ETC/sshd_config" -E "$LOG/sshd.log" ||
      die "sshd failed; see $LOG/sshd.log"
  else
    kill -HUP "$(pid_of sshd)"
  fi
  wait_for sshd "$LOG/sshd.log" ssh_up
}

# Stops daemons by their pid files: signals them all, then waits for each to exit (each
# takes about 2 s to wind down here, so one at a time would take four times as long).
stop() {
  local name pid
  local -A pids=()
  for name in "$@"; do
    if pid="$(pid_of "$name")"; then
      say "stopping $name (pid $pid)"
      kill "$pid" 2>/dev/null || true
      pids[$name]="$pid"
    fi
  done
  local deadline=$((SECONDS + 20))
  for name in "${!pids[@]}"; do
    pid="${pids[$name]}"
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        say "$name did not stop in 20 s; killing it"
        kill -9 "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  done
  # A pid file is removed only while it still names the process stopped here: another
  # `up` running at the same time may already have started a new daemon that wrote it.
  for name in "${!pids[@]}"; do
    # Daemons remove their own pid file as they exit; only a leftover one is looked at.
    [[ -f "$RUN/$name.pid" ]] || continue
    if [[ "$(tr -dc '0-9' <"$RUN/$name.pid")" == "${pids[$name]}" ]]; then
      rm -f "$RUN/$name.pid"
    fi
  done
}

# ---------------------------------------------------------------- commands

cmd_up() {
  check_settings
  install_packages
  configure
  start_munge
  start_slurmctld
  start_slurmd
  start_slurmrestd
  start_sshd
  say "ready (state in $DIR)"
  echo "$OFFLOAD_CONFIG_FILE"
}

cmd_down() {
  # Jobs still running would keep slurmd's step daemons alive; cancel them first.
  if running slurmctld; then scancel --full --quiet --partition=debug 2>/dev/null || true; fi
  stop sshd slurmrestd slurmd slurmctld
  # After the Slurm daemons, which need it to the last.
  stop munged
  rm -f "$SOCKET"
  say "stopped"
}

cmd_status() {
  local name pid any_down=0
  for name in munged slurmctld slurmd slurmrestd sshd; do
    if pid="$(pid_of "$name")"; then
      printf '%-11s running  pid %s\n' "$name" "$pid"
    elif [[ "$name" == munged ]] && munge_works >/dev/null 2>&1; then
      printf '%-11s running  (not started by this script)\n' "$name"
    else
      printf '%-11s stopped\n' "$name"
      any_down=1
    fi
  done
  printf '%-11s %s\n' state "$DIR" socket "$SOCKET" slurmctld "127.0.0.1:$CTLD_PORT" \
    slurmd "127.0.0.1:$SLURMD_PORT" sshd "127.0.0.1:$SSH_PORT" config "$OFFLOAD_CONFIG_FILE"
  if running slurmctld; then
    sinfo -h -N -o 'node       %N %t (%c cpus)' 2>/dev/null || true
  fi
  return "$any_down"
}

case "${1:-}" in
  up) cmd_up ;;
  install)
    shift
    install_packages "$@"
    ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 up|down|status|install [package...]" >&2
    exit 2
    ;;
esac
