#!/usr/bin/env bash
# Rebuilds the bundled fonts from Debian's fonts-noto-cjk. See build_fonts.py for why and how.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if [ ! -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || ! /usr/bin/python3 -c "import fontTools" 2>/dev/null; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends fonts-noto-cjk python3-fonttools
fi
/usr/bin/python3 "$here/build_fonts.py" "$here"
