#!/usr/bin/env bash
# Debian libraries that Python packages load at run time: WeasyPrint (certificate and
# transcript PDFs) needs Pango and its FreeType backend. Installed as root when missing.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then exit 0; fi
if [[ "$(id -u)" != "0" ]]; then
  echo "Missing system packages for PDF output: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "Installing ${missing[*]} for PDF output..." >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
