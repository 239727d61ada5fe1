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
