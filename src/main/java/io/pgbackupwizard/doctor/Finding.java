package io.pgbackupwizard.doctor;

/**
 * One pitfall found in a manifest.
 *
 * @param rule stable id of the rule that found it (e.g. HOOK_NOT_JSON_ARRAY), for scripts and tests
 * @param path YAML path of the value at fault, or of the map where a key is missing
 * @param line 1-based line of that value (or of the nearest existing parent); 0 when unknown
 * @param problem what goes wrong in the cluster
 * @param fix what to write instead
 */
public record Finding(String rule, Severity severity, String path, int line, String problem, String fix) {
}
