#!/usr/bin/env bash
# The speed and memory benchmark (run by hand, not by CI):
#   tests/bench.sh [N_MINORS] [SECONDS]
# Measures, in one run, Approdo at 1,000 and at N minors on record
# (default 100000): each is loaded with synthetic cases, served through
# nginx, and measured with wrk:
#   reads at 32 connections: a FastCGI hello-world and a static file
#   through the same nginx, the case list (first page, a name search), a
#   case page, a PEI page (every section filled), an approved PEI's PDF
#   (made at approval, checked against its SHA-256 when sent), "my
#   actions" as the responsabile sees it (with the office's overdue), a
#   case's monitoring page and its timeline, the facility's page as the
#   demo facility's user sees it, "my deadlines" as a case worker sees it;
#   the places' board of the 40 facilities of the demo circuit and a
#   request's matching (both as the responsabile);
#   writes at 16 connections: intake saves and section edits, each
#   checked afterwards (every 303 is a row, no 5xx).
# Prints one table: requests/s, p50, p99, each page's ratio to the
# hello-world measured just before and just after it through the same
# nginx (their mean), and the cost at N against the cost at 1,000; then
# the peak RSS of a worker, and the time of the recompute of every deadline.
# Then the mail sender's throughput: messages per second that
# "approdo-admin posta invia" hands to a local SMTP server
# (tests/posta_server.py, STARTTLS and AUTH), each marked sent in its own
# durable commit. "tests/bench.sh posta [M]" runs that part alone (M
# messages, default 2000).
# Targets (2 cores, issue "Speed"): each page >= 40% of hello-world, p99
# under 15 ms; >= 500 acknowledged saves/s; cost at N within 1.5x of 1,000;
# a worker under 16 MB.
set -eu
cd "$(dirname "$0")/.."
SRC=$(pwd -P)
ONLY=
if [ "${1:-}" = posta ]; then
	ONLY=posta
	shift
fi
N=${1:-100000}
SECS=${2:-10}
MAILS=${MAILS:-2000}
[ "$ONLY" = posta ] && MAILS=${1:-2000}
PORT=${PORT:-18099}
CONNS=32
WCONNS=16

command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
tests/setup.sh demo >/dev/null
[ -f Makefile ] || { autoreconf -fi && ./configure -q; }
make -j2 >/dev/null
HELLO=$(tests/servers.sh state-root)/bench-hello
mkdir -p "$(dirname "$HELLO")"
cc -O2 -o "$HELLO" tests/bench_hello.c $(pkg-config --cflags --libs fcgi)

declare -A rps p50 p99 peak base ricalcolo
current=

smtp_pid=
cleanup() {
	[ -n "$current" ] && tests/servers.sh stop "$current" >/dev/null 2>&1
	[ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null
	pkill -f "$HELLO" 2>/dev/null || true
}
trap cleanup EXIT

# measure SIZE NAME PATH [wrk args...]: reads at CONNS connections.
measure() {
	local size=$1 name=$2 path=$3 out
	shift 3
	curl -s -o /dev/null -H "Cookie: $cookie" "$base$path"
	out=$(wrk -t2 -c"${CONNS}" -d"${SECS}s" --latency -H "Cookie: $cookie" "$@" "$base$path")
	if echo "$out" | grep -q "Non-2xx"; then
		echo "$name: non-2xx answers:"; echo "$out"; exit 1
	fi
	keep "$size" "$name" "$out"
}

keep() {
	rps[$1.$2]=$(echo "$3" | awk '/Requests\/sec/ { print $2 }')
	p50[$1.$2]=$(echo "$3" | awk '$1 == "50%" { print $2 }')
	p99[$1.$2]=$(echo "$3" | awk '$1 == "99%" { print $2 }')
}

# write SIZE NAME MODE: POSTs at WCONNS connections, then the check.
write() {
	local size=$1 name=$2 mode=$3 out before after ok bad
	before=$(sqlite3 "$APPRODO_DB" "SELECT count(*) FROM minori;
		SELECT count(*) FROM audit WHERE azione = 'update'" | paste -sd' ')
	out=$(BENCH_MODE=$mode BENCH_COOKIE=$cookie BENCH_CSRF=$csrf BENCH_ORIGIN=$base \
		BENCH_CASES=$cases BENCH_PONTE=$ponte BENCH_OPERATORE=$operatore \
		wrk -t2 -c"${WCONNS}" -d"${SECS}s" --latency -s tests/bench/scrive.lua "$base/")
	after=$(sqlite3 "$APPRODO_DB" "SELECT count(*) FROM minori;
		SELECT count(*) FROM audit WHERE azione = 'update'" | paste -sd' ')
	ok=$(echo "$out" | awk '$1 == "status" && $2 == 303 { print $3 }')
	bad=$(echo "$out" | awk '$1 == "status" && $2 != 303 { n += $3 } END { print n + 0 }')
	local added
	if [ "$mode" = intake ]; then
		added=$(( ${after% *} - ${before% *} ))
	else
		added=$(( ${after#* } - ${before#* } ))
	fi
	# Every 303 is a row; at most one request per connection was still in
	# flight when wrk stopped (written, its answer not counted).
	if [ "${ok:-0}" -eq 0 ] || [ "$bad" -ne 0 ] || [ "$added" -lt "${ok:-0}" ] ||
	   [ "$added" -gt $(( ${ok:-0} + WCONNS )) ]; then
		echo "$name at $size: ${ok:-0} answers 303, $bad others, $added rows written:"
		echo "$out"
		exit 1
	fi
	# Acknowledged saves per second: the 303s over the run's length.
	keep "$size" "$name" "$out"
	rps[$size.$name]=$(awk -v n="$ok" -v s="$SECS" 'BEGIN { printf "%.2f", n / s }')
}

STATES=$(tests/servers.sh state-root)/bench

# login USER PASSWORD JAR: the session cookie of a demo user.
login() {
	local jar=$3 token c
	rm -f "$jar"
	token=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	curl -s -b "$jar" -c "$jar" -o /dev/null -H "Origin: $base" \
		--data "csrf=$token&username=$1&password=$2" "$base/login"
	c=$(awk '$6 == "approdo" { print "approdo=" $7 }' "$jar")
	[ -n "$c" ] || { echo "login of $1 failed" >&2; exit 1; }
	echo "$c"
}

run_size() {
	local size=$1 state=$STATES-$1 have start pid hwm
	current=$state
	tests/servers.sh stop "$state" >/dev/null 2>&1 || true
	mkdir -p "$state/bench"
	# A fresh database each run: the write side adds thousands of cases,
	# and "at 1,000" must mean 1,000 when the reads are measured.
	rm -f "$state/approdo.db" "$state/approdo.db-wal" "$state/approdo.db-shm"
	export APPRODO_DB=$state/approdo.db APPRODO_SQL=$SRC/sql \
		APPRODO_FILES=$state/files \
		APPRODO_FONTS=$SRC/htdocs/static/bi/fonts/Titillium_Web
	cgi-bin/approdo-admin migrate >/dev/null
	cgi-bin/approdo-admin demo >/dev/null
	have=$(sqlite3 "$APPRODO_DB" 'SELECT count(*) FROM minori')
	if [ "$have" -lt "$size" ]; then
		echo "loading $((size - have)) synthetic minors..."
		start=$(date +%s)
		cgi-bin/approdo-admin demo --minori "$size" >/dev/null
		echo "loaded in $(( $(date +%s) - start )) s"
	fi
	cgi-bin/approdo-admin demo --pei 300 --monitoraggio 300 --posti 40 >/dev/null
	# Every case's deadlines computed again, as the daily timer does.
	ricalcolo[$size]=$(cgi-bin/approdo-admin scadenze ricalcola | sed -n 's/.* in \([0-9.]*\) s:.*/\1/p')
	sqlite3 "$APPRODO_DB" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
	# No ANALYZE: a deployment never runs it by hand.

	chmod 0755 "$state/bench"
	cat > "$state/bench/hello.conf" <<EOT
location = /hello { fastcgi_pass unix:$state/bench/hello.sock; }
EOT
	APPRODO_NGINX_EXTRA=$state/bench/hello.conf APPRODO_NGINX_WORKERS=2 \
		tests/servers.sh start nginx "$SRC" "$SRC" "$state" "$PORT"
	local runas=()
	[ "$(id -u)" = 0 ] && runas=(-u www-data -g www-data)
	rm -f "$state/bench/hello.sock"
	spawn-fcgi -s "$state/bench/hello.sock" -M 0666 "${runas[@]}" -F 2 -- "$HELLO" >/dev/null

	base=http://127.0.0.1:$PORT
	cookie=$(login responsabile responsabile-demo-2026 "$state/bench/cookies")
	# The facility's page is measured as the demo facility's user sees it.
	local facility worker
	facility=$(login struttura struttura-demo-2026 "$state/bench/cookies-struttura")
	# "My deadlines" as a case worker sees it (the demo's cases are theirs).
	worker=$(login operatore operatore-demo-2026 "$state/bench/cookies-operatore")
	[ -n "$cookie" ] && [ -n "$facility" ] && [ -n "$worker" ] || exit 1
	csrf=$(curl -s -H "Cookie: $cookie" "$base/minori/nuovo" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	local case_id
	case_id=$(sqlite3 "$APPRODO_DB" "SELECT id FROM minori WHERE stato = 'in_carico' ORDER BY id LIMIT 1 OFFSET $((size / 2))")
	cases=$(sqlite3 "$APPRODO_DB" "SELECT group_concat(id) FROM (SELECT id FROM minori WHERE stato = 'in_carico' ORDER BY random() LIMIT 200)")
	# A PEI approved, with every section filled, and a new draft from it.
	local pei_id
	pei_id=$(sqlite3 "$APPRODO_DB" "SELECT minore_id FROM pei WHERE versione = 2 ORDER BY id LIMIT 1")
	local pdf_id
	pdf_id=$(sqlite3 "$APPRODO_DB" "SELECT id FROM pei WHERE minore_id = $pei_id AND stato = 'approvata'")
	ponte=$(sqlite3 "$APPRODO_DB" "SELECT id FROM strutture WHERE nome = 'Comunità Il Ponte'")
	operatore=$(sqlite3 "$APPRODO_DB" "SELECT id FROM utenti WHERE username = 'operatore'")
	# A request for a place that no proposal holds: its page ranks the facilities.
	local richiesta
	richiesta=$(sqlite3 "$APPRODO_DB" "SELECT id FROM posti_richieste WHERE stato = 'aperta' ORDER BY id LIMIT 1")

	# The hello-world before and after each page: the page's ratio is to
	# their mean, so that a shared machine's drift does not become the
	# page's. The table's hello-world row is the mean of all of them.
	local prev now hellos=0 n=0 page name path
	measure "$size" hello /hello
	prev=${rps[$size.hello]}
	for page in "static /static/css/approdo.css" "elenco /minori" \
	    "ricerca /minori?q=mohamed" "fascicolo /minori/$case_id" \
	    "pei /minori/$pei_id/pei" "pdf /minori/$pei_id/pei/versioni/$pdf_id/pdf" \
	    "azioni /minori/azioni" "monitoraggio /minori/$pei_id/monitoraggio" \
	    "cronologia /minori/$pei_id/cronologia" "struttura /minori/struttura" \
	    "scadenze /minori/scadenze" "quadro /minori/posti" \
	    "abbinamento /minori/posti/richieste/$richiesta"; do
		read -r name path <<< "$page"
		if [ "$name" = struttura ] || [ "$name" = scadenze ]; then
			local office=$cookie
			if [ "$name" = struttura ]; then cookie=$facility; else cookie=$worker; fi
			measure "$size" "$name" "$path"
			cookie=$office
		else
			measure "$size" "$name" "$path"
		fi
		measure "$size" hello /hello
		now=${rps[$size.hello]}
		base[$size.$name]=$(awk -v a="$prev" -v b="$now" 'BEGIN { print (a + b) / 2 }')
		hellos=$(awk -v s="$hellos" -v a="$prev" 'BEGIN { print s + a }')
		n=$((n + 1))
		prev=$now
	done
	rps[$size.hello]=$(awk -v s="$hellos" -v a="$prev" -v n="$n" 'BEGIN { printf "%.2f", (s + a) / (n + 1) }')
	base[$size.hello]=${rps[$size.hello]}
	write "$size" intake intake
	write "$size" sezione sezione

	# Peak resident memory of this server's minori workers.
	peak[$size]=0
	for pid in $(pgrep -f "libexec/approdo/minori"); do
		tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null |
			grep -qx "APPRODO_SERVERS_STATEDIR=$state" || continue
		hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
		[ "${hwm:-0}" -gt "${peak[$size]}" ] && peak[$size]=$hwm
	done
	tests/servers.sh stop "$state" >/dev/null
	pkill -f "$HELLO" 2>/dev/null || true
	current=
}

# The mail sender: MAILS test messages queued, then one "posta invia"
# timed; every message must be marked sent and have arrived.
bench_posta() {
	local state=$STATES-posta out start end port
	rm -rf "$state" && mkdir -p "$state/casella"
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
		-addext subjectAltName=IP:127.0.0.1 -keyout "$state/key.pem" \
		-out "$state/cert.pem" 2>/dev/null
	/usr/bin/python3 tests/posta_server.py --porta 0 --cartella "$state/casella" \
		--tls "$state/cert.pem" "$state/key.pem" --utente bench \
		--password bench-posta-2026 >"$state/server.log" 2>&1 &
	smtp_pid=$!
	for _ in $(seq 100); do
		grep -q '^pronto' "$state/server.log" && break
		sleep 0.1
	done
	port=$(awk '/^pronto/ { print $2 }' "$state/server.log")
	[ -n "$port" ] || { cat "$state/server.log"; exit 1; }
	export APPRODO_DB=$state/approdo.db APPRODO_SQL=$SRC/sql
	cgi-bin/approdo-admin migrate >/dev/null
	cgi-bin/approdo-admin posta prova bench@approdo.example --n "$MAILS" >/dev/null
	start=$(date +%s.%N)
	out=$(APPRODO_SMTP_URL=smtp://127.0.0.1:$port APPRODO_SMTP_USER=bench \
		APPRODO_SMTP_PASSWORD=bench-posta-2026 APPRODO_SMTP_CA=$state/cert.pem \
		APPRODO_SMTP_FROM="Approdo <approdo@comune.example>" \
		APPRODO_URL=https://approdo.example cgi-bin/approdo-admin posta invia 2>&1)
	end=$(date +%s.%N)
	kill "$smtp_pid" 2>/dev/null
	wait "$smtp_pid" 2>/dev/null || true
	smtp_pid=
	[ "$(sqlite3 "$APPRODO_DB" "SELECT count(*) FROM posta_messaggi WHERE stato = 'inviato'")" = "$MAILS" ] &&
	[ "$(find "$state/casella" -name '*.json' | wc -l)" = "$MAILS" ] ||
		{ echo "mail sender: not every message went: $out"; exit 1; }
	mail_rate=$(awk -v n="$MAILS" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }')
	mail_ms=$(awk -v n="$MAILS" -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", 1000 * (b - a) / n }')
}

if [ "$ONLY" = posta ]; then
	bench_posta
	echo "mail sender: $mail_rate messages/s ($mail_ms ms each) to a local SMTP server (STARTTLS, AUTH; $MAILS messages, each marked sent in its own durable commit), $(nproc) cores"
	exit 0
fi

run_size 1000
run_size "$N"
bench_posta

# A read's ratio to its hello-worlds; writes have none.
ratio() {
	if [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; fi
}
echo
echo "Approdo benchmark: 1000 and $N minors, reads at $CONNS connections, writes at $WCONNS, ${SECS}s each, $(nproc) cores"
printf '%-26s %9s %8s %6s | %9s %8s %8s %6s | %6s\n' "page" "req/s" "p99" "ratio" \
	"req/s" "p50" "p99" "ratio" "cost"
printf '%-26s %25s | %35s |\n' "" "at 1000" "at $N"
for name in hello static elenco ricerca fascicolo pei pdf azioni monitoraggio \
    cronologia struttura scadenze quadro abbinamento intake sezione; do
	case $name in
	hello) label="FastCGI hello-world";;
	static) label="static file";;
	elenco) label="case list, first page";;
	ricerca) label="case list, name search";;
	fascicolo) label="case page";;
	pei) label="PEI page";;
	pdf) label="PEI's PDF (approved)";;
	azioni) label="my actions (responsabile)";;
	monitoraggio) label="a case's monitoring";;
	cronologia) label="a case's timeline";;
	struttura) label="the facility's page";;
	scadenze) label="my deadlines (operatore)";;
	quadro) label="places: the board";;
	abbinamento) label="places: a request's matching";;
	intake) label="intake saves (16 conn.)";;
	sezione) label="section edits (16 conn.)";;
	esac
	a=1000.$name b=$N.$name
	printf '%-26s %9s %8s %6s | %9s %8s %8s %6s | %5.2fx\n' "$label" \
		"${rps[$a]}" "${p99[$a]}" "$(ratio "${rps[$a]}" "${base[$a]:-}")" \
		"${rps[$b]}" "${p50[$b]}" "${p99[$b]}" "$(ratio "${rps[$b]}" "${base[$b]:-}")" \
		"$(awk -v a="${rps[$a]}" -v b="${rps[$b]}" 'BEGIN { print a / b }')"
done
echo "writes: req/s are acknowledged saves per second (303 answers, each checked as a row)"
echo "peak RSS of a minori worker: $((peak[1000] / 1024)) MB at 1000, $((peak[$N] / 1024)) MB at $N"
echo "mail sender: $mail_rate messages/s ($mail_ms ms each) to a local SMTP server (STARTTLS, AUTH; $MAILS messages, each marked sent in its own durable commit)"
echo "recompute of every deadline (approdo-admin scadenze ricalcola): ${ricalcolo[1000]} s at 1000, ${ricalcolo[$N]} s at $N"
