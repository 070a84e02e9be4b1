package io.pgbackupwizard.generate.kots;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.model.WizardInput;

/**
 * Values for the vendor's own application chart that give it the database connection, as the part of its KOTS
 * HelmChart spec that picks them by the customer's choice: {@code optionalValues} entries whose {@code when} is
 * the same {@code ConfigOptionEquals} the PostgreSQL HelmChart's {@code exclude} uses. The keys under
 * {@code database} are a suggestion: the vendor renames them to what their chart reads.
 */
public final class AppDatabaseValues {
    private AppDatabaseValues() {
    }

    /**
     * The port (a string, like the external one from the Config) the Bitnami chart's service listens on unless its values
     * change it (the wizard does not).
     */
    public static final int EMBEDDED_PORT = 5432;

    public static Map<String, Object> build(WizardInput in) {
        return build(in, embeddedHost(in), Map.of("password", KotsTemplates.configOption(in.passwordOption())));
    }

    /** With the embedded database at this Service (during a move off Bitnami: the migration chart's gate). */
    public static Map<String, Object> build(WizardInput in, String service) {
        return build(in, service + ".repl{{ Namespace }}.svc",
                Map.of("password", KotsTemplates.configOption(in.passwordOption())));
    }

    /**
     * @param host the embedded database's Service
     * @param password how the application gets the embedded password: its value, or where a Secret keeps it
     */
    public static Map<String, Object> build(WizardInput in, String host, Map<String, Object> password) {
        Map<String, Object> embedded = map("host", host, "port", String.valueOf(EMBEDDED_PORT),
                "user", in.username(), "name", in.database());
        embedded.putAll(password);
        if (!in.allowExternal()) {
            // No choice on the config screen: the connection is always the embedded one.
            return map("values", map("database", embedded));
        }
        Map<String, Object> external = map(
                "host", KotsTemplates.configOption(in.externalItem("host")),
                "port", KotsTemplates.configOption(in.externalItem("port")),
                "user", KotsTemplates.configOption(in.externalItem("user")),
                "name", KotsTemplates.configOption(in.externalItem("db")),
                "password", KotsTemplates.configOption(in.externalItem("password")));
        return map("optionalValues", List.of(
                map("when", KotsTemplates.configOptionEquals(in.typeOption(), in.embeddedValue()),
                        "recursiveMerge", true, "values", map("database", embedded)),
                map("when", KotsTemplates.configOptionEquals(in.typeOption(), in.externalValue()),
                        "recursiveMerge", true, "values", map("database", external))));
    }

    /** The PostgreSQL chart's service in the application's namespace, as KOTS installs it. */
    public static String embeddedHost(WizardInput in) {
        return fullname(releaseName(in), in.family().chartName()) + ".repl{{ Namespace }}.svc";
    }

    /**
     * KOTS installs the chart under spec(.chart).releaseName, which the HelmChart sets to the name unless it is the chart's
     * own.
     */
    static String releaseName(WizardInput in) {
        return in.name();
    }

    /** The chart's fullname: see {@link ChartFamily#fullname}. */
    public static String fullname(String releaseName, String chart) {
        return ChartFamily.fullname(releaseName, chart);
    }
}
