#!/bin/bash
# tests/servers.sh — run Approdo's PRODUCTION web-server configurations on
# 127.0.0.1, for the test suite and the demo.
#
#   tests/servers.sh start nginx  BUILD SRCDIR STATEDIR PORT
#   tests/servers.sh start apache BUILD SRCDIR STATEDIR PORT
#   tests/servers.sh start shared BUILD SRCDIR STATEDIR PORT
#   tests/servers.sh stop STATEDIR
#   tests/servers.sh worker-pid STATEDIR PROGRAM
#   tests/servers.sh state-root
#
# The configurations are generated from the deployed files in ../apache/:
#   approdo-nginx.conf + approdo-fcgi@.service   (nginx, spawn-fcgi)
#   approdo-apache.conf                          (Apache, mod_fcgid)
#   htaccess                                     (a shared host: Apache with
#                                                 AllowOverride, mod_fcgid)
# Only the production paths, the port, the log paths and the users change,
# and the "# BEGIN TLS-ONLY" ... "# END TLS-ONLY" blocks are dropped.
#
# start first INSTALLS the build into STATEDIR, as production does, and the
# servers then read only the installed copy: the programs of BUILD (make -C
# BUILD install-exec) and the templates, migrations and static files of
# SRCDIR (make -C SRCDIR install-data); both are configured trees (BUILD
# may be SRCDIR). So the source tree may sit where the server user cannot
# go (a clone under /root, mode 0700): only STATEDIR must be reachable.
# nginx, apache: make install DESTDIR=STATEDIR/install (the default prefix),
# that is the layout of apache/approdo-apache.conf, owned by the caller.
# shared: the layout and the install commands of apache/htaccess, with its
# home directory in STATEDIR/home (see "shared host" below).
#
# Production path                     -> here
#   /usr/local/libexec/approdo           STATEDIR/install/usr/local/libexec/approdo
#   /usr/local/share/approdo             STATEDIR/install/usr/local/share/approdo
#                                        (templates/, sql/, htdocs/static/)
#   /var/lib/approdo                     STATEDIR        (approdo.db, files/)
#   /run/approdo                         STATEDIR/run    (sockets, pid files)
#   /var/log/nginx, /var/log/apache2     STATEDIR/log
#   /home/UTENTE/approdo/var             STATEDIR        (shared: approdo.db, files/)
#   /home/UTENTE                         STATEDIR/home   (shared: approdo/, public_html/)
# Each production path is replaced once: what replaces it is not searched
# again, so STATEDIR may itself contain such a string (/var/lib/approdo-dev).
#
# Shared host (start shared): apache/htaccess as shipped becomes
# public_html/.htaccess (paths substituted, which changes only its
# comments); the programs, templates and static files are installed with
# the commands its comments give; one wrapper per program is written in
# public_html/fcgi/ from the wrapper its comments show (paths substituted,
# the program name on the exec line, then the caller's overrides, below).
# The host's side, which a customer cannot change, is generated here: a
# virtual host with DocumentRoot public_html, Debian's default modules plus
# fcgid, rewrite and headers, Debian's userdir Options for the directory,
# exactly the AllowOverride the htaccess says it "Needs", and what its
# comments ask the host for (FcgidMaxRequestLen).
#
# Program environment: the unit's Environment= lines (nginx), the
# FcgidInitialEnv lines (Apache) or the wrapper's assignments (shared) with
# paths substituted, APPRODO_WORKERS=2 (nginx only), then every APPRODO_*
# variable exported by the caller (overrides; APPRODO_WORKERS is never
# given to Apache), then ASAN_OPTIONS/UBSAN_OPTIONS/LSAN_OPTIONS when set.
# Nothing else from the caller's environment reaches the programs.
#
# Run as root (as the test runner does), the programs and the server workers
# run as www-data (Apache refuses to run them as root), and STATEDIR is
# chown'ed to www-data at start, except STATEDIR/install (the caller's, as
# /usr/local is root's): create files in it as www-data, or before start.
# Run as another user, everything runs as that user (nginx only: Apache
# needs root to start here).
#
# state-root prints where ./run-tests and ./run-demo keep their STATEDIRs
# for the source tree this script belongs to: as root
# /var/lib/approdo-dev/<tree name>-<hash of the tree's path> (mode 0755,
# reachable by www-data wherever the tree is), otherwise TREE/var/state.
#
# For the benchmark only: APPRODO_NGINX_EXTRA names a file of extra
# directives included in the server block (e.g. a baseline location), and
# APPRODO_NGINX_WORKERS sets nginx's worker_processes (default 1).
#
# Every process started for a STATEDIR carries APPRODO_SERVERS_STATEDIR=STATEDIR
# in its environment; stop uses it (besides the pid files) to find them, and
# never touches processes of another STATEDIR.
#
# Under STATEDIR: install/ or home/ (the installed build), conf/ (generated
# configurations, install.log), run/ (pid files, sockets, mod_fcgid's IPC
# directory), log/, tmp/ (nginx temporary files), files/, approdo.db. In
# log/: approdo-error.log and approdo-access.log (the virtual host's logs;
# FastCGI stderr records, FCGX_FPrintF(err,...), land in approdo-error.log),
# nginx-error.log or apache-error.log, and the raw stderr (fd 2: sanitizer
# reports...) of the programs: <program>.log under nginx, apache-error.log
# under Apache.
#
# Programs missing from BUILD/cgi-bin are skipped (their URLs then answer
# 502 under nginx, 404 under Apache); sessione is required.
# The servers' parent is PID 1 once started: where PID 1 does not reap
# orphans (some containers), stopped daemons stay as zombies; they are
# treated as gone.

set -u -o pipefail

PROGRAMS=(sessione utenti registro minori)
RUN_USER=www-data
RUN_GROUP=www-data
MARK=APPRODO_SERVERS_STATEDIR
READY_TIMEOUT=20
SANE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
unset APPRODO_SERVERS_STATEDIR

die() { printf 'servers.sh: %s\n' "$*" >&2; exit 1; }
warn() { printf 'servers.sh: %s\n' "$*" >&2; }

usage() {
    cat >&2 <<'EOF'
usage: servers.sh start nginx|apache|shared BUILD SRCDIR STATEDIR PORT
       servers.sh stop STATEDIR
       servers.sh worker-pid STATEDIR PROGRAM
       servers.sh state-root
EOF
    exit 2
}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P) || die "cannot find my own directory"
CONFSRC=$(cd "$HERE/../apache" 2>/dev/null && pwd -P) || die "missing $HERE/../apache (production configurations)"
NGINX_CONF_SRC=$CONFSRC/approdo-nginx.conf
UNIT_SRC=$CONFSRC/approdo-fcgi@.service
APACHE_CONF_SRC=$CONFSRC/approdo-apache.conf
HTACCESS_SRC=$CONFSRC/htaccess

# ---------------------------------------------------------------- helpers

# Paths end up in server configurations and sed expressions: keep them plain.
check_path_chars() {
    [[ $2 =~ ^[A-Za-z0-9._/@+=,:~-]+$ ]] ||
        die "$1 '$2' contains characters not allowed here (spaces, quotes, #, &, \\, \$ ...): use a plainer path"
}

absdir() {  # absdir LABEL PATH [create]
    local d=$2
    if [[ ${3:-} == create ]]; then
        mkdir -p -- "$d" || die "cannot create $1 $d"
    fi
    [[ -d $d ]] || die "$1 $d is not a directory"
    d=$(cd -- "$d" && pwd -P) || die "cannot enter $1 $2"
    check_path_chars "$1" "$d"
    printf '%s\n' "$d"
}

proc_state() {  # prints the state letter of a process, fails if it is gone
    local s
    s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n $s ]] || return 1
    s=${s##*) }
    printf '%s\n' "${s%% *}"
}

# Alive = exists and is not a zombie. (PID 1 of some containers never reaps
# orphans, so dead daemons may linger as zombies: they count as gone.)
alive() {
    local st
    st=$(proc_state "$1") || return 1
    [[ $st != Z && $st != X ]]
}

read_pidfile() {
    local p
    [[ -f $1 ]] || return 1
    read -r p < "$1" 2>/dev/null || return 1
    [[ $p =~ ^[0-9]+$ ]] || return 1
    printf '%s\n' "$p"
}

cmdline_of() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null; }

is_marked() {  # is_marked PID STATEDIR
    local kv
    local -a env=()
    mapfile -d '' -t env 2>/dev/null < "/proc/$1/environ" || return 1
    for kv in "${env[@]}"; do
        [[ $kv == "$MARK=$2" ]] && return 0
    done
    return 1
}

marked_pids() {  # all live processes started for STATEDIR $1
    local d p
    for d in /proc/[0-9]*; do
        p=${d#/proc/}
        [[ $p == "$$" || $p == "$BASHPID" ]] && continue
        is_marked "$p" "$1" && alive "$p" && printf '%s\n' "$p"
    done
    return 0
}

descendants() {  # descendants PID: all live descendants
    local c
    for c in $(pgrep -P "$1" 2>/dev/null); do
        alive "$c" || continue
        printf '%s\n' "$c"
        descendants "$c"
    done
    return 0
}

wait_gone() {  # wait_gone SECONDS PID...: 0 when all are gone
    local deadline=$((SECONDS + $1)) p any
    shift
    while :; do
        any=
        for p in "$@"; do alive "$p" && { any=1; break; }; done
        [[ -z $any ]] && return 0
        ((SECONDS >= deadline)) && return 1
        sleep 0.1
    done
}

# Run a test as the server user (coreutils only: chroot to / with --userspec).
as_run_user() { chroot --userspec="$RUN_USER:$RUN_GROUP" --skip-chdir / "$@" 2>/dev/null; }

# Explain which directory the server user cannot enter.
explain_access() {  # explain_access PATH WHAT
    local path=$1 what=$2 prefix="" comp
    local -a comps
    IFS=/ read -r -a comps <<< "${path#/}"
    for comp in "${comps[@]}"; do
        prefix+=/$comp
        if [[ -d $prefix ]] && ! as_run_user test -x "$prefix"; then
            die "user $RUN_USER cannot enter $prefix ($(stat -c '%A %U:%G' -- "$prefix")), needed for $what ($path). Make it traversable (e.g. chmod o+x $prefix) or use a STATEDIR under a directory $RUN_USER can reach (./run-tests and ./run-demo use $(state_root)); BUILD and SRCDIR may stay where they are."
        fi
    done
    die "user $RUN_USER cannot access $what ($path: $(stat -c '%A %U:%G' -- "$path" 2>/dev/null))"
}

need_access() {  # need_access TESTFLAGS PATH WHAT
    local flag
    for flag in $1; do
        as_run_user test "$flag" "$2" || explain_access "$2" "$3"
    done
}

show_logs() {
    local f
    for f in "$LOG"/*.log; do
        [[ -s $f ]] || continue
        printf '\n===== %s (last 40 lines) =====\n' "$f" >&2
        tail -n 40 -- "$f" >&2
    done
}

fail_start() {
    warn "$*"
    show_logs
    warn "stopping what was started for $STATEDIR"
    do_stop >/dev/null 2>&1
    exit 1
}

# sed script turning production paths into this run's paths. Each is first
# turned into a marker (% never occurs in our paths, see check_path_chars),
# then the markers into the paths: a replacement is never replaced again.
write_path_sed() {
    local i=0 from
    local -a froms=(/usr/local/libexec/approdo /usr/local/share/approdo
        /var/lib/approdo /run/approdo /var/log/nginx /var/log/apache2
        /home/UTENTE/approdo/var /home/UTENTE)
    local -a tos=("$INST/usr/local/libexec/approdo" "$INST/usr/local/share/approdo"
        "$STATEDIR" "$RUN" "$LOG" "$LOG" "$STATEDIR" "$HOMEDIR")
    {
        for from in "${froms[@]}"; do
            printf 's#%s#%%%%%d%%%%#g\n' "$from" "$i"
            i=$((i + 1))
        done
        for ((i = 0; i < ${#tos[@]}; i++)); do
            printf 's#%%%%%d%%%%#%s#g\n' "$i" "${tos[i]}"
        done
    } > "$CONF/paths.sed"
}

subst_paths() { sed -f "$CONF/paths.sed"; }

drop_tls() { sed -e '/^[[:space:]]*# BEGIN TLS-ONLY/,/^[[:space:]]*# END TLS-ONLY/d'; }

# Refuse a generated configuration that still points at production places
# (our own paths, all under STATEDIR, are taken out first).
check_generated() {  # check_generated FILE
    local bad
    bad=$(sed -n -e '/^[[:space:]]*#/d' -e "s#${STATEDIR//./\\.}[^[:space:]\"';]*##g" \
        -e '/\/usr\/local\/\|\/var\/lib\/approdo\|\/run\/approdo\|\/var\/log\/\|\/etc\/ssl\|ssl_\|SSL[A-Z]\|listen[[:space:]]\+\(\[::\]:\)\?\(80\|443\)\b\|:443\b\|\*:80\b/p' "$1")
    [[ -z $bad ]] || die "generated $1 still contains production-only lines (update tests/servers.sh or the TLS-ONLY markers):
$bad"
}

program_url() {
    case $1 in
        sessione) echo /login ;;
        *) echo "/$1" ;;
    esac
}

# ---------------------------------------------------------------- state

set_state_paths() {
    RUN=$STATEDIR/run
    LOG=$STATEDIR/log
    CONF=$STATEDIR/conf
    TMPD=$STATEDIR/tmp
    INST=$STATEDIR/install
    HOMEDIR=$STATEDIR/home
}

# Where run-tests and run-demo keep their state directories (see the top).
state_root() {
    local top name
    top=$(cd "$HERE/.." && pwd -P) || die "cannot find the source tree"
    if ((EUID == 0)); then
        name=$(basename -- "$top")
        name=${name//[^A-Za-z0-9._-]/_}
        printf '/var/lib/approdo-dev/%s-%s\n' "$name" "$(printf '%s' "$top" | sha256sum | cut -c1-12)"
    else
        printf '%s/var/state\n' "$top"
    fi
}

# The environment of the programs: NAMES (ordered) and VALS.
declare -a ENV_NAMES=()
declare -A ENV_VALS=()
env_set() {
    [[ -v ENV_VALS[$1] ]] || ENV_NAMES+=("$1")
    ENV_VALS[$1]=$2
}

caller_overrides() {  # caller_overrides SERVER
    local n
    for n in $(compgen -e); do
        case $n in
            APPRODO_WORKERS) [[ $1 != nginx ]] && continue ;;
            "$MARK") continue ;;
            APPRODO_*) ;;
            *) continue ;;
        esac
        env_set "$n" "${!n}"
    done
    env_set "$MARK" "$STATEDIR"
    for n in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
        [[ -v $n ]] && env_set "$n" "${!n}"
    done
    return 0
}

# ---------------------------------------------------------------- start

prepare() {  # prepare SERVER BUILD SRCDIR STATEDIR PORT
    SERVER=$1
    if ! [[ $5 =~ ^[0-9]+$ ]] || (($5 < 1 || $5 > 65535)); then
        die "PORT '$5' is not a port number"
    fi
    PORT=$5
    BUILD=$(absdir BUILD "$2") || exit 1
    SRCDIR=$(absdir SRCDIR "$3") || exit 1
    STATEDIR=$(absdir STATEDIR "$4" create) || exit 1
    set_state_paths
    [[ -x $BUILD/cgi-bin/sessione ]] || die "$BUILD/cgi-bin/sessione is missing or not executable (is BUILD the build directory?)"
    [[ -f $BUILD/Makefile ]] || die "$BUILD has no Makefile (BUILD must be a configured build directory: ./configure)"
    [[ -d $SRCDIR/htdocs/static ]] || die "$SRCDIR/htdocs/static is missing (is SRCDIR the source directory?)"
    [[ -f $SRCDIR/Makefile ]] || die "$SRCDIR has no Makefile (SRCDIR must be a configured source directory: ./configure)"
    ((EUID == 0)) || [[ $SERVER == nginx ]] ||
        die "start $SERVER needs root (Apache runs its children as $RUN_USER)"

    PRESENT=()
    local p
    for p in "${PROGRAMS[@]}"; do
        [[ -x $BUILD/cgi-bin/$p ]] && PRESENT+=("$p")
    done

    local running
    running=$(running_pids)
    [[ -z $running ]] || die "servers are already running for $STATEDIR (pids: ${running//$'\n'/ }); run: $0 stop $STATEDIR"

    mkdir -p "$RUN" "$LOG" "$CONF" "$TMPD" "$STATEDIR/files" || die "cannot create directories under $STATEDIR"
    rm -f "$RUN"/*.pid "$RUN"/*.sock "$RUN/server" "$RUN/port"
    if ((EUID == 0)); then
        id -u "$RUN_USER" >/dev/null 2>&1 || die "user $RUN_USER does not exist"
        chown "$RUN_USER:$RUN_GROUP" "$STATEDIR" || die "cannot chown $STATEDIR to $RUN_USER"
        # Before installing anything: is STATEDIR reachable at all?
        need_access "-w -x" "$STATEDIR" "state directory"
    fi
    write_path_sed

    install_build
    if [[ $SERVER == shared ]]; then
        caller_overrides shared  # the wrappers carry the environment
        shared_home
    fi

    if ((EUID == 0)); then
        # Everything but the installed copy (the caller's, like /usr/local).
        find "$STATEDIR" -path "$INST" -prune -o -exec chown -h "$RUN_USER:$RUN_GROUP" {} + ||
            die "cannot chown $STATEDIR to $RUN_USER"
        chmod 0750 "$RUN" || die "cannot chmod $RUN"
        for p in "${PRESENT[@]}"; do
            need_access "-r -x" "$PROGDIR/$p" "program $p"
        done
        need_access "-r -x" "$STATICDIR" "static files"
        need_access "-r -x" "$TEMPLDIR" "templates"
        need_access "-w -x" "$STATEDIR/files" "uploaded files"
        if [[ $SERVER == shared ]]; then
            need_access "-r" "$HOMEDIR/public_html/.htaccess" ".htaccess"
            for p in "${PRESENT[@]}"; do
                need_access "-r -x" "$HOMEDIR/public_html/fcgi/$p.fcgi" "wrapper $p.fcgi"
            done
        fi
    fi

    echo "$SERVER" > "$RUN/server"
    echo "$PORT" > "$RUN/port"
}

# The "make install ..." line of apache/htaccess, its variables with the
# paths substituted (one word each: NAME=VALUE).
shared_install_vars() {
    local line w
    local -a words
    line=$(sed -n 's/^#[[:space:]]*make install[[:space:]]\{1,\}//p' "$HTACCESS_SRC" | head -n 1)
    [[ -n $line ]] || die "no '# make install ...' line in $HTACCESS_SRC"
    read -r -a words <<< "$(printf '%s\n' "$line" | subst_paths)"
    for w in "${words[@]}"; do
        [[ $w =~ ^[A-Za-z_]+=[A-Za-z0-9._/@+=,:~-]+$ ]] ||
            die "unexpected word '$w' on the make install line of $HTACCESS_SRC"
        printf '%s\n' "$w"
    done
}

# Installs the programs of BUILD and the data of SRCDIR (see the top): with
# DESTDIR=STATEDIR/install, or as apache/htaccess says for a shared host.
install_build() {
    local -a vars progs=("${PRESENT[@]/#/cgi-bin/}")
    rm -rf "$INST" "$HOMEDIR" || die "cannot remove the previous install in $STATEDIR"
    if [[ $SERVER == shared ]]; then
        mapfile -t vars < <(shared_install_vars)
        ((${#vars[@]})) || exit 1
        PROGDIR=$HOMEDIR/approdo/libexec
        TEMPLDIR=$HOMEDIR/approdo/templates
        STATICDIR=$HOMEDIR/public_html/static
    else
        vars=("DESTDIR=$INST")
        PROGDIR=$INST/usr/local/libexec/approdo
        TEMPLDIR=$INST/usr/local/share/approdo/templates
        STATICDIR=$INST/usr/local/share/approdo/htdocs/static
    fi
    # Only the programs that are there (the others are skipped, see the top).
    if ! (umask 022 &&
          make -C "$BUILD" install-exec "${vars[@]}" "pkglibexec_PROGRAMS=${progs[*]}" &&
          make -C "$SRCDIR" install-data "${vars[@]}") > "$CONF/install.log" 2>&1; then
        tail -n 20 "$CONF/install.log" >&2
        die "installing the build failed (see $CONF/install.log)"
    fi
    [[ -x $PROGDIR/sessione && -d $TEMPLDIR ]] ||
        die "make install did not put the programs in $PROGDIR and the templates in $TEMPLDIR (was BUILD configured with another prefix?)"
}

# The rest of the shared host's layout (apache/htaccess): public_html with
# the static files, the .htaccess and one wrapper per program.
shared_home() {
    local pub=$HOMEDIR/public_html p
    ( umask 022 &&
      mkdir -p "$pub/fcgi" &&
      cp -R "$HOMEDIR/approdo/htdocs/static" "$pub/" &&
      subst_paths < "$HTACCESS_SRC" > "$pub/.htaccess" ) ||
        die "cannot set up $pub"
    [[ -d $STATICDIR ]] || die "no static files in $STATICDIR"
    for p in "${PRESENT[@]}"; do
        write_wrapper "$p" > "$pub/fcgi/$p.fcgi" && chmod 0755 "$pub/fcgi/$p.fcgi" ||
            die "cannot write $pub/fcgi/$p.fcgi"
    done
}

# The wrapper shown in apache/htaccess (the lines from "#!/bin/sh" to the
# "exec" line), for PROGRAM: paths substituted, PROGRAM on the exec line,
# and the caller's overrides assigned and exported just before the exec.
write_wrapper() {  # write_wrapper PROGRAM
    local prog=$1 line indent="" on="" done="" n v
    local -a names=()
    while IFS= read -r line; do
        if [[ -z $on ]]; then
            if [[ $line =~ ^(#[[:space:]]+)'#!/bin/sh'[[:space:]]*$ ]]; then
                indent=${BASH_REMATCH[1]}
                on=1
                printf '#!/bin/sh\n'
            fi
            continue
        fi
        [[ $line == "$indent"* || $line =~ ^#[[:space:]]*$ ]] ||
            die "the wrapper in $HTACCESS_SRC ends without an exec line"
        line=${line#"$indent"}
        [[ $line =~ ^#[[:space:]]*$ ]] && line=""
        if [[ $line =~ ^exec[[:space:]] ]]; then
            [[ $line =~ /libexec/utenti$ ]] ||
                die "the wrapper in $HTACCESS_SRC should exec .../libexec/utenti (the example program)"
            for n in "${ENV_NAMES[@]}"; do
                v=${ENV_VALS[$n]}
                [[ $v != *"'"* && $v != *$'\n'* ]] ||
                    die "cannot pass $n to the wrapper: its value contains a quote or newline"
                printf "%s='%s'\n" "$n" "$v"
                names+=("$n")
            done
            ((${#names[@]})) && printf 'export %s\n' "${names[*]}"
            printf '%s\n' "${line%/libexec/utenti}/libexec/$prog" | subst_paths
            done=1
            break
        fi
        printf '%s\n' "$line" | subst_paths
    done < "$HTACCESS_SRC"
    [[ -n $done ]] || die "no wrapper (#!/bin/sh ... exec ...) in the comments of $HTACCESS_SRC"
}

wait_ready() {
    local deadline=$((SECONDS + READY_TIMEOUT)) code
    while :; do
        code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$PORT/login" 2>/dev/null)
        case $code in
            000 | 502 | 504 | "") ;;
            *) return 0 ;;
        esac
        ((SECONDS >= deadline)) && fail_start "$SERVER on 127.0.0.1:$PORT does not answer /login after ${READY_TIMEOUT}s (last HTTP code: ${code:-none})"
        sleep 0.2
    done
}

launch_program() {  # spawn-fcgi master for one program, per the systemd unit
    local prog=$1 line n v
    local -a argv envs=(PATH="$SANE_PATH")  # systemd's default PATH
    line=$(sed -n 's/^ExecStart=//p' "$UNIT_SRC")
    [[ -n $line ]] || die "no ExecStart= in $UNIT_SRC"
    line=$(printf '%s\n' "${line//%i/$prog}" | subst_paths)
    read -r -a argv <<< "$line"
    if ((EUID == 0)); then
        # systemd's User=/Group= in production; spawn-fcgi drops root here.
        argv=("${argv[0]}" -u "$RUN_USER" -g "$RUN_GROUP" "${argv[@]:1}")
    fi
    for n in "${ENV_NAMES[@]}"; do
        envs+=("$n=${ENV_VALS[$n]}")
    done
    (cd / && exec env -i "${envs[@]}" "${argv[@]}") < /dev/null >> "$LOG/$prog.log" 2>&1 &
    echo $! > "$RUN/$prog.pid"
}

start_nginx() {
    local prog n v line deadline
    # Environment from the unit, paths substituted.
    while IFS= read -r line; do
        n=${line%%=*}
        v=$(printf '%s\n' "${line#*=}" | subst_paths)
        env_set "$n" "$v"
    done < <(sed -n 's/^Environment=//p' "$UNIT_SRC")
    env_set APPRODO_WORKERS 2
    caller_overrides nginx

    for prog in "${PRESENT[@]}"; do
        launch_program "$prog"
    done
    deadline=$((SECONDS + 10))
    for prog in "${PRESENT[@]}"; do
        until [[ -S $RUN/$prog.sock ]]; do
            alive "$(read_pidfile "$RUN/$prog.pid")" ||
                fail_start "spawn-fcgi for $prog exited (see $LOG/$prog.log)"
            ((SECONDS >= deadline)) && fail_start "no socket $RUN/$prog.sock after 10s"
            sleep 0.05
        done
    done

    drop_tls < "$NGINX_CONF_SRC" | subst_paths |
        sed -e "0,/^server {/s//server {\n    listen 127.0.0.1:$PORT;${APPRODO_NGINX_EXTRA:+\n    include ${APPRODO_NGINX_EXTRA//\//\\/};}/" > "$CONF/approdo-nginx.conf" ||
        die "cannot write $CONF/approdo-nginx.conf"
    check_generated "$CONF/approdo-nginx.conf"
    {
        echo "# Generated by tests/servers.sh: loopback wrapper around approdo-nginx.conf"
        ((EUID == 0)) && echo "user $RUN_USER $RUN_GROUP;"
        cat <<EOF
worker_processes ${APPRODO_NGINX_WORKERS:-1};
pid $RUN/nginx.pid;
error_log $LOG/nginx-error.log notice;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $LOG/nginx-access.log;
    client_body_temp_path $TMPD/nginx-body;
    fastcgi_temp_path $TMPD/nginx-fastcgi;
    proxy_temp_path $TMPD/nginx-proxy;
    scgi_temp_path $TMPD/nginx-scgi;
    uwsgi_temp_path $TMPD/nginx-uwsgi;
    include $CONF/approdo-nginx.conf;
}
EOF
    } > "$CONF/nginx.conf" || die "cannot write $CONF/nginx.conf"

    (cd / && exec env -i PATH="$SANE_PATH" "$MARK=$STATEDIR" nginx -e "$LOG/nginx-error.log" \
        -p "$STATEDIR/" -c "$CONF/nginx.conf") < /dev/null >> "$LOG/nginx-start.log" 2>&1 ||
        fail_start "nginx did not start"
    wait_ready
}

start_apache() {
    local line n v indent first=1
    local -A in_conf=()
    # Environment: the FcgidInitialEnv lines of the production file
    # (substituted below with the paths), overridden by the caller.
    caller_overrides apache

    drop_tls < "$APACHE_CONF_SRC" | subst_paths |
        sed -e "s/<VirtualHost \*:443>/<VirtualHost *:$PORT>/" > "$CONF/approdo-apache.conf.tmp" ||
        die "cannot write $CONF/approdo-apache.conf"
    while IFS= read -r line; do
        [[ $line =~ ^[[:space:]]*FcgidInitialEnv[[:space:]]+([A-Za-z_][A-Za-z0-9_]*) ]] &&
            in_conf[${BASH_REMATCH[1]}]=1
    done < "$CONF/approdo-apache.conf.tmp"
    for n in "${ENV_NAMES[@]}"; do
        v=${ENV_VALS[$n]}
        [[ $v != *'"'* && $v != *\\* && $v != *$'\n'* ]] ||
            die "cannot pass $n to Apache: its value contains a quote, backslash or newline"
    done
    while IFS= read -r line; do
        if [[ $line =~ ^([[:space:]]*)FcgidInitialEnv[[:space:]]+([A-Za-z_][A-Za-z0-9_]*) ]]; then
            indent=${BASH_REMATCH[1]}
            n=${BASH_REMATCH[2]}
            if [[ -v ENV_VALS[$n] ]]; then
                printf '%sFcgidInitialEnv %s "%s"\n' "$indent" "$n" "${ENV_VALS[$n]}"
            else
                printf '%s\n' "$line"
            fi
            if [[ -n $first ]]; then
                first=
                for n in "${ENV_NAMES[@]}"; do
                    [[ -v in_conf[$n] ]] ||
                        printf '%sFcgidInitialEnv %s "%s"\n' "$indent" "$n" "${ENV_VALS[$n]}"
                done
            fi
        else
            printf '%s\n' "$line"
        fi
    done < "$CONF/approdo-apache.conf.tmp" > "$CONF/approdo-apache.conf"
    rm -f "$CONF/approdo-apache.conf.tmp"
    [[ -z $first ]] || die "no FcgidInitialEnv line in $APACHE_CONF_SRC"
    check_generated "$CONF/approdo-apache.conf"

    apache_conf "loopback wrapper around approdo-apache.conf" \
        "mpm_event authz_core mime alias headers fcgid" \
        "Include $CONF/approdo-apache.conf"
    start_apache2
}

# Writes CONF/apache.conf: the server-wide settings of a loopback Apache
# with MODULES, then BODY.
apache_conf() {  # apache_conf TITLE MODULES BODY
    local m mods=""
    mkdir -p "$RUN/apache" || die "cannot create $RUN/apache"
    chown "$RUN_USER:$RUN_GROUP" "$RUN/apache" || die "cannot chown $RUN/apache"
    for m in $2; do
        mods+="LoadModule ${m}_module /usr/lib/apache2/modules/mod_$m.so"$'\n'
    done
    cat > "$CONF/apache.conf" <<EOF || die "cannot write $CONF/apache.conf"
# Generated by tests/servers.sh: $1
$mods
DefaultRuntimeDir $RUN/apache
PidFile $RUN/apache.pid
Mutex file:$RUN/apache default
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
User $RUN_USER
Group $RUN_GROUP
ErrorLog $LOG/apache-error.log
LogLevel warn
LogFormat "%h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" combined
TypesConfig /etc/mime.types
StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32
MinSpareThreads 4
MaxSpareThreads 32
FcgidIPCDir $RUN/fcgid
FcgidProcessTableFile $RUN/fcgid_shm
$3
EOF
}

start_apache2() {
    (cd / && exec env -i PATH="$SANE_PATH" "$MARK=$STATEDIR" apache2 -f "$CONF/apache.conf" -k start) \
        < /dev/null >> "$LOG/apache-start.log" 2>&1 || fail_start "apache2 did not start"
    wait_ready
}

# A shared host around apache/htaccess (see the top): everything in this
# configuration is the hosting company's; the customer's part is
# public_html (set up by shared_home, in prepare).
start_shared() {
    local override pub=$HOMEDIR/public_html
    override=$(sed -n 's/^#.*Needs "AllowOverride \([A-Za-z =,]*\)".*/\1/p' "$HTACCESS_SRC" | head -n 1)
    [[ -n $override ]] || die "$HTACCESS_SRC does not say which AllowOverride it needs ('Needs \"AllowOverride ...\"')"
    # Debian's default modules (a2enmod's list after installing apache2),
    # mod_fcgid, and what the htaccess asks for.
    apache_conf "a shared host serving $pub with apache/htaccess" \
        "mpm_event authz_core authz_host authz_user authn_core authn_file auth_basic access_compat
         alias autoindex deflate dir env filter mime negotiation reqtimeout setenvif
         fcgid rewrite headers" \
        "# Asked of the host by apache/htaccess:
FcgidMaxRequestLen 13631488
Mutex pthread fcgid-proctbl fcgid-pipe
AccessFileName .htaccess
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<FilesMatch \"^\\.ht\">
    Require all denied
</FilesMatch>
<VirtualHost *:$PORT>
    ServerName 127.0.0.1
    DocumentRoot $pub
    ErrorLog  $LOG/approdo-error.log
    LogFormat \"%h %l %u %t \\\"%m %U %H\\\" %>s %O \\\"%{User-Agent}i\\\" %D\" approdo
    CustomLog $LOG/approdo-access.log approdo
    <Directory $pub>
        # Debian's userdir.conf; AllowOverride as apache/htaccess needs.
        Options MultiViews Indexes SymLinksIfOwnerMatch IncludesNoExec
        AllowOverride $override
        Require all granted
    </Directory>
</VirtualHost>"
    check_generated "$CONF/apache.conf"
    start_apache2
}

# ---------------------------------------------------------------- stop

# Verified live daemons started for STATEDIR (pid files + marked processes).
running_pids() {
    local p f prog
    {
        p=$(read_pidfile "$RUN/nginx.pid") && alive "$p" &&
            [[ $(cmdline_of "$p") == *"$CONF/nginx.conf"* ]] && echo "$p"
        p=$(read_pidfile "$RUN/apache.pid") && alive "$p" &&
            [[ $(cmdline_of "$p") == *"$CONF/apache.conf"* ]] && echo "$p"
        marked_pids "$STATEDIR"
    } | sort -un
}

do_stop() {
    local p left
    local -a masters=() all=() more=()
    p=$(read_pidfile "$RUN/nginx.pid") && alive "$p" &&
        [[ $(cmdline_of "$p") == *"$CONF/nginx.conf"* ]] && masters+=("$p")
    p=$(read_pidfile "$RUN/apache.pid") && alive "$p" &&
        [[ $(cmdline_of "$p") == *"$CONF/apache.conf"* ]] && masters+=("$p")
    # Web-server children (nginx workers, Apache children, mod_fcgid's
    # process manager and programs) and everything marked for STATEDIR.
    for p in "${masters[@]}"; do
        all+=("$p")
        mapfile -t more < <(descendants "$p")
        all+=("${more[@]}")
    done
    mapfile -t more < <(marked_pids "$STATEDIR")
    all+=("${more[@]}")

    if ((${#all[@]})); then
        # Web servers first (mod_fcgid stops its programs), then the
        # spawn-fcgi masters (they stop their workers), then any leftover.
        for p in "${masters[@]}"; do kill -TERM "$p" 2>/dev/null; done
        wait_gone 15 "${masters[@]}"
        mapfile -t more < <(marked_pids "$STATEDIR")
        all+=("${more[@]}")
        for p in "${more[@]}"; do kill -TERM "$p" 2>/dev/null; done
        if ! wait_gone 10 "${all[@]}"; then
            mapfile -t more < <(marked_pids "$STATEDIR")
            all+=("${more[@]}")
            for p in "${all[@]}"; do
                alive "$p" && kill -KILL "$p" 2>/dev/null
            done
            wait_gone 5 "${all[@]}"
        fi
        mapfile -t more < <(marked_pids "$STATEDIR")
        left=$(for p in "${all[@]}" "${more[@]}"; do alive "$p" && echo "$p"; done | sort -un)
        [[ -z $left ]] || die "could not stop processes of $STATEDIR: ${left//$'\n'/ }"
    fi
    rm -f "$RUN"/*.pid "$RUN"/*.sock "$RUN/server" "$RUN/port" 2>/dev/null
    return 0
}

# ---------------------------------------------------------------- worker-pid

worker_pid() {
    local prog=$1 server master="" p deadline kicked=
    local -a cands
    server=$(cat "$RUN/server" 2>/dev/null) || die "nothing started for $STATEDIR"
    case " ${PROGRAMS[*]} " in *" $prog "*) ;; *) die "unknown program '$prog'" ;; esac
    [[ $server == nginx ]] && master=$(read_pidfile "$RUN/$prog.pid")
    deadline=$((SECONDS + 10))
    while :; do
        cands=()
        for p in $(marked_pids "$STATEDIR"); do
            [[ $p == "$master" ]] && continue
            case $(cat "/proc/$p/comm" 2>/dev/null) in
                "$prog" | "lt-$prog") cands+=("$p") ;;
            esac
        done
        if ((${#cands[@]})); then
            echo "${cands[0]}"
            return 0
        fi
        if [[ $server != nginx && -z $kicked ]]; then
            # mod_fcgid starts programs on demand: make one request.
            kicked=1
            curl -s -o /dev/null -m 10 "http://127.0.0.1:$(cat "$RUN/port")$(program_url "$prog")"
        fi
        if ((SECONDS >= deadline)); then
            if [[ -n $master ]] && alive "$master" && [[ -z $(pgrep -P "$master") ]]; then
                warn "$prog has no worker processes (APPRODO_WORKERS < 1?): printing its master"
                echo "$master"
                return 0
            fi
            die "no live process of $prog for $STATEDIR"
        fi
        sleep 0.1
    done
}

# ---------------------------------------------------------------- main

(($# >= 1)) || usage
cmd=$1
shift
case $cmd in
    start)
        (($# == 5)) || usage
        case $1 in nginx | apache | shared) ;; *) usage ;; esac
        prepare "$@"
        "start_$SERVER"
        ;;
    stop)
        (($# == 1)) || usage
        [[ -d $1 ]] || exit 0
        STATEDIR=$(cd -- "$1" && pwd -P) || die "cannot enter $1"
        set_state_paths
        do_stop
        ;;
    worker-pid)
        (($# == 2)) || usage
        [[ -d $1 ]] || die "no such STATEDIR $1"
        STATEDIR=$(cd -- "$1" && pwd -P) || die "cannot enter $1"
        set_state_paths
        worker_pid "$2"
        ;;
    state-root)
        (($# == 0)) || usage
        state_root
        ;;
    *) usage ;;
esac
