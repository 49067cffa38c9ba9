#!/usr/bin/env bash
# Builds FerretDB (the MongoDB-protocol server the mongoose adapter's tests run against) into
# tools/ferretdb/bin/ferretdb (git-ignored) with Go and the Go module proxy. Skips when that version is
# already there. `go install …@v1.24.2` alone is not enough: the module ships an empty
# build/version/version.txt (FerretDB's own build generates it), and such a binary panics at start, so
# the module is downloaded, copied, given its version file and built inside.
set -euo pipefail
VERSION=v1.24.2
MODULE=github.com/FerretDB/FerretDB
DIR="$(cd "$(dirname "$0")" && pwd)"
BIN="$DIR/bin/ferretdb"

# The version is read whole first: `grep -q` closing the pipe early would fail it under pipefail.
built_version() { "$BIN" --version 2>/dev/null | sed -n 's/^version: //p'; }
if [ -x "$BIN" ] && [ "$(built_version)" = "$VERSION" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "tools/ferretdb/build.sh: Go is missing; FerretDB $VERSION needs Go 1.24 or newer (https://go.dev/dl/)." >&2
  exit 1
fi
echo "Building FerretDB $VERSION with $(go version) ..." >&2
start=$(date +%s)
src="$(go mod download -json "$MODULE@$VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -R "$src/." "$work"
chmod -R u+w "$work"
echo "$VERSION" > "$work/build/version/version.txt"
mkdir -p "$DIR/bin"
(cd "$work" && GOFLAGS=-buildvcs=false go build -trimpath -o "$BIN" ./cmd/ferretdb)
if [ "$(built_version)" != "$VERSION" ]; then
  echo "tools/ferretdb/build.sh: the built $BIN does not report version $VERSION" >&2
  exit 1
fi
echo "FerretDB $VERSION built in $(( $(date +%s) - start )) s: $BIN" >&2
