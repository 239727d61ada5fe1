# Shared by the benchmark scripts (sourced, not run).

# Prints the largest cargo registry source directory (there is usually one per registry index),
# or nothing if there is none.
registry_src() {
    local cargo_home="${CARGO_HOME:-$HOME/.cargo}" best=0 src="" d n
    for d in "$cargo_home"/registry/src/*/; do
        [[ -d "$d" ]] || continue
        n=$(find "$d" -mindepth 1 -maxdepth 1 -type d | wc -l)
        if ((n > best)); then
            best=$n
            src="${d%/}"
        fi
    done
    printf '%s' "$src"
}

# copy_crates SRC LINES DEST LIST: copies the `.rs` files of whole crates (SRC's top-level
# directories, in name order) into DEST, with their layout, until at least LINES lines are
# taken (LINES=all: every crate). Writes the NUL-separated list of the files, relative to SRC,
# to LIST, and prints "LINES CRATES FIRST LAST".
copy_crates() {
    local src="$1" wanted="$2" dest="$3" list="$4" crate name n lines=0 crates=0 first="" last=""
    local one
    one="$(mktemp)"
    : >"$list"
    while IFS= read -r -d '' crate; do
        name="${crate#"$src"/}"
        (cd "$src" && find "$name" -type f -name '*.rs' -print0) >"$one"
        [[ -s "$one" ]] || continue
        n=$(cd "$src" && xargs -0 cat <"$one" | wc -l)
        cat "$one" >>"$list"
        lines=$((lines + n))
        crates=$((crates + 1))
        first="${first:-$name}"
        last="$name"
        if [[ "$wanted" != all ]] && ((lines >= wanted)); then
            break
        fi
    done < <(find "$src" -mindepth 1 -maxdepth 1 -type d -print0 | sort -z)
    rm -f "$one"
    mkdir -p "$dest"
    (cd "$src" && tar -cf - --null -T "$list") | tar -C "$dest" -xf -
    printf '%s %s %s %s\n' "$lines" "$crates" "$first" "$last"
}
