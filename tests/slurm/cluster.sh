#!/usr/bin/env bash
# Start/stop a throwaway single-node Slurm cluster (munged + slurmctld + slurmd, as root) under DIR for tests.
# Usage: cluster.sh start DIR   -> prints "export SLURM_CONF=DIR/slurm.conf"; exits 77 (skip) if it cannot start
#        cluster.sh stop DIR    -> stops the daemons recorded in DIR; never fails
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 && ($1 == start || $1 == stop) ]] || usage
cmd=$1
[[ $cmd != start ]] || mkdir -p "$2"
[[ -d $2 ]] || exit 0 # stop: nothing was started there
dir=$(cd "$2" && pwd -P)

pid_of() { local p; p=$(cat "$1" 2>/dev/null) || true; echo "${p//[^0-9]/}"; } # pid in file $1, if any

# Kill the process in pid file $1 if it still is a $2 (guards against recycled pids); -9 after ~5 s.
kill_pidfile() {
    local pidfile=$1 name=$2 pid
    pid=$(pid_of "$pidfile")
    [[ -n $pid && "$(cat /proc/"$pid"/comm 2>/dev/null)" == "$name" ]] || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}

stop() {
    local pid sid sids=
    # Job steps outlive slurmd and sit in sessions of their own: find this cluster's slurmstepds by the
    # slurmd log they hold open, then kill each one's whole session (slurmstepd plus the job's tasks).
    for pid in $(ps -e -o pid=,comm= | awk '$2 == "slurmstepd" {print $1}'); do
        if find /proc/"$pid"/fd -lname "$dir/slurmd.log" 2>/dev/null | grep -q .; then
            sids+=" $(ps -o sid= -p "$pid" || true)"
        fi
    done
    for sid in $sids; do
        for pid in $(ps -e -o pid=,sid= | awk -v s="$sid" '$2 == s {print $1}'); do kill -9 "$pid" 2>/dev/null || true; done
    done
    kill_pidfile "$dir/slurmd.pid" slurmd & # each takes ~2 s to shut down: in parallel
    kill_pidfile "$dir/slurmctld.pid" slurmctld &
    kill_pidfile "$dir/munged.pid" munged &
    wait
    return 0
}

fail() { # fail MESSAGE [LOGFILE]
    echo "slurm cluster: $1" >&2
    if [[ -n ${2:-} && -f $2 ]]; then echo "--- tail of $2:" >&2; tail -n 20 "$2" >&2; fi
    stop
    exit 77
}

free_port() { # a TCP port nobody listens on, other than $1
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        [[ $p != "${1:-}" && -z "$(ss -Htln "sport = :$p" 2>/dev/null)" ]] && { echo "$p"; return; }
    done
}

start() {
    [[ $(id -u) -eq 0 ]] || fail "must run as root (uid $(id -u))"
    export PATH=$PATH:/usr/sbin:/sbin
    local b
    for b in munged slurmctld slurmd sinfo; do command -v "$b" >/dev/null || fail "missing binary: $b"; done
    stop # a cluster left running in DIR by an earlier start; then start from a clean state
    rm -rf "$dir/munge" "$dir/state" "$dir/spool" "$dir"/*.pid "$dir"/*.log
    mkdir -m 755 "$dir/munge" "$dir/state" "$dir/spool"

    # munge: key, socket, pid, log, seed all under DIR (--force: only warn if a parent of DIR is group-writable).
    local key=$dir/munge/munge.key sock=$dir/munge/munge.socket
    if command -v mungekey >/dev/null; then mungekey --create --keyfile="$key" 2>/dev/null
    else dd if=/dev/urandom of="$key" bs=1 count=1024 status=none; fi
    chmod 400 "$key"
    munged --force --socket="$sock" --key-file="$key" --pid-file="$dir/munged.pid" \
        --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" </dev/null >>"$dir/munge/munged.log" 2>&1 ||
        fail "munged did not start" "$dir/munge/munged.log"

    local host cpus mem ctld_port slurmd_port
    host=$(uname -n) && host=${host%%.*} # slurmd's own NodeName: the short host name
    cpus=$(nproc)
    mem=$(awk '/^MemTotal:/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)
    ctld_port=$(free_port)
    slurmd_port=$(free_port "$ctld_port")
    cat > "$dir/slurm.conf" <<EOF
ClusterName=handalign-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
PlugStackConfig=$dir/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
MinJobAge=3600
MailProg=/bin/true
SchedulerParameters=batch_sched_delay=0
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
    : > "$dir/plugstack.conf"
    export SLURM_CONF=$dir/slurm.conf

    local d state=
    for d in slurmctld slurmd; do # each forks into the background and writes DIR/NAME.pid
        "$d" -f "$SLURM_CONF" </dev/null >>"$dir/$d.log" 2>&1 || fail "$d did not start" "$dir/$d.log"
        for _ in $(seq 50); do alive "$d" && break; sleep 0.1; done
    done
    for _ in $(seq 120); do # up to 60 s
        alive slurmctld || fail "slurmctld died" "$dir/slurmctld.log"
        alive slurmd || fail "slurmd died" "$dir/slurmd.log"
        # (clients retry a dead controller for minutes: hence the timeout)
        state=$(timeout 5 sinfo -h -N -n "$host" -o %t 2>/dev/null || true)
        [[ $state == idle ]] && { echo "export SLURM_CONF=$SLURM_CONF"; return 0; }
        sleep 0.5
    done
    fail "node $host not idle after 60 s (state '${state}')" "$dir/slurmd.log"
}

alive() { # is daemon $1 of DIR running?
    local pid
    pid=$(pid_of "$dir/$1.pid")
    [[ -n $pid && "$(cat /proc/"$pid"/comm 2>/dev/null)" == "$1" ]]
}

"$cmd"
