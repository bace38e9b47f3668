#!/usr/bin/env bash
# Installs, upgrades or removes sguil-bridge on a Sguil server or sensor (Debian 12), as root.
#
#   sguil-integration/install.sh                 install, or upgrade an installation in place
#   sguil-integration/install.sh --uninstall     remove the program; keep /etc/sguil-bridge and
#                                                /var/lib/sguil-bridge (configuration, undelivered
#                                                events in the outbox, extracted files)
#   sguil-integration/install.sh --purge         remove those too, and the user and group
#
# Run from a checkout where target/sguil-bridge.jar is built (bin/setup), or give JAR=path.
# DESTDIR=dir installs into a scratch root instead (for packaging and tests): nothing outside it is
# touched, no user, group or package is created, systemd is left alone, and the owners the files
# would get are written to $DESTDIR/OWNERS ("user:group path" per line) instead of applied.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${JAR:-$here/target/sguil-bridge.jar}"
DESTDIR="${DESTDIR:-}"
USER_NAME=sguil-bridge
GROUP_NAME=sguil-bridge

SHARE=/usr/share/sguil-bridge
ETC=/etc/sguil-bridge
RULES=$ETC/rules.d
STATE=/var/lib/sguil-bridge
UNITS=/etc/systemd/system
LAUNCHER=/usr/bin/sguil-bridge

say() { echo "install.sh: $*"; }
fail() { echo "install.sh: $*" >&2; exit 1; }
root() { echo "$DESTDIR$1"; }

# chown, or under DESTDIR a line in OWNERS saying what it would have been (a later line wins).
own() {
  local owner="$1" path="$2"
  if [ -n "$DESTDIR" ]; then
    echo "$owner $path" >>"$DESTDIR/OWNERS"
  else
    chown "$owner" "$path"
  fi
}

dir() { # mode owner path
  install -d -m "$1" "$(root "$3")"
  chmod "$1" "$(root "$3")"
  own "$2" "$3"
}

file() { # mode owner source path
  install -m "$1" "$3" "$(root "$4")"
  own "$2" "$4"
}

# A file the operator edits: created once, never overwritten.
seed() { # mode owner path content
  if [ ! -e "$(root "$3")" ]; then
    printf '%s' "$4" >"$(root "$3")"
    chmod "$1" "$(root "$3")"
    own "$2" "$3"
    say "created $3"
  fi
}

# The shipped rule packs go to $SHARE/drl, replaced whole, and to $RULES, where the operator may
# edit them: like dpkg's conffiles, a copy the operator left alone follows the new version, an
# edited one is kept and the new version put beside it as FILE.new (not loaded: it does not end in
# .drl), and a pack the operator deleted stays deleted.
install_rules() {
  local old new live rel shipped list
  shipped="$(root "$SHARE/drl")"
  list="$(mktemp)"
  (cd "$here/drl" && find . -type f -name '*.drl' | sed 's|^\./||' | sort) >"$list"
  while read -r rel; do
    new="$here/drl/$rel"
    old="$shipped/$rel"
    live="$(root "$RULES/$rel")"
    if [ ! -e "$live" ]; then
      if [ -e "$old" ]; then
        say "$RULES/$rel was deleted; not restoring it (the shipped version is $SHARE/drl/$rel)"
        continue
      fi
      dir 0750 "root:$GROUP_NAME" "$(dirname "$RULES/$rel")"
      file 0640 "root:$GROUP_NAME" "$new" "$RULES/$rel"
    elif cmp -s "$live" "$new"; then
      :
    elif [ -e "$old" ] && cmp -s "$live" "$old"; then
      file 0640 "root:$GROUP_NAME" "$new" "$RULES/$rel"
      say "updated $RULES/$rel"
    else
      file 0640 "root:$GROUP_NAME" "$new" "$RULES/$rel.new"
      say "kept your edited $RULES/$rel; the new shipped version is $RULES/$rel.new: merge it, then delete it"
    fi
  done <"$list"
  # packs no longer shipped: dropped where unedited
  if [ -d "$shipped" ]; then
    (cd "$shipped" && find . -type f -name '*.drl' | sed 's|^\./||' | sort) | while read -r rel; do
      live="$(root "$RULES/$rel")"
      if ! grep -qxF "$rel" "$list" && [ -e "$live" ]; then
        if cmp -s "$live" "$shipped/$rel"; then
          rm -f "$live"
          say "removed $RULES/$rel (no longer shipped)"
        else
          say "kept your edited $RULES/$rel, which is no longer shipped"
        fi
      fi
    done
  fi
  rm -f "$list"
  # The shipped packs themselves: replaced whole, so an upgrade never nests drl/drl.
  rm -rf "$shipped"
  dir 0755 root:root "$SHARE/drl"
  (cd "$here/drl" && find . -type d | sed 's|^\./||' | grep -v '^\.$' || true) | while read -r rel; do
    dir 0755 root:root "$SHARE/drl/$rel"
  done
  (cd "$here/drl" && find . -type f | sed 's|^\./||') | while read -r rel; do
    file 0644 root:root "$here/drl/$rel" "$SHARE/drl/$rel"
  done
}

write_launcher() {
  cat >"$(root "$LAUNCHER")" <<EOF
#!/bin/sh
# sguil-bridge, as installed by sguil-integration/install.sh. The rules of the operator's
# $RULES are the default rule directory of every command.
if ! command -v java >/dev/null 2>&1; then
  echo "sguil-bridge: java not found; install a Java 17 runtime: apt-get install openjdk-17-jre-headless" >&2
  exit 2
fi
SGUIL_BRIDGE_RULES="\${SGUIL_BRIDGE_RULES:-$RULES}"
export SGUIL_BRIDGE_RULES
cds=
if [ $SHARE/lib/sguil-bridge.jsa -nt $SHARE/lib/sguil-bridge.jar ]; then cds=-XX:SharedArchiveFile=$SHARE/lib/sguil-bridge.jsa; fi
exec java @$SHARE/lib/jvm.options \${SGUIL_BRIDGE_JAVA_OPTS:-} \$cds -jar $SHARE/lib/sguil-bridge.jar "\$@"
EOF
  chmod 0755 "$(root "$LAUNCHER")"
  own root:root "$LAUNCHER"
}

install_all() {
  [ -f "$JAR" ] || fail "$JAR not found; build it first (bin/setup), or give JAR=path"
  if [ -z "$DESTDIR" ]; then
    [ "$(id -u)" = 0 ] || fail "run as root (or give DESTDIR=dir for a scratch root)"
    if ! command -v java >/dev/null 2>&1; then
      say "installing the Java runtime (openjdk-17-jre-headless)"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
    fi
    getent group "$GROUP_NAME" >/dev/null || groupadd --system "$GROUP_NAME"
    getent passwd "$USER_NAME" >/dev/null || useradd --system --gid "$GROUP_NAME" --home-dir "$STATE" \
      --no-create-home --shell /usr/sbin/nologin --comment "sguil-bridge daemon" "$USER_NAME"
  else
    mkdir -p "$DESTDIR"
  fi
  for d in /usr/bin /etc "$UNITS"; do install -d "$(root "$d")"; done

  dir 0755 root:root "$SHARE"
  dir 0755 root:root "$SHARE/lib"
  file 0644 root:root "$JAR" "$SHARE/lib/sguil-bridge.jar"
  file 0644 root:root "$here/sguil-integration/jvm.options" "$SHARE/lib/jvm.options"
  # Made from the jar where it is installed (the archive names the jar by path, size and time).
  rm -f "$(root "$SHARE/lib/sguil-bridge.jsa")"
  if command -v java >/dev/null 2>&1; then
    "$here/bin/make-class-archive" "$(root "$SHARE/lib/sguil-bridge.jar")" "$(root "$SHARE/lib/sguil-bridge.jsa")"
    if [ -f "$(root "$SHARE/lib/sguil-bridge.jsa")" ]; then own root:root "$SHARE/lib/sguil-bridge.jsa"; fi
  fi
  write_launcher

  dir 0750 "root:$GROUP_NAME" "$ETC"
  dir 0750 "root:$GROUP_NAME" "$RULES"
  # the example is reference, always the current one; the configuration is the operator's
  file 0640 "root:$GROUP_NAME" "$here/sguil-integration/sguil-bridge.conf.example" "$ETC/sguil-bridge.conf.example"
  if [ ! -e "$(root "$ETC/sguil-bridge.conf")" ]; then
    file 0640 "root:$GROUP_NAME" "$here/sguil-integration/sguil-bridge.conf.example" "$ETC/sguil-bridge.conf"
    say "created $ETC/sguil-bridge.conf: edit it (every key is explained in it)"
  fi
  # Read by the service through its group; written only by root.
  seed 0640 "root:$GROUP_NAME" "$ETC/db.password" ""
  seed 0640 "root:$GROUP_NAME" "$ETC/known-bad-hashes.txt" \
    "# Known-bad attachment hashes, MD5 or SHA-256 in hex, one per line (rules.known_bad_hashes).
"
  install_rules

  dir 0750 "$USER_NAME:$GROUP_NAME" "$STATE"
  dir 0750 "$USER_NAME:$GROUP_NAME" "$STATE/attachments"

  for unit in sguil-bridge.service sguil-bridge-cleanup.service sguil-bridge-cleanup.timer; do
    file 0644 root:root "$here/sguil-integration/$unit" "$UNITS/$unit"
  done
  if [ -z "$DESTDIR" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable --now sguil-bridge-cleanup.timer >/dev/null 2>&1 || true
    if systemctl is-active --quiet sguil-bridge; then
      systemctl restart sguil-bridge
      say "restarted sguil-bridge"
    fi
  fi
  say "done. Next: the password into $ETC/db.password, then $ETC/sguil-bridge.conf, then" \
    "systemctl enable --now sguil-bridge (see sguil-integration/README.md)"
}

uninstall() {
  if [ -z "$DESTDIR" ]; then
    [ "$(id -u)" = 0 ] || fail "run as root"
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
      systemctl disable --now sguil-bridge.service sguil-bridge-cleanup.timer >/dev/null 2>&1 || true
    fi
  fi
  rm -rf "$(root "$SHARE")"
  rm -f "$(root "$LAUNCHER")" "$(root "$UNITS/sguil-bridge.service")" \
    "$(root "$UNITS/sguil-bridge-cleanup.service")" "$(root "$UNITS/sguil-bridge-cleanup.timer")"
  if [ "$1" = purge ]; then
    rm -rf "$(root "$ETC")" "$(root "$STATE")"
    if [ -z "$DESTDIR" ]; then
      getent passwd "$USER_NAME" >/dev/null && userdel "$USER_NAME"
      getent group "$GROUP_NAME" >/dev/null && groupdel "$GROUP_NAME"
    fi
    say "removed sguil-bridge, its configuration, state and extracted files"
  else
    say "removed sguil-bridge; kept $ETC and $STATE (--purge removes them)"
  fi
  if [ -z "$DESTDIR" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
  fi
}

case "${1:-}" in
  "") install_all ;;
  --uninstall) uninstall keep ;;
  --purge) uninstall purge ;;
  *) echo "usage: $0 [--uninstall|--purge]" >&2; exit 2 ;;
esac
