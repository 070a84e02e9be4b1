#!/usr/bin/env bash
# The Dockerfile's two base images: pulled when a registry answers (a user's machine), else local stand-ins (this
# machine kind reaches no image registry) built from Debian packages and tagged with the real names, so the unchanged
# Dockerfile builds with --pull=never either way:
#   eclipse-temurin:17-jdk  Debian bookworm minbase + openjdk-17-jdk-headless (JAVA_HOME and PATH as the real image)
#   eclipse-temurin:25-jre  Debian bookworm minbase + this machine's Temurin 25 JDK, at /opt/java/openjdk as the real one
# Each carries the hash of its recipe (and the ISO week, to pick up Debian security updates) as a label and is rebuilt
# only when that changes. What they do not prove: the real images are Ubuntu-based Temurin builds (another libc
# and package set; 25-jre is a JRE, this a JDK); the Dockerfile's steps use only bash, useradd and java, which both have.
set -euo pipefail
. "$(dirname "$0")/podman.sh"
temurin25=${TEMURIN25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mirror=http://deb.debian.org/debian
security="deb http://deb.debian.org/debian-security bookworm-security main"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

current() { # image recipe-hash: the real image (pulled, no recipe label), or the stand-in of this recipe?
  local label
  label=$(pm image inspect --format '{{index .Labels "pgbw.recipe"}}' "$1" 2> /dev/null) || label=absent
  [[ $label == "$2" || $label == "<no value>" || -z $label ]] && return 0
  [[ $label == absent ]] && timeout 600 podman "${PGBW_STORE_FLAGS[@]}" pull -q "$1" > /dev/null 2>&1 &&
    { echo "pulled the real $1"; return 0; }
  return 1
}
recipe_hash() { { sed -n '/^#==/,$p' "$0"; date +%G-W%V; "$@"; } | sha256sum | cut -c1-16; }

#== eclipse-temurin:17-jdk
jdk17=docker.io/library/eclipse-temurin:17-jdk
hash=$(recipe_hash true)
if ! current "$jdk17" "$hash"; then
  t=$SECONDS
  mmdebstrap --variant=minbase --include=openjdk-17-jdk-headless,ca-certificates bookworm "$work/jdk17.tar" \
    "$mirror" "$security" > "$work/jdk17.log" 2>&1 || { cat "$work/jdk17.log" >&2; exit 1; }
  java_home=/usr/lib/jvm/java-17-openjdk-amd64
  pm import -q --change "ENV JAVA_HOME=$java_home" \
    --change "ENV PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "LABEL pgbw.recipe=$hash" "$work/jdk17.tar" "$jdk17" > /dev/null
  echo "stand-in $jdk17 built in $((SECONDS - t)) s"
fi

#== eclipse-temurin:25-jre
jre25=docker.io/library/eclipse-temurin:25-jre
[[ -f $temurin25/release ]] || { echo "no Temurin 25 JDK at $temurin25 (set TEMURIN25_HOME)" >&2; exit 1; }
hash=$(recipe_hash cat "$temurin25/release")
if ! current "$jre25" "$hash"; then
  t=$SECONDS
  mmdebstrap --variant=minbase --include=ca-certificates bookworm "$work/minbase.tar" \
    "$mirror" "$security" > "$work/minbase.log" 2>&1 || { cat "$work/minbase.log" >&2; exit 1; }
  pm import -q "$work/minbase.tar" localhost/pgbw-debian-minbase:bookworm > /dev/null
  mkdir -p "$work/ctx"; cp -a "$temurin25" "$work/ctx/jdk"
  cat > "$work/ctx/Containerfile" <<CF
FROM localhost/pgbw-debian-minbase:bookworm
COPY jdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LABEL pgbw.recipe=$hash
CF
  bh bud --format docker --pull=never --runtime runc --isolation chroot -t "$jre25" "$work/ctx" > "$work/jre25.log" 2>&1 \
    || { cat "$work/jre25.log" >&2; exit 1; }
  pm rmi localhost/pgbw-debian-minbase:bookworm > /dev/null
  echo "stand-in $jre25 built in $((SECONDS - t)) s"
fi
echo "stand-in bases current ($PGBW_STORAGE_DRIVER store in $PGBW_CONTAINER_STORE)"
