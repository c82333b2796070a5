#!/usr/bin/env bash
# Release build: prebuilt jianbao for the offices' machines.
#
#   dist/build.sh [TARGET...]        # default: all three
#
# TARGET is one of
#   x86_64-pc-windows-gnu      Windows 10/11, x86-64 (mingw-w64 from Debian)
#   x86_64-unknown-linux-gnu   Linux x86-64, glibc >= 2.28 (UOS 20, Kylin V10, Debian 10+)
#   aarch64-unknown-linux-gnu  Linux ARM64 (Phytium, Kunpeng), glibc >= 2.28
#   loongarch64-unknown-linux-gnu  (only when named) LoongArch, glibc >= 2.36,
#                              with nightly's -Zbuild-std (rustup has no
#                              LoongArch standard library here); built, not
#                              run (Debian has no LoongArch C library for qemu)
#
# From a clean checkout, with the package registries only, it makes under
# dist/out/: one archive per target (the binary, README.zh-CN.md, the
# licences, shell completions and the man page), a .deb for amd64 and arm64
# (with a desktop entry that opens .yaml issues in the preview),
# and SHA256SUMS; then a smoke test builds every sample with each binary
# (natively, under qemu-user-static, under wine) and compares the PDF, HTML
# and text with the native x86-64 build's, byte for byte.
#
# What it installs when missing, for the targets named: Debian's
# gcc-mingw-w64-x86-64, zip, wine and wine64 (Windows); qemu-user-static with
# libc6-arm64-cross (the ARM64 C library qemu runs against; ARM64); rustup's
# targets; ziglang (pip) and cargo-zigbuild (cargo), which link the Linux
# builds against glibc 2.28. It checks for every command it runs first and
# stops naming what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
OUT="$ROOT/dist/out"
GLIBC=2.28
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/jianbao-release-target}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-pc-windows-gnu)

die() { echo "dist/build.sh: $*" >&2; exit 1; }
have() { # a command on PATH, or a file when given a path
  case "$1" in /*) [ -e "$1" ] ;; *) command -v "$1" >/dev/null ;; esac
}
for tool in cargo rustup; do
  command -v "$tool" >/dev/null || die "$tool is missing: install Rust with rustup (https://rustup.rs) first"
done
# What the script runs, per target, and the Debian 12 packages that give it
# ("command:package+package"; a path stands for a file). Debian's wine64 has
# no command of its own: wine and wineboot are in the package wine, which
# wine64 only recommends (and --no-install-recommends leaves out).
wants=(cc:gcc)
for target in "${TARGETS[@]}"; do
  case "$target" in
    *windows*) wants+=(x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64
                       x86_64-w64-mingw32-strip:binutils-mingw-w64-x86-64 zip:zip
                       wine:wine+wine64 wineboot:wine+wine64) ;;
    aarch64*) wants+=(qemu-aarch64-static:qemu-user-static
                      /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1:libc6-arm64-cross
                      /usr/aarch64-linux-gnu/lib/libgcc_s.so.1:libgcc-s1-arm64-cross) ;;
  esac
  if [[ $target == *linux* ]]; then wants+=(dpkg-deb:dpkg python3:python3); fi
done
need_apt=()
for want in "${wants[@]}"; do
  have "${want%%:*}" && continue
  packages=${want#*:}
  for package in ${packages//+/ }; do
    [[ " ${need_apt[*]-} " == *" $package "* ]] || need_apt+=("$package")
  done
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]}"
  [ "$(id -u)" = 0 ] || die "needs root to install ${need_apt[*]}: run as root, or first: sudo apt-get install --no-install-recommends ${need_apt[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need_apt[@]}" \
    || die "apt-get could not install ${need_apt[*]}"
fi
missing=()
for want in "${wants[@]}"; do
  packages=${want#*:}
  have "${want%%:*}" || missing+=("${want%%:*} (Debian: ${packages//+/, })")
done
[ ${#missing[@]} -eq 0 ] || die "still missing after installing: ${missing[*]}"
for target in "${TARGETS[@]}"; do
  [[ $target == loongarch64* ]] || rustup target add "$target"
done
if [[ " ${TARGETS[*]} " == *linux* ]]; then
  python3 -c "import ziglang" 2>/dev/null || python3 -m pip install --quiet ziglang
  python3 -c "import ziglang" 2>/dev/null \
    || die "the Python module ziglang is missing (python3 -m pip install ziglang did not give it)"
  command -v cargo-zigbuild >/dev/null || cargo install --locked cargo-zigbuild
  command -v cargo-zigbuild >/dev/null \
    || die "cargo-zigbuild is missing (cargo install put it outside PATH? add ~/.cargo/bin)"
fi

rm -rf "$OUT" && mkdir -p "$OUT"
# The pieces every archive carries, made by a native build.
cargo build --release --locked
NATIVE="$CARGO_TARGET_DIR/release/jianbao"
EXTRAS="$OUT/.extras"
mkdir -p "$EXTRAS/completions"
"$NATIVE" man > "$EXTRAS/jianbao.1"
for shell in bash zsh fish powershell; do
  "$NATIVE" completions "$shell" > "$EXTRAS/completions/jianbao.$shell"
done

binary_of() { # target → path of the built binary
  case "$1" in
    *windows*) echo "$CARGO_TARGET_DIR/$1/release/jianbao.exe" ;;
    *) echo "$CARGO_TARGET_DIR/$1/release/jianbao" ;;
  esac
}

for target in "${TARGETS[@]}"; do
  echo "== $target"
  case "$target" in
    *windows*)
      CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
        cargo build --release --locked --target "$target" ;;
    loongarch64*)
      rustup component add rust-src --toolchain nightly
      cargo +nightly zigbuild -Zbuild-std=std,panic_abort --release --locked --target "$target.2.36" ;;
    *linux*)
      cargo zigbuild --release --locked --target "$target.$GLIBC" ;;
  esac
  name="jianbao-$VERSION-$target"
  stage="$OUT/$name"
  mkdir -p "$stage/licenses" "$stage/completions"
  cp "$(binary_of "$target")" "$stage/"
  # The Windows binary keeps its symbols unless stripped (the Linux ones are
  # stripped by zig's linker).
  [[ $target == *windows* ]] && x86_64-w64-mingw32-strip "$stage/jianbao.exe"
  cp README.zh-CN.md README.md LICENSE "$stage/"
  cp fonts/Fandol-COPYING.txt fonts/Fandol-README.txt fonts/NotoSerifCJK-OFL.txt "$stage/licenses/"
  cp "$EXTRAS/jianbao.1" "$stage/"
  cp "$EXTRAS"/completions/* "$stage/completions/"
  cp -r samples "$stage/"
  # Same bytes from the same checkout: sorted names, fixed times and owners.
  (cd "$OUT" && case "$target" in
    *windows*) find "$name" -print0 | sort -z | xargs -0 touch -h -d @0
               rm -f "$name.zip"; find "$name" | sort | zip -X -q -@ "$name.zip" ;;
    *) tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -czf "$name.tar.gz" "$name" ;;
  esac)
  # A .deb for the Linux targets.
  case "$target" in
    x86_64-unknown-linux-gnu) arch=amd64 floor=$GLIBC ;;
    aarch64-unknown-linux-gnu) arch=arm64 floor=$GLIBC ;;
    loongarch64-unknown-linux-gnu) arch=loong64 floor=2.36 ;;
    *) arch= ;;
  esac
  if [ -n "$arch" ]; then
    deb="$OUT/deb-$arch"
    mkdir -p "$deb/DEBIAN" "$deb/usr/bin" "$deb/usr/share/man/man1" "$deb/usr/share/doc/jianbao" \
      "$deb/usr/share/bash-completion/completions" "$deb/usr/share/zsh/vendor-completions" \
      "$deb/usr/share/fish/vendor_completions.d" "$deb/usr/share/applications"
    install -m 0755 "$(binary_of "$target")" "$deb/usr/bin/jianbao"
    gzip -9n < "$EXTRAS/jianbao.1" > "$deb/usr/share/man/man1/jianbao.1.gz"
    cp README.zh-CN.md "$stage/licenses/"* "$deb/usr/share/doc/jianbao/"
    cp LICENSE "$deb/usr/share/doc/jianbao/copyright"
    cp "$EXTRAS/completions/jianbao.bash" "$deb/usr/share/bash-completion/completions/jianbao"
    cp "$EXTRAS/completions/jianbao.zsh" "$deb/usr/share/zsh/vendor-completions/_jianbao"
    cp "$EXTRAS/completions/jianbao.fish" "$deb/usr/share/fish/vendor_completions.d/jianbao.fish"
    # Opens .yaml issues with `jianbao FILE`: the preview, in a terminal
    # whose closing ends it.
    install -m 0644 dist/jianbao.desktop "$deb/usr/share/applications/jianbao.desktop"
    cat > "$deb/DEBIAN/control" <<CONTROL
Package: jianbao
Version: $VERSION
Architecture: $arch
Maintainer: jianbao developers
Depends: libc6 (>= $floor)
Section: text
Priority: optional
Description: typesets Chinese government work bulletins (简报)
 From a YAML source to PDF, OFD, Word, HTML and text, with the fonts
 built in; no network, no other software.
CONTROL
    find "$deb" -print0 | xargs -0 touch -h -d @0
    SOURCE_DATE_EPOCH=0 dpkg-deb --root-owner-group -Zxz --build "$deb" "$OUT/jianbao_${VERSION}_$arch.deb" >/dev/null
    rm -rf "$deb"
  fi
done

# Smoke test: every sample, every binary, the same bytes as the native build.
SMOKE="$OUT/.smoke"
mkdir -p "$SMOKE"
run_binary() { # target, args...
  local target=$1; shift
  local bin; bin=$(binary_of "$target")
  case "$target" in
    x86_64-unknown-linux-gnu) "$bin" "$@" ;;
    aarch64-unknown-linux-gnu) qemu-aarch64-static -L /usr/aarch64-linux-gnu "$bin" "$@" ;;
    *windows*) wine "$bin" "$@" ;;
    *) return 125 ;;
  esac
}
if [[ " ${TARGETS[*]} " == *windows* ]]; then
  # Debian's wine (8.0) lacks bcryptprimitives.dll, which Rust programs for
  # Windows 10+ import (ProcessPrng, for random numbers); every Windows 10
  # and 11 has it. For the smoke test only, a stand-in built with mingw-w64
  # goes into the wine prefix; it forwards to RtlGenRandom.
  export WINEPREFIX="$SMOKE/wine" WINEDEBUG=-all
  wineboot -i >"$SMOKE/wineboot.log" 2>&1 || true
  [ -d "$WINEPREFIX/drive_c/windows/system32" ] \
    || die "wineboot -i made no wine prefix at $WINEPREFIX ($(tail -3 "$SMOKE/wineboot.log"))"
  cat > "$SMOKE/bcryptprimitives.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk; length -= chunk;
    }
    return TRUE;
}
C
  printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' > "$SMOKE/bcryptprimitives.def"
  x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    "$SMOKE/bcryptprimitives.c" "$SMOKE/bcryptprimitives.def" -ladvapi32
fi
status=0
for sample in samples/linjiang/2024-09.yaml samples/linjiang/2024-zk02.yaml samples/brief/issue.yaml; do
  base=$(echo "$sample" | tr '/' '_')
  for format in pdf html txt ofd docx; do
    "$NATIVE" build "$sample" -o "$SMOKE/$base.native.$format" >/dev/null
    for target in "${TARGETS[@]}"; do
      [[ $target == loongarch64* ]] && continue
      if ! run_binary "$target" build "$sample" -o "$SMOKE/$base.$target.$format" >/dev/null 2>"$SMOKE/err"; then
        echo "FAIL $target $sample $format: $(cat "$SMOKE/err")"; status=1; continue
      fi
      if cmp -s "$SMOKE/$base.native.$format" "$SMOKE/$base.$target.$format"; then
        echo "same bytes: $target $sample .$format"
      else
        echo "DIFFERENT: $target $sample .$format"; status=1
      fi
    done
  done
done
# A Windows user's file: a Chinese folder name with a space, CRLF line ends.
mkdir -p "$SMOKE/简报 样例"
sed 's/$/\r/' samples/brief/issue.yaml > "$SMOKE/简报 样例/第 23 期.yaml"
"$NATIVE" build samples/brief/issue.yaml -o "$SMOKE/lf.pdf" >/dev/null
for target in "${TARGETS[@]}"; do
  [[ $target == loongarch64* ]] && continue
  if run_binary "$target" build "$SMOKE/简报 样例/第 23 期.yaml" -o "$SMOKE/简报 样例/$target.pdf" >/dev/null 2>"$SMOKE/err" \
    && cmp -s "$SMOKE/lf.pdf" "$SMOKE/简报 样例/$target.pdf"; then
    echo "same bytes: $target, CRLF source in a Chinese path with a space"
  else
    echo "FAIL $target: CRLF source in a Chinese path: $(cat "$SMOKE/err")"; status=1
  fi
done
# The .deb installs into a folder and runs.
for deb in "$OUT"/*_amd64.deb; do
  [ -e "$deb" ] || continue
  dpkg-deb -x "$deb" "$SMOKE/root"
  "$SMOKE/root/usr/bin/jianbao" --version
  [ -f "$SMOKE/root/usr/share/applications/jianbao.desktop" ] \
    || { echo "FAIL $deb: no desktop entry"; status=1; }
done

rm -rf "$EXTRAS" "$SMOKE"
for target in "${TARGETS[@]}"; do rm -rf "$OUT/jianbao-$VERSION-$target"; done
(cd "$OUT" && shopt -s nullglob && sha256sum -- *.tar.gz *.zip *.deb > SHA256SUMS)
cat "$OUT/SHA256SUMS"
exit $status
