package io.pgbackupwizard.generate.migrate;

/**
 * The one-time copy of a live database from the old chart's server to the new one's (issue "Move a live install off
 * Bitnami"): the bash script a Job runs in the TARGET's image (its pg_dump reads any older server). Everything it
 * needs comes from the environment, filled from the two charts' Secrets, so no value is ever written into it:
 * SOURCE_HOST, SOURCE_PORT, SOURCE_USER (the source's superuser, to read every table), SOURCE_PASSWORD, SOURCE_DB and
 * the same five for TARGET (a role that may create roles: the new chart's superuser), TARGET_OWNER (optional: the
 * new chart's user, who will own the copy; else TARGET_USER does) and REPLACE (true: a target that already holds other
 * tables is overwritten; anything else: refused); WAIT_SECONDS (optional, 600: how long each server may take to
 * accept connections, as the new one may still be starting).
 *
 * <p>
 * What it promises: the source's data is only read, and it takes no writes from the moment the copy starts (the
 * database is made read-only and its open sessions are ended, so nothing written after the dump is lost; a failed run
 * makes it writable again, a finished one leaves it read-only for the switch); the copy is one transaction, so a failure (or a
 * kill) midway leaves
 * the target as it was; the data is checked table by table (row count and a checksum of the rows' text), with the
 * large objects and the sequences, before a marker table ({@value #MARKER}.done) says it is done; a run that finds
 * the marker does nothing, and a run that finds the copy complete but no marker (killed after the copy) only writes
 * the marker. Roles come from the source's catalog, each created only where the target lacks it, without passwords
 * and never altered: pg_dumpall --globals-only would ALTER the target chart's own roles (the official image's user is
 * its superuser; the Bitnami user is not) and overwrite their passwords.
 */
public final class CopyScript {
    private CopyScript() {
    }

    /** The schema of the marker table; left out of every comparison. */
    public static final String MARKER = "pgbw_migration";

    /** The user tables, large objects and sequences of one side, one line each, in a stable order. */
    private static final String FINGERPRINT = """
            fingerprint() { # side: src_sql or tgt_sql
              local t tables
              tables="$("$1" -c "select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'MARKER') and n.nspname not like 'pg_toast%' order by 1")"
              while IFS= read -r t; do
                [ -n "$t" ] || continue
                printf '%s %s\\n' "$t" "$("$1" -c "select count(*) || ' ' || coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '-') from $t x")"
              done <<< "$tables"
              "$1" -c "select 'large objects ' || count(*) || ' ' || coalesce(md5(string_agg(md5(lo_get(oid)), '' order by oid)), '-') from pg_largeobject_metadata"
              "$1" -c "select 'sequence ' || format('%I.%I', schemaname, sequencename) || ' ' || coalesce(last_value::text, '-') from pg_sequences where schemaname <> 'MARKER' order by 1"
            }
            """;

    private static final String SCRIPT = """
            set -euo pipefail
            export PGCONNECT_TIMEOUT=10
            # The new chart may have been installed a moment ago, without waiting: each server must accept connections
            # over TCP (the images' first-boot servers never do) within WAIT_SECONDS, else nothing is touched.
            wait_for() {
              local waited=0
              until pg_isready -q -h "$1" -p "$2"; do
                if [ "$waited" -ge "${WAIT_SECONDS:-600}" ]; then
                  echo "$3 ($1:$2) did not accept connections within ${WAIT_SECONDS:-600}s: nothing was copied" >&2; exit 1
                fi
                sleep 5; waited=$((waited + 5))
              done
            }
            wait_for "$SOURCE_HOST" "$SOURCE_PORT" "the old database"
            wait_for "$TARGET_HOST" "$TARGET_PORT" "the new database"
            src_sql() { PGPASSWORD="$SOURCE_PASSWORD" psql -X -A -t -q -v ON_ERROR_STOP=1 -h "$SOURCE_HOST" -p "$SOURCE_PORT" -U "$SOURCE_USER" -d "$SOURCE_DB" --no-password "$@"; }
            tgt_sql() { PGPASSWORD="$TARGET_PASSWORD" psql -X -A -t -q -v ON_ERROR_STOP=1 -h "$TARGET_HOST" -p "$TARGET_PORT" -U "$TARGET_USER" -d "$TARGET_DB" --no-password "$@"; }
            FINGERPRINT
            done_marker() { # the source's name goes in as a psql variable, never into the SQL text
              printf '%s\n' "create schema if not exists MARKER;" \
                "create table if not exists MARKER.done (finished timestamptz not null default now(), source text not null);" \
                "insert into MARKER.done (source) values (:'source');" | tgt_sql -v source="$1" -f -
            }
            if [ "$(tgt_sql -c "select count(*) from pg_tables where schemaname = 'MARKER' and tablename = 'done'")" = 1 ]; then
              echo "already copied: $(tgt_sql -c 'select finished from MARKER.done limit 1')"; exit 0
            fi
            # The source takes no more writes: new sessions are read-only, the open ones are ended (their writes fail
            # loudly in the application instead of being lost after the dump). Undone if this run fails; kept after a
            # copy, for the release that moves the application to the new database. (A run after a cut-off one finds it
            # read-only already: this session sets itself writable first.)
            src_sql -v db="$SOURCE_DB" -f - >/dev/null <<'SQL'
            set default_transaction_read_only = off;
            alter database :"db" set default_transaction_read_only = on;
            select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = :'db' and pid <> pg_backend_pid();
            SQL
            thaw() {
              src_sql -v db="$SOURCE_DB" -f - <<'SQL'
            set default_transaction_read_only = off;
            alter database :"db" reset default_transaction_read_only;
            SQL
            }
            trap 'rc=$?; if [ "$rc" != 0 ]; then thaw || echo "could not make $SOURCE_DB writable again" >&2; fi' EXIT
            source_print="$(fingerprint src_sql)"
            objects="$(tgt_sql -c "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and n.nspname not in ('pg_catalog', 'information_schema', 'MARKER') and n.nspname not like 'pg_toast%'")"
            clean=""
            if [ "$objects" != 0 ]; then
              if [ "$(fingerprint tgt_sql)" = "$source_print" ]; then
                done_marker "$SOURCE_HOST/$SOURCE_DB"; echo "the copy was complete; marked done"; exit 0
              fi
              if [ "${REPLACE:-false}" != true ]; then
                echo "the target database $TARGET_DB already holds $objects objects that are not a copy of $SOURCE_DB: refused (set REPLACE=true to overwrite them)" >&2; exit 1
              fi
              clean="--clean --if-exists"
            fi
            # Roles the target lacks, without passwords; the target's own roles are left as they are.
            src_sql -c "select format('do \\$r\\$ begin if not exists (select from pg_roles where rolname = %L) then create role %I %s; end if; end \\$r\\$;', rolname, rolname, case when rolcanlogin then 'login' else 'nologin' end) from pg_roles where rolname !~ '^pg_' order by 1" | tgt_sql -f -
            src_sql -c "select format('grant %I to %I;', r.rolname, m.rolname) from pg_auth_members a join pg_roles r on r.oid = a.roleid join pg_roles m on m.oid = a.member where r.rolname !~ '^pg_' order by 1" | tgt_sql -f -
            # One transaction: a failure or a kill midway leaves the target as it was. Everything is owned by the target's
            # user, or by TARGET_OWNER where the job logs in as the target's superuser to create the roles.
            owner=(); if [ -n "${TARGET_OWNER:-}" ]; then owner=(--role "$TARGET_OWNER"); fi
            PGPASSWORD="$SOURCE_PASSWORD" pg_dump -Fc -h "$SOURCE_HOST" -p "$SOURCE_PORT" -U "$SOURCE_USER" -d "$SOURCE_DB" --no-password \\
              | PGPASSWORD="$TARGET_PASSWORD" pg_restore $clean --no-owner "${owner[@]}" --single-transaction --exit-on-error -h "$TARGET_HOST" -p "$TARGET_PORT" -U "$TARGET_USER" -d "$TARGET_DB" --no-password
            target_print="$(fingerprint tgt_sql)"
            if [ "$target_print" != "$source_print" ]; then
              echo "the copy differs from the source:" >&2
              diff <(printf '%s\\n' "$source_print") <(printf '%s\\n' "$target_print") >&2 || true
              exit 1
            fi
            done_marker "$SOURCE_HOST/$SOURCE_DB"
            echo "copied and checked: $(printf '%s\\n' "$source_print" | grep -vc '^large objects \\|^sequence ') tables, their sequences and large objects"
            """;

    /** The script, for {@code bash -c}. */
    public static String script() {
        return SCRIPT.replace("FINGERPRINT\n", FINGERPRINT).replace("MARKER", MARKER);
    }
}
