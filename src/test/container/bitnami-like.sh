#!/bin/bash
# A Bitnami-like PostgreSQL image for one image generation: a minideb-like Debian bookworm root (bitnami/minideb's
# package list, trimmed as its mkimage trims it, with its install_packages), the generation's OWN scripts (the test
# input bitnami-postgresql/image/<gen>: prebuildfs + rootfs, Apache-2.0) and the steps of that generation's
# Dockerfile, with Debian's PostgreSQL 15 binaries laid out where the Bitnami tarball puts its own (only
# downloads.bitnami.com serves that tarball). Cached in the project's store (podman.sh) under a tag made from a hash
# of everything that goes in, so a second run only checks the tag.
#
# usage: bitnami-like.sh GEN SCRIPTS_DIR     GEN: gen2021 | gen2022 | gen2024 | gen2025
# prints: the image tag, as its last line
#
# What this stand-in does not prove: the real image's PostgreSQL build (version 15 stands in for 11 to 17, with
# Debian's compile options), the real minideb digest, and Kerberos libraries the real image does not have.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/podman.sh"
gen=${1:?gen}; scripts=${2:?scripts dir}
[[ -d $scripts/prebuildfs && -d $scripts/rootfs ]] || { echo "not an image scripts folder: $scripts" >&2; exit 1; }

recipe_hashes "$0" "$scripts"
base=localhost/pgbw-minideb:bookworm-$base_recipe
tag=localhost/pgbw-bitnami-postgresql:$gen-$recipe
if pm image exists "$tag"; then echo "$tag"; exit 0; fi
work=$(mktemp -d "$PGBW_CONTAINER_STORE/build.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- base
if ! pm image exists "$base"; then
  pkgs=adduser,base-files,base-passwd,bash,bsdutils,coreutils,dash,debian-archive-keyring,diffutils,dpkg,findutils
  pkgs+=,grep,gzip,hostname,init-system-helpers,libc-bin,login,lsb-base,mawk,ncurses-base,passwd,perl,sed,sysv-rc
  pkgs+=,tar,tzdata,util-linux,mount,apt
  cat > "$work/minideb-hook.sh" <<'HOOK'
#!/bin/sh
set -e
root=$1
cat > "$root/usr/sbin/install_packages" <<'IP'
#!/bin/sh
set -eu
export DEBIAN_FRONTEND=noninteractive
n=0
until apt-get update -qq && apt-get install -y --no-install-recommends "$@"; do
  n=$((n + 1)); [ $n -le 2 ] || exit 1; echo "apt failed, retrying"
done
rm -r /var/lib/apt/lists /var/cache/apt/archives
IP
chmod 0755 "$root/usr/sbin/install_packages"
printf 'deb http://deb.debian.org/debian bookworm main\ndeb http://deb.debian.org/debian bookworm-updates main\ndeb http://deb.debian.org/debian-security bookworm-security main\n' > "$root/etc/apt/sources.list"
rm -f "$root"/etc/apt/sources.list.d/*
echo "" > "$root/etc/resolv.conf"; echo host > "$root/etc/hostname"
for d in /usr/share/man /var/cache/apt /var/lib/apt/lists /usr/share/locale /var/log /usr/share/info; do rm -rf "$root$d"/*; done
find "$root/usr/share/doc" -mindepth 2 -not -name copyright -not -type d -delete
find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
HOOK
  chmod +x "$work/minideb-hook.sh"
  mmdebstrap --variant=apt --include="$pkgs" --dpkgopt=force-unsafe-io \
    --customize-hook="$work/minideb-hook.sh \"\$1\"" bookworm "$work/minideb.tar" \
    http://deb.debian.org/debian "deb http://deb.debian.org/debian-security bookworm-security main" \
    "deb http://deb.debian.org/debian bookworm-updates main" > "$work/mmdebstrap.log" 2>&1 \
    || { tail -20 "$work/mmdebstrap.log" >&2; exit 1; }
  pm import --change 'CMD ["/bin/bash"]' "$work/minideb.tar" "$base" > /dev/null
fi
# --- end base

ctx=$work/ctx; mkdir -p "$ctx"
cp -R "$scripts/prebuildfs" "$scripts/rootfs" "$ctx/"
chmod -R u+w "$ctx"; find "$ctx" -type f \( -name '*.sh' -o -path '*/bin/*' -o -path '*/sbin/*' \) -exec chmod 0755 {} +

# The PostgreSQL "tarball": Debian's packages unpacked (no maintainer scripts) where Bitnami's tarball puts its files.
# pgaudit too: the chart preloads it (POSTGRESQL_SHARED_PRELOAD_LIBRARIES=pgaudit).
debs=$PGBW_CONTAINER_STORE/debs; mkdir -p "$debs"
get_debs() { apt-get download -q postgresql-15 postgresql-client-15 libpq5 libnss-wrapper postgresql-15-pgaudit > /dev/null 2>&1; }
(cd "$debs" && ls postgresql-15_*.deb postgresql-client-15_*.deb libpq5_*.deb libnss-wrapper_*.deb \
   postgresql-15-pgaudit_*.deb > /dev/null 2>&1 || get_debs || { apt-get update -qq && get_debs; } \
 || { echo "cannot download Debian's postgresql-15 packages (apt-get download; a bookworm host is assumed)" >&2; exit 1; })
x=$work/debx; mkdir -p "$x"
for d in "$debs"/*.deb; do dpkg-deb -x "$d" "$x"; done
s=$ctx/pgstage
mkdir -p "$s/opt/bitnami/postgresql" "$s/opt/bitnami/common/lib" "$s/usr/lib/postgresql/15" "$s/usr/share/postgresql" \
  "$s/usr/lib/x86_64-linux-gnu" "$s/run"
cp -a "$x/usr/lib/postgresql/15/bin" "$s/opt/bitnami/postgresql/bin"
cp -a "$x/usr/lib/postgresql/15/lib" "$s/usr/lib/postgresql/15/lib"
# Debian's version string "15.x (Debian 15.x-...)" holds two numbers, and libpostgresql.sh's major-version parser
# then fails and writes wal_keep_segments, which PostgreSQL 13+ refuses: end it after the version, as Bitnami's does.
python3 - "$s/opt/bitnami/postgresql/bin" <<'PY'
import os, re, sys
d = sys.argv[1]
for f in os.listdir(d):
    p = os.path.join(d, f)
    if os.path.islink(p) or not os.path.isfile(p):
        continue
    b = open(p, "rb").read()
    n = re.sub(rb"(\d+\.\d+) \(Debian [^)\x00]*\)", lambda m: m.group(1) + b"\x00" * (len(m.group(0)) - len(m.group(1))), b)
    if n != b:
        open(p, "wb").write(n)
PY
rm -rf "$s/usr/lib/postgresql/15/lib/llvmjit"* "$s/usr/lib/postgresql/15/lib/bitcode"   # Bitnami builds without LLVM
ln -s /opt/bitnami/postgresql/bin "$s/usr/lib/postgresql/15/bin"
cp -a "$x/usr/share/postgresql/15" "$s/usr/share/postgresql/15"; rm -rf "$s/usr/share/postgresql/15/man"
ln -s /usr/share/postgresql/15 "$s/opt/bitnami/postgresql/share"
ln -s /usr/lib/postgresql/15/lib "$s/opt/bitnami/postgresql/lib"
cp -a "$x"/usr/lib/x86_64-linux-gnu/libpq.so.5* "$s/usr/lib/x86_64-linux-gnu/"
cp -aL "$(ls "$x"/usr/lib/x86_64-linux-gnu/libnss_wrapper.so* | head -1)" "$s/opt/bitnami/common/lib/libnss_wrapper.so"
ln -s /tmp "$s/run/postgresql"   # Debian's compiled-in socket dir; Bitnami's is /tmp (the chart's emptyDir)

pkgs="ca-certificates curl libbsd0 libbz2-1.0 libedit2 libffi8 libgcc-s1 libgmp10 libgnutls30 libhogweed6 libicu72"
pkgs+=" libidn2-0 libldap-2.5-0 liblz4-1 liblzma5 libmd0 libnettle8 libp11-kit0 libpcre3 libreadline8 libsasl2-2"
pkgs+=" libsqlite3-0 libssl3 libstdc++6 libtasn1-6 libtinfo6 libunistring2 libuuid1 libxml2 libxslt1.1 libzstd1 locales"
pkgs+=" procps zlib1g libgssapi-krb5-2"   # the last: Debian's libpq links Kerberos, Bitnami's build does not
tail_common='VOLUME [ "/bitnami/postgresql", "/docker-entrypoint-initdb.d", "/docker-entrypoint-preinitdb.d" ]
EXPOSE 5432
USER 1001
ENTRYPOINT [ "/opt/bitnami/scripts/postgresql/entrypoint.sh" ]
CMD [ "/opt/bitnami/scripts/postgresql/run.sh" ]'
case $gen in
gen2021) # bitnami-docker-postgresql 11/debian-10 (2021) on the bookworm base; gosu (root only) left out
  cat > "$ctx/Containerfile" <<CF
FROM $base
ENV HOME="/" OS_ARCH="amd64" OS_FLAVOUR="debian-10" OS_NAME="linux"
COPY prebuildfs /
RUN install_packages acl $pkgs
COPY pgstage /
RUN chmod g+rwX /opt/bitnami
RUN localedef -c -f UTF-8 -i en_US en_US.UTF-8
RUN update-locale LANG=C.UTF-8 LC_MESSAGES=POSIX && DEBIAN_FRONTEND=noninteractive dpkg-reconfigure locales
RUN echo 'en_GB.UTF-8 UTF-8' >> /etc/locale.gen && locale-gen
RUN echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen && locale-gen
COPY rootfs /
RUN /opt/bitnami/scripts/postgresql/postunpack.sh
RUN /opt/bitnami/scripts/locales/add-extra-locales.sh
ENV BITNAMI_APP_NAME="postgresql" BITNAMI_IMAGE_VERSION="11.12.0-debian-10-r58" LANG="en_US.UTF-8" LANGUAGE="en_US:en" NSS_WRAPPER_LIB="/opt/bitnami/common/lib/libnss_wrapper.so" PATH="/opt/bitnami/postgresql/bin:/opt/bitnami/common/bin:\$PATH"
$tail_common
CF
  ;;
gen2022|gen2024) # gen2022: the debian-11 Dockerfile (postgresql/14/debian-11); gen2024: 16/debian-12
  version=16.4.0; flavour=debian-12; gb=""
  if [[ $gen == gen2022 ]]; then version=14.5.0; flavour=debian-11; gb="RUN echo 'en_GB.UTF-8 UTF-8' >> /etc/locale.gen && locale-gen"; fi
  cat > "$ctx/Containerfile" <<CF
FROM $base
ENV HOME="/" OS_ARCH="amd64" OS_FLAVOUR="$flavour" OS_NAME="linux"
COPY prebuildfs /
SHELL ["/bin/bash", "-o", "errexit", "-o", "nounset", "-o", "pipefail", "-c"]
RUN install_packages $pkgs
COPY pgstage /
RUN apt-get autoremove --purge -y curl && apt-get update && apt-get upgrade -y && apt-get clean && rm -rf /var/lib/apt/lists /var/cache/apt/archives
RUN chmod g+rwX /opt/bitnami
RUN localedef -c -f UTF-8 -i en_US en_US.UTF-8
RUN find / -perm /6000 -type f -exec chmod a-s {} \; || true
RUN update-locale LANG=C.UTF-8 LC_MESSAGES=POSIX && DEBIAN_FRONTEND=noninteractive dpkg-reconfigure locales
$gb
RUN echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen && locale-gen
COPY rootfs /
RUN /opt/bitnami/scripts/postgresql/postunpack.sh
RUN /opt/bitnami/scripts/locales/add-extra-locales.sh
ENV APP_VERSION="$version" BITNAMI_APP_NAME="postgresql" LANG="en_US.UTF-8" LANGUAGE="en_US:en" NSS_WRAPPER_LIB="/opt/bitnami/common/lib/libnss_wrapper.so" PATH="/opt/bitnami/postgresql/bin:\$PATH"
$tail_common
CF
  ;;
gen2025) # bitnami/containers postgresql/17/debian-12 (2025)
  cat > "$ctx/Containerfile" <<CF
FROM $base
ENV HOME="/" OS_ARCH="amd64" OS_FLAVOUR="debian-12" OS_NAME="linux"
COPY prebuildfs /
SHELL ["/bin/bash", "-o", "errexit", "-o", "nounset", "-o", "pipefail", "-c"]
RUN install_packages $pkgs
COPY pgstage /
RUN apt-get update && apt-get upgrade -y && apt-get clean && rm -rf /var/lib/apt/lists /var/cache/apt/archives
RUN chmod g+rwX /opt/bitnami
RUN find / -perm /6000 -type f -exec chmod a-s {} \; || true
RUN update-locale LANG=C.UTF-8 LC_MESSAGES=POSIX && DEBIAN_FRONTEND=noninteractive dpkg-reconfigure locales && echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen
RUN uninstall_packages curl
COPY rootfs /
RUN /opt/bitnami/scripts/postgresql/postunpack.sh
RUN update-locale LANG=C.UTF-8 LC_MESSAGES=POSIX && DEBIAN_FRONTEND=noninteractive dpkg-reconfigure locales && echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen
RUN /opt/bitnami/scripts/locales/generate-locales.sh
ENV APP_VERSION="17.6.0" BITNAMI_APP_NAME="postgresql" IMAGE_REVISION="10" LANG="en_US.UTF-8" LANGUAGE="en_US:en" NSS_WRAPPER_LIB="/opt/bitnami/common/lib/libnss_wrapper.so" PATH="/opt/bitnami/postgresql/bin:\$PATH"
$tail_common
CF
  ;;
*) echo "unknown image generation: $gen" >&2; exit 1 ;;
esac
bh bud --format docker --pull=never --network host --runtime runc --layers=false \
  -t "$tag" -f "$ctx/Containerfile" "$ctx" > "$work/build.log" 2>&1 \
  || { echo "image $gen: build failed" >&2; tail -30 "$work/build.log" >&2; exit 1; }
echo "$tag"
