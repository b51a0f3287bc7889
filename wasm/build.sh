#!/usr/bin/env bash
# Builds the engine as one self-contained JS file (wasm inlined): OUT_DIR/huike_wasm.js.
# Usage: wasm/build.sh OUT_DIR        (HUIKE_WASM_JOBS=2 by default; the machine has 2 cores)
set -euo pipefail
out=${1:?usage: wasm/build.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${HUIKE_WASM_JOBS:-2}
# Debian's emscripten runs its JS tools with /usr/bin/node and finds acorn here.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
command -v em++ >/dev/null || { echo "em++ not found: apt-get install emscripten" >&2; exit 1; }

mkdir -p "$out/obj" "$out/include"
out=$(cd "$out" && pwd)
# Only nlohmann from /usr/include: -I/usr/include would pull glibc headers into the wasm build.
ln -sfn /usr/include/nlohmann "$out/include/nlohmann"

# -flto: ~20% faster parsing (inlining across ingest files); -fwasm-exceptions: native wasm
# exception handling (Chrome 95+, Node 17+), no JS trampolines on every call that may throw.
cxxflags=(-std=c++20 -O3 -flto -fwasm-exceptions -Wall -Wextra
          -I"$root/src" -I"$out/include" -include "$root/wasm/libcxx_compat.h")
# Objects built with other flags are stale.
if [[ "$(cat "$out/obj/flags" 2>/dev/null)" != "${cxxflags[*]}" ]]; then
  rm -f "$out"/obj/*.o "$out"/obj/*.d
  echo "${cxxflags[*]}" > "$out/obj/flags"
fi
sources=$(cd "$root" && find src -name '*.cpp' ! -path 'src/cli/*' | sort)
sources="$sources wasm/huike_bindings.cpp"

# A source is rebuilt when it or any header it used (from its .d file) is newer than its object.
stale() {
  local obj=$1 dep
  [[ -f $obj && -f $obj.d ]] || return 0
  for dep in $(sed -e 's/^[^:]*://' -e 's/\\$//' "$obj.d"); do
    [[ $dep -nt $obj ]] && return 0
  done
  return 1
}

objs=()
running=0
for src in $sources; do
  obj="$out/obj/${src//\//_}.o"
  objs+=("$obj")
  stale "$obj" || continue
  echo "em++ $src"
  em++ "${cxxflags[@]}" -MMD -MF "$obj.d" -c "$root/$src" -o "$obj" &
  if (( ++running >= jobs )); then wait -n; running=$((running - 1)); fi
done
while (( running > 0 )); do wait -n; running=$((running - 1)); done
# Objects of sources that no longer exist would be linked otherwise.
for obj in "$out"/obj/*.o; do
  [[ -e $obj && " ${objs[*]} " != *" $obj "* ]] && rm -f "$obj" "$obj.d"
done

em++ "${objs[@]}" -o "$out/huike_wasm.js" \
  -O3 -flto -fwasm-exceptions -lembind \
  -sMODULARIZE=1 -sEXPORT_NAME=createHuikeModule \
  -sSINGLE_FILE=1 -sENVIRONMENT=web,worker,node \
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=32MB -sMAXIMUM_MEMORY=4GB \
  -sFILESYSTEM=0 -sEXIT_RUNTIME=0 -sINCOMING_MODULE_JS_API=wasmBinary,print,printErr,onAbort \
  -sDYNAMIC_EXECUTION=0  # no eval: the page's CSP forbids it
echo "wrote $out/huike_wasm.js ($(stat -c %s "$out/huike_wasm.js") bytes)"
