#!/bin/sh
# tests/test_layout.sh - TAP checks on the shape of the tree:
#   - lib/core/ includes nothing outside lib/core/;
#   - a module (lib/<modulo>/) includes lib/core/ headers, its own files,
#     and of other modules only their public header <modulo>.h;
#   - cgi-bin/ programs include only moduli.h;
#   - every module folder has its public header and its module.am, and
#     Makefile.am includes each module.am;
#   - SQL text names its parameters: no positional "?" in a SQL_ constant.
# The detectors run first on sample trees, so a broken check cannot pass
# everything silently.

name=test-layout
. "${srcdir:-.}/tests/tap.sh"


# Prints "file -> header" for each quoted include of the tree under $1
# that breaks the rule.
bad_includes() {
	top=$1
	for f in "$top"/lib/*/*.[ch]; do
		[ -f "$f" ] || continue
		dir=$(dirname "$f")
		mod=$(basename "$dir")
		grep -hoE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[^"]+"' "$f" |
		sed -E 's/.*"([^"]+)".*/\1/' | while read -r inc; do
			case $inc in
			*/*) echo "${f#"$top"/} -> $inc"; continue ;;
			esac
			if [ "$mod" = core ]; then
				[ -f "$top/lib/core/$inc" ] || echo "${f#"$top"/} -> $inc"
				continue
			fi
			[ -f "$dir/$inc" ] && continue
			[ -f "$top/lib/core/$inc" ] && continue
			other=${inc%.h}
			[ "$inc" = "$other.h" ] && [ -f "$top/lib/$other/$inc" ] &&
				[ "$other" != core ] && continue
			echo "${f#"$top"/} -> $inc"
		done
	done
	for f in "$top"/cgi-bin/*.c; do
		[ -f "$f" ] || continue
		grep -hoE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[^"]+"' "$f" |
		sed -E 's/.*"([^"]+)".*/\1/' | while read -r inc; do
			[ "$inc" = moduli.h ] || echo "${f#"$top"/} -> $inc"
		done
	done
}

# Prints the SQL_ constants with a positional parameter.
positional_sql() {
	for f in "$@"; do
		awk -v file="$f" '
		/static const char SQL_[A-Z0-9_]*\[\] *=/ { insql = 1; text = "" }
		insql { text = text $0 }
		insql && /;[[:space:]]*$/ {
			if (text ~ /\?/) print file ": " substr(text, 1, 60)
			insql = 0
		}' "$f"
	done
}

# --- the detectors on samples ----------------------------------------------
mkdir -p "$tmp/s/lib/core" "$tmp/s/lib/alfa" "$tmp/s/lib/beta" "$tmp/s/cgi-bin"
for h in db.h util.h; do : > "$tmp/s/lib/core/$h"; done
: > "$tmp/s/lib/alfa/alfa.h"
: > "$tmp/s/lib/alfa/interno.h"
: > "$tmp/s/lib/beta/beta.h"
: > "$tmp/s/lib/beta/interno.h"
printf '#include "db.h"\n#include "alfa.h"\n' > "$tmp/s/lib/core/bad.c"
printf '#include "db.h"\n#include "interno.h"\n#include "beta.h"\n' > "$tmp/s/lib/alfa/good.c"
printf '#include "../beta/interno.h"\n#include "segreto.h"\n' > "$tmp/s/lib/alfa/bad.c"
printf '#include "moduli.h"\n#include "db.h"\n' > "$tmp/s/cgi-bin/prog.c"
bad_includes "$tmp/s" > "$tmp/hits"
count=$(wc -l < "$tmp/hits")
grep -q 'lib/core/bad.c -> alfa.h' "$tmp/hits" &&
grep -q 'lib/alfa/bad.c -> ../beta/interno.h' "$tmp/hits" &&
grep -q 'lib/alfa/bad.c -> segreto.h' "$tmp/hits" &&
grep -q 'cgi-bin/prog.c -> db.h' "$tmp/hits" && [ "$count" -eq 4 ]
ok $? "detector: finds the 4 bad includes of a sample tree, and only them (found $count)"
printf 'static const char SQL_A[] =\n    "SELECT 1 WHERE x = ?";\nstatic const char SQL_B[] = "SELECT :x";\n' > "$tmp/sql.c"
count=$(positional_sql "$tmp/sql.c" | wc -l)
[ "$count" -eq 1 ]
ok $? "detector: finds the positional parameter of a sample, and only it (found $count)"

# --- the tree ---------------------------------------------------------------
bad_includes "$srcdir" > "$tmp/hits"
[ ! -s "$tmp/hits" ]
ok $? "include rule: core includes only core; a module, core and public headers; programs, moduli.h"
sed 's/^/# /' "$tmp/hits"

for d in "$srcdir"/lib/*/; do
	mod=$(basename "$d")
	[ "$mod" = core ] && continue
	[ -f "$d/$mod.h" ] && [ -f "$d/module.am" ] &&
		grep -q "lib/$mod/module.am" "$srcdir/Makefile.am"
	ok $? "module $mod: public header $mod.h, module.am, included by Makefile.am"
done

positional_sql "$srcdir"/lib/*/*.c "$srcdir"/cgi-bin/*.c > "$tmp/hits"
[ ! -s "$tmp/hits" ]
ok $? "SQL: every parameter is named (no positional ?)"
sed 's/^/# /' "$tmp/hits"

tap_done
