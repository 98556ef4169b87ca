#!/usr/bin/env bash
# Installs the Bicep CLI into .tools/bicep/bicep (git-ignored), idempotently.
# The CLI is the self-contained binary shipped in the NuGet package
# Azure.Bicep.CommandLine.linux-x64; `dotnet restore` of scripts/tools/bicep/BicepCli.csproj
# downloads it into .tools/nuget. A present CLI of the pinned version is reused (no network).
# Exits non-zero with a message when it cannot install (no dotnet, no NuGet access, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.49.2
PACKAGE=azure.bicep.commandline.linux-x64
BIN=.tools/bicep/bicep
PACKAGES=.tools/nuget
SOURCE="$PACKAGES/$PACKAGE/$VERSION/tools/bicep"

fail() { echo "install-bicep: $*" >&2; exit 1; }

if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "Bicep CLI version $VERSION "; then
  echo "Bicep CLI $VERSION present: $BIN"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) fail "this script installs the linux-x64 Bicep CLI; this machine is $(uname -s)-$(uname -m)" ;;
esac

if [ ! -f "$SOURCE" ]; then
  command -v dotnet >/dev/null 2>&1 \
    || fail "dotnet is not installed: it is needed to restore the NuGet package $PACKAGE $VERSION"
  echo "Restoring NuGet package $PACKAGE $VERSION ..."
  # obj/ goes under .tools too, so the source tree stays clean.
  dotnet restore scripts/tools/bicep/BicepCli.csproj \
    --packages "$PACKAGES" \
    -p:BaseIntermediateOutputPath="$PWD/.tools/bicep-restore/obj/" \
    --nologo --verbosity quiet \
    || fail "dotnet restore of $PACKAGE $VERSION failed (is NuGet reachable?)"
  [ -f "$SOURCE" ] || fail "the restored package has no tools/bicep binary at $SOURCE"
fi

mkdir -p "$(dirname "$BIN")"
cp "$SOURCE" "$BIN"
chmod +x "$BIN"
"$BIN" --version | grep -q "Bicep CLI version $VERSION " \
  || fail "$BIN does not run or is not version $VERSION"
echo "Bicep CLI $VERSION installed: $BIN"
