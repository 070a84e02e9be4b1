# Sourced by the container scripts: podman and buildah on the project's own store, outside the clone so images are
# cached between runs (PGBW_CONTAINER_STORE, default ~/.cache/pg-backup-wizard/containers). runc and cgroupfs: this
# machine kind has no systemd and crun refuses its hybrid cgroups; overlay when it works here, else vfs.
PGBW_CONTAINER_STORE=${PGBW_CONTAINER_STORE:-${XDG_CACHE_HOME:-$HOME/.cache}/pg-backup-wizard/containers}
mkdir -p "$PGBW_CONTAINER_STORE"
if [[ -z ${PGBW_STORAGE_DRIVER:-} ]]; then
  PGBW_STORAGE_DRIVER=$(cat "$PGBW_CONTAINER_STORE/driver" 2>/dev/null || true)
  if [[ -z $PGBW_STORAGE_DRIVER ]]; then
    probe=$(mktemp -d); mkdir -p "$probe"/{l,u,w,m}
    if mount -t overlay overlay -o "lowerdir=$probe/l,upperdir=$probe/u,workdir=$probe/w" "$probe/m" 2>/dev/null; then
      umount "$probe/m"; PGBW_STORAGE_DRIVER=overlay
    else
      PGBW_STORAGE_DRIVER=vfs
    fi
    rm -rf "$probe"; echo "$PGBW_STORAGE_DRIVER" > "$PGBW_CONTAINER_STORE/driver"
  fi
fi
# podman refuses a runroot over 50 characters (a deep home or cache folder); then a short one derived from the store,
# the same for the same store every time (podman records it in the store and refuses another).
PGBW_RUNROOT=$PGBW_CONTAINER_STORE/run
(( ${#PGBW_RUNROOT} <= 50 )) || PGBW_RUNROOT=/tmp/pgbw-run-$(printf %s "$PGBW_CONTAINER_STORE" | sha256sum | cut -c1-12)
PGBW_STORE_FLAGS=(--root "$PGBW_CONTAINER_STORE/storage" --runroot "$PGBW_RUNROOT"
                  --storage-driver "$PGBW_STORAGE_DRIVER")
pm() { podman "${PGBW_STORE_FLAGS[@]}" --runtime runc --cgroup-manager cgroupfs "$@"; }
bh() { buildah "${PGBW_STORE_FLAGS[@]}" "$@"; }

# Image recipes (bitnami-like.sh, official-like.sh) key their cached tags on what goes in: recipe_hashes SCRIPT INPUTS
# sets recipe (the script and every file of its inputs folder) and base_recipe (the script's "# --- base" block only).
hash_of() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) | sha256sum | cut -c1-12; }
recipe_hashes() {
  recipe=$( { cat "$1"; hash_of "$2"; } | sha256sum | cut -c1-12)
  base_recipe=$(sed -n '/^# --- base/,/^# --- end base/p' "$1" | sha256sum | cut -c1-12)
}
