#!/bin/bash
# The official postgres image (docker-library/postgres, Debian) for one major version, built as its Dockerfile builds
# it: a Debian trixie root (mmdebstrap; the real base is debian:trixie-slim), the postgres user and group 999 made
# before any package, the same packages, the sample config's listen_addresses = '*', /var/run/postgresql 3777, and the
# image's OWN docker-entrypoint.sh and docker-ensure-initdb.sh (the test input charts-2026/official-image/<major>, MIT),
# with PGDATA and VOLUME read from that Dockerfile. Cached in the project's store (podman.sh) under a tag made from a
# hash of everything that goes in, so a second run only checks the tag.
#
# usage: official-like.sh MAJOR SCRIPTS_DIR    MAJOR: 17 | 18
# prints: the image tag, as its last line
#
# What this stand-in does not prove: the PGDG build of PostgreSQL (Debian trixie's postgresql-17 stands in, and for 18
# it is laid out under /usr/lib/postgresql/18: no PostgreSQL 18 package is reachable here), gosu (the pods run as uid
# 999, so the entrypoint never calls it), and the real base image's exact package set.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/podman.sh"
major=${1:?major}; scripts=${2:?scripts dir}
[[ -f $scripts/Dockerfile && -f $scripts/docker-entrypoint.sh ]] || { echo "not an official-image folder: $scripts" >&2; exit 1; }
debian_pg=17 # the PostgreSQL Debian trixie ships

recipe_hashes "$0" "$scripts"
base=localhost/pgbw-debian:trixie-$base_recipe
tag=localhost/pgbw-postgres-official:$major-$recipe
if pm image exists "$tag"; then echo "$tag"; exit 0; fi
work=$(mktemp -d "$PGBW_CONTAINER_STORE/build.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- base
if ! pm image exists "$base"; then
  mmdebstrap --variant=minbase --include=ca-certificates,util-linux --dpkgopt=force-unsafe-io \
    --customize-hook='echo "" > "$1/etc/resolv.conf"' trixie "$work/trixie.tar" \
    http://deb.debian.org/debian "deb http://deb.debian.org/debian-security trixie-security main" \
    > "$work/mmdebstrap.log" 2>&1 || { tail -20 "$work/mmdebstrap.log" >&2; exit 1; }
  pm import --change 'CMD ["/bin/bash"]' "$work/trixie.tar" "$base" > /dev/null
fi
# --- end base

# The Dockerfile's lines that place the data: ENV PGDATA and VOLUME, as the pinned Dockerfile has them.
pgdata=$(grep -E '^ENV PGDATA ' "$scripts/Dockerfile")
volume=$(grep -E '^VOLUME ' "$scripts/Dockerfile")
[[ -n $pgdata && -n $volume ]] || { echo "no ENV PGDATA or VOLUME in $scripts/Dockerfile" >&2; exit 1; }
stand_in=""
if [[ $major != "$debian_pg" ]]; then
  stand_in="RUN ln -s $debian_pg /usr/lib/postgresql/$major && ln -s $debian_pg /usr/share/postgresql/$major"
fi
ctx=$work/ctx; mkdir -p "$ctx"
cp "$scripts/docker-entrypoint.sh" "$scripts/docker-ensure-initdb.sh" "$ctx/"
chmod 0755 "$ctx"/*.sh
cat > "$ctx/Containerfile" <<CF
FROM $base
RUN set -eux; groupadd -r postgres --gid=999; \
    useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \
    install --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends gnupg less locales libnss-wrapper xz-utils zstd; \
    echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; locale-gen; locale -a | grep 'en_US.utf8'; rm -rf /var/lib/apt/lists/*
ENV LANG en_US.utf8
RUN mkdir /docker-entrypoint-initdb.d
ENV PG_MAJOR $major
ENV PATH \$PATH:/usr/lib/postgresql/\$PG_MAJOR/bin
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends postgresql-common; \
    sed -ri 's/#(create_main_cluster) .*\$/\1 = false/' /etc/postgresql-common/createcluster.conf; \
    apt-get install -y --no-install-recommends postgresql-$debian_pg; rm -rf /var/lib/apt/lists/*
$stand_in
RUN set -eux; postgres --version; \
    dpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$debian_pg/postgresql.conf.sample"; \
    cp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \
    ln -sv ../postgresql.conf.sample "/usr/share/postgresql/$debian_pg/"; \
    sed -ri "s!^#?(listen_addresses)\s*=\s*\S+.*!\1 = '*'!" /usr/share/postgresql/postgresql.conf.sample; \
    grep -F "listen_addresses = '*'" /usr/share/postgresql/postgresql.conf.sample
RUN install --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql
$pgdata
$volume
COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/
RUN ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
CF
bh bud --format docker --pull=never --network host --runtime runc --layers=false \
  -t "$tag" -f "$ctx/Containerfile" "$ctx" > "$work/build.log" 2>&1 \
  || { echo "official image $major: build failed" >&2; tail -30 "$work/build.log" >&2; exit 1; }
echo "$tag"
