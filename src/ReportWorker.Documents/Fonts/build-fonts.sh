#!/usr/bin/env bash
# Rebuilds the bundled fonts from Debian's fonts-noto-cjk, fonts-noto-cjk-extra (Black, for titles) and
# fonts-lxgw-wenkai (楷体, for （一） headings). See build_fonts.py for why and how.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
need=()
[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Black.ttc ] || need+=(fonts-noto-cjk-extra)
[ -f /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf ] || need+=(fonts-lxgw-wenkai)
/usr/bin/python3 -c "import fontTools" 2>/dev/null || need+=(python3-fonttools)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${need[@]}"
fi
/usr/bin/python3 "$here/build_fonts.py" "$here" "$@"
