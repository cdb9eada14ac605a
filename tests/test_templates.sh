#!/bin/sh
# tests/test_templates.sh - TAP checks on the sources that no compiler
# checks for us:
#   - no template uses uvar: (unescaped output) and every template is .cs;
#   - no C file in lib/ or cgi-bin/ calls hdf_set_valuef or sqlite3_mprintf
#     with a non-literal format, nor sqlite3_exec outside lib/core/db.c;
#   - no C file passes a non-literal first argument to log_error.
# Comments are stripped before the C checks; calls may span lines.
# The detectors are first run on sample files, so a broken pattern cannot
# pass everything silently.

name=test-templates
. "${srcdir:-.}/tests/tap.sh"


# Prints a C file without its comments and with every string or
# character literal emptied ("" and '' are left, so a literal argument is
# still seen as one), all on one line so that a call split over several
# lines is seen whole. Text inside literals is thus never taken for a
# comment or a call.
strip_c() {
	awk '
	BEGIN { state = 0 }
	{
		line = $0
		out = ""
		i = 1
		len = length(line)
		while (i <= len) {
			c = substr(line, i, 1)
			c2 = substr(line, i, 2)
			if (state == 1) {		# inside /* */
				if (c2 == "*/") { state = 0; i += 2; out = out " " }
				else i++
				continue
			}
			if (state == 3 || state == 4) {	# inside a literal
				if (c == "\\") { i += 2; continue }
				if ((state == 3 && c == "\"") ||
				    (state == 4 && c == "'"'"'")) {
					state = 0
					out = out c
				}
				i++
				continue
			}
			if (c2 == "/*") { state = 1; i += 2; continue }
			if (c2 == "//") break
			if (c == "\"") state = 3
			else if (c == "'"'"'") state = 4
			out = out c
			i++
		}
		if (state == 3 || state == 4)
			state = 0		# no multi-line literals in C
		printf "%s ", out
	}
	END { printf "\n" }
	' "$1"
}

# The offending calls in a C file, one per line (empty if none).
#   $1 file, $2 "db" if sqlite3_exec is allowed there.
bad_calls() {
	strip_c "$1" > "$tmp/flat"
	{
		# hdf_set_valuef(hdf, fmt, ...): fmt must be a literal.
		grep -o 'hdf_set_valuef[[:space:]]*([^,;]*,[[:space:]]*[^"[:space:]][^,;)]*' "$tmp/flat"
		# sqlite3_mprintf(fmt, ...) and sqlite3_vmprintf: literal fmt.
		grep -o 'sqlite3_v\{0,1\}mprintf[[:space:]]*([[:space:]]*[^"[:space:]][^,;)]*' "$tmp/flat"
		# Only lib/core/db.c may call sqlite3_exec (migrations, pragmas).
		[ "$2" = db ] || grep -o 'sqlite3_exec[[:space:]]*([^;]*' "$tmp/flat"
	} | cut -c1-80
	return 0
}

# log_error(fmt, ...): fmt must be a literal; the definition is allowed.
bad_log_calls() {
	strip_c "$1" | grep -o 'log_error[[:space:]]*([[:space:]]*[^"[:space:]][^,;)]*' |
	    grep -v '^log_error[[:space:]]*([[:space:]]*const[[:space:]]' | cut -c1-80
	return 0
}

# --- the detectors on samples -------------------------------------------

cat > "$tmp/sample_bad.c" <<'EOF'
void f(HDF *hdf, const char *name, char *msg)
{
	hdf_set_valuef(hdf, name, 1);
	hdf_set_valuef(hdf,
	    name);
	char *q = sqlite3_mprintf(msg);
	sqlite3_exec(db, q, NULL, NULL, NULL);
	log_error(msg);
	log_error (
	    msg, 1);
}
EOF
cat > "$tmp/sample_good.c" <<'EOF'
/* hdf_set_valuef(hdf, name) and log_error(msg) in a comment are fine,
   and so is sqlite3_exec(db, sql) here. */
void log_error(const char *fmt, ...);
void f(HDF *hdf, int i, const char *name)
{
	hdf_set_valuef(hdf, "Form.%d.name=%s", i, name);
	hdf_set_valuef(hdf,
	    "Item.%d=1", i);
	char *q = sqlite3_mprintf("SELECT %d", i);	// sqlite3_mprintf(q)
	log_error("cannot open %s", name);
	log_error(
	    "two %s", "lines");
	puts("log_error(msg); /* not a comment */ sqlite3_mprintf(x)");
}
EOF
count=$(bad_calls "$tmp/sample_bad.c" | wc -l)
[ "$count" -eq 4 ]
ok $? "detector: finds the 4 bad calls in a sample (found $count)"
count=$(bad_log_calls "$tmp/sample_bad.c" | wc -l)
[ "$count" -eq 2 ]
ok $? "detector: finds the 2 bad log_error calls in a sample (found $count)"
count=$(bad_calls "$tmp/sample_good.c" | wc -l)
[ "$count" -eq 0 ]
ok $? "detector: no false alarm on literal formats and comments (found $count)"
count=$(bad_log_calls "$tmp/sample_good.c" | wc -l)
[ "$count" -eq 0 ]
ok $? "detector: no false alarm on log_error literals and its declaration (found $count)"
count=$(bad_calls "$tmp/sample_bad.c" db | wc -l)
[ "$count" -eq 3 ]
ok $? "detector: only lib/core/db.c may call sqlite3_exec (found $count others)"

# --- templates ------------------------------------------------------------

tdir="$srcdir/cgi-bin/templates"
if [ ! -d "$tdir" ]; then
	echo "Bail out! no template directory $tdir"
	exit 1
fi
find "$tdir" -type f | LC_ALL=C sort > "$tmp/templates"
count=$(wc -l < "$tmp/templates")
[ "$count" -gt 0 ]
ok $? "templates: found $count files in $tdir"
while IFS= read -r f; do
	name=${f#"$tdir"/}
	if grep -n 'uvar:' "$f" > "$tmp/hits"; then
		ok 1 "templates: $name has no uvar:"
		sed 's/^/# /' "$tmp/hits"
	else
		ok 0 "templates: $name has no uvar:"
	fi
	case $name in
	*.cs) ok 0 "templates: $name ends in .cs" ;;
	*) ok 1 "templates: $name ends in .cs" ;;
	esac
done < "$tmp/templates"

# --- C sources ------------------------------------------------------------

for f in "$srcdir"/lib/*/*.c "$srcdir"/cgi-bin/*.c; do
	[ -f "$f" ] || continue
	name=${f#"$srcdir"/}
	case $name in
	lib/core/db.c) allow=db ;;
	*) allow= ;;
	esac
	bad_calls "$f" $allow > "$tmp/hits"
	if [ -s "$tmp/hits" ]; then
		ok 1 "sources: $name formats and SQL only from literals"
		sed 's/^/# /' "$tmp/hits"
	else
		ok 0 "sources: $name formats and SQL only from literals"
	fi
	bad_log_calls "$f" > "$tmp/hits"
	if [ -s "$tmp/hits" ]; then
		ok 1 "sources: $name log_error only with a literal format"
		sed 's/^/# /' "$tmp/hits"
	else
		ok 0 "sources: $name log_error only with a literal format"
	fi
done

tap_done
