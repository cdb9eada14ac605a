#!/usr/bin/env bash
# Installs what Approdo needs on Debian 12, only what is missing, so that
# running it again costs nothing. Used by ./run-demo and ./run-tests.
#
#   tests/setup.sh demo    build and serve: compiler, libraries, nginx, npm packages
#   tests/setup.sh test    all of the above, plus Apache, Chromium, clang, test packages
set -eu
mode=${1:-test}
top=$(cd "$(dirname "$0")/.." && pwd)

pkgs="build-essential autoconf automake libtool pkg-config make
      libfcgi-dev libsqlite3-dev libcurl4-openssl-dev libsodium-dev
      clearsilver-dev zlib1g-dev libmimalloc-dev libicu-dev sqlite3 nginx spawn-fcgi
      curl ca-certificates
      libcairo2-dev libpango1.0-dev libfontconfig-dev fonts-noto-core
      python3-aiosmtpd"
# (Cairo, Pango and fontconfig draw the PEI's PDF; Noto has the scripts
# Titillium Web lacks: Arabic, Bengali, Ge'ez ...; aiosmtpd is the SMTP
# server of the mail tests and the demo's mail catcher, tests/posta_server.py)
if [ "$mode" = test ]; then
	pkgs="$pkgs apache2 libapache2-mod-fcgid chromium clang libclang-rt-14-dev
	      procps poppler-utils openssl faketime"
fi
command -v node >/dev/null 2>&1 || pkgs="$pkgs nodejs"
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# npm packages, pinned by their lock files.
npm_ci() {
	dir=$1
	if [ ! -d "$dir/node_modules" ] ||
	   [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		echo "setup: npm ci in ${dir#$top/}"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}
npm_ci "$top/htdocs"
if [ "$mode" = test ] && [ -f "$top/tests/package.json" ]; then
	npm_ci "$top/tests"
fi
