package io.pgbackupwizard.doctor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.chart.Quantity;
import io.pgbackupwizard.doctor.rules.DumpFormatRule;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.FieldError;
import io.pgbackupwizard.model.ImageSource;
import io.pgbackupwizard.model.ResourceLimits;
import io.pgbackupwizard.model.VeleroAnnotation;
import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.model.WizardInputParser;

/**
 * What the doctor can read from a HelmChart in the wizard's own parameter names, kept only where the wizard accepts
 * the value (its parser decides). Values it cannot read, or would refuse, are left to the wizard's defaults.
 */
public final class WizardPrefill {
    private WizardPrefill() {
    }

    private static final Pattern CONFIG_OPTION = Pattern.compile("ConfigOption\\s+[\"`]([^\"`]+)[\"`]");
    private static final Pattern CONFIG_OPTION_EQUALS = Pattern
            .compile("ConfigOptionEquals\\s+[\"`']([^\"`']+)[\"`']\\s+[\"`']([^\"`']+)[\"`']");

    /**
     * Findings whose problem is a value the wizard would take over from the file as it is, and the parameters that
     * carry it. The other findings are about how the file is written, which the wizard writes its own way anyway (an
     * image the chart's check refuses gets allowInsecureImages; an unpullable one is not read, and the wizard's page
     * warns about the chart's own).
     */
    public static final Map<String, List<Field>> FLAGGED_VALUES = Map.of(
            "NO_RESTORE_HOOK", List.of(Field.RESTORE_HOOK),
            "MEMORY_SCRATCH", List.of(Field.SCRATCH_MEDIUM),
            "MEMORY_SCRATCH_OVER_LIMIT", List.of(Field.SCRATCH_MEDIUM, Field.MEMORY_LIMIT));

    /** A value the wizard keeps from the file although a finding flagged it. */
    public record Kept(String param, String value, String rule) {
    }

    /** The accepted values (parameter -> value) and the parser's result for them. */
    public record Prefill(Map<String, String> params, WizardInputParser.Result parsed) {
        public String query() {
            return query(params);
        }

        /** The values the findings flagged that the wizard would keep as they are, each with the finding's id. */
        public List<Kept> kept(List<Finding> findings) {
            List<Kept> kept = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Finding f : findings) {
                for (Field field : FLAGGED_VALUES.getOrDefault(f.rule(), List.of())) {
                    String v = params.get(field.param());
                    if (v != null && seen.add(field.param()))
                        kept.add(new Kept(field.param(), v, f.rule()));
                }
            }
            return kept;
        }

        /** The wizard's link without the flagged values (its defaults instead), or "" when that is no valid input. */
        public String queryWithFixes(List<Kept> kept) {
            Map<String, String> fixed = new LinkedHashMap<>(params);
            kept.forEach(k -> fixed.remove(k.param()));
            return new WizardInputParser().parse(multi(fixed)).ok() ? query(fixed) : "";
        }

        private static String query(Map<String, String> values) {
            StringBuilder q = new StringBuilder();
            values.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return q.toString();
        }
    }

    public static Prefill of(Manifest m) {
        Map<String, String> read = read(m);
        read.keySet().retainAll(Field.params()); // names the wizard knows today
        // what the file cannot have said (hook settings of a cluster that backs itself up) is not read back
        read.keySet().removeIf(p -> Field.byParam(p).flatMap(f -> f.noEffectOn(m.family())).isPresent());
        WizardInputParser parser = new WizardInputParser();
        WizardInputParser.Result parsed = parser.parse(multi(read));
        for (int round = 0; round < 3 && !parsed.ok(); round++) {
            Set<String> refused = new HashSet<>();
            for (FieldError e : parsed.errors())
                refused.add(e.field());
            if (!read.keySet().removeAll(refused)) {
                read.clear(); // an error no single value explains: fall back to the defaults
            }
            parsed = parser.parse(multi(read));
        }
        if (parsed.ok() && dropComputedDefaults(read, parsed.input()))
            parsed = parser.parse(multi(read));
        return new Prefill(ordered(read), parsed);
    }

    /**
     * Image and limits the wizard would write anyway when left empty are left empty, so that the wizard keeps
     * computing them (a new scratch size moves the limits). Returns whether anything was dropped.
     */
    private static boolean dropComputedDefaults(Map<String, String> read, WizardInput in) {
        boolean dropped = false;
        ImageSource standard = ImageSource.of(in.chart(), "", "", "");
        if (standard.registry().equals(in.image().registry()) && standard.repository().equals(in.image().repository())
                && !read.containsKey("imageTag")) {
            dropped |= read.remove("imageRegistry") != null | read.remove("imageRepository") != null;
        }
        Quantity scratch = Quantity.parse(in.scratchSize());
        dropped |= dropIfEqual(read, "cpuLimit", ResourceLimits.CPU);
        dropped |= dropIfEqual(read, "memoryLimit", ResourceLimits.defaultMemory(scratch, in.scratchMedium()));
        dropped |= dropIfEqual(read, "ephemeralStorageLimit",
                ResourceLimits.defaultEphemeralStorage(scratch, in.scratchMedium()));
        return dropped;
    }

    private static boolean dropIfEqual(Map<String, String> read, String param, Quantity computed) {
        String v = read.get(param);
        if (v == null || Quantity.parse(v).compareTo(computed) != 0)
            return false;
        read.remove(param);
        return true;
    }

    private static Map<String, String> ordered(Map<String, String> read) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : Field.params())
            if (read.containsKey(p))
                out.put(p, read.get(p));
        return out;
    }

    private static Map<String, List<String>> multi(Map<String, String> values) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }

    static Map<String, String> read(Manifest m) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "name", m.root().at("metadata", "name").text());
        put(p, "apiVersion", m.root().get("apiVersion").text());
        if (m.family() != ChartFamily.BITNAMI)
            p.put("chartFamily", m.family().param());
        put(p, "chartVersion", m.spec().at("chart", "chartVersion").text());
        Matcher exclude = CONFIG_OPTION_EQUALS.matcher(m.spec().get("exclude").text().orElse(""));
        if (exclude.find()) {
            p.put("allowExternal", "true");
            p.put("typeOption", exclude.group(1));
            p.put("externalValue", exclude.group(2));
        } else {
            p.put("allowExternal", "false");
        }
        m.config().ifPresent(config -> embeddedChoice(config, p));
        Located credentials = credentials(m);
        Optional<ChartFacts> facts = m.facts();
        if (m.family() != ChartFamily.BITNAMI && facts.isPresent()) {
            // the family's own places, as its facts name them ({value: x} included)
            ChartFacts f = facts.get();
            put(p, "username", m.values().at(f.credential(f.usernameKey()).toArray(String[]::new)).text());
            put(p, "database", m.values().at(f.credential(f.databaseKey()).toArray(String[]::new)).text());
            Matcher option = CONFIG_OPTION
                    .matcher(m.values().at(f.credential(f.passwordKey()).toArray(String[]::new)).text().orElse(""));
            if (option.find())
                p.put("passwordOption", option.group(1));
        } else if (credentials.exists()) {
            boolean auth = credentials.path().endsWith("auth");
            put(p, "username", credentials.get(auth ? "username" : "postgresqlUsername").text());
            put(p, "database", credentials.get(auth ? "database" : "postgresqlDatabase").text());
            Matcher option = CONFIG_OPTION.matcher(credentials.get(auth ? "password" : "postgresqlPassword").text().orElse(""));
            if (option.find())
                p.put("passwordOption", option.group(1));
        }
        String volume = m.annotation(VeleroAnnotation.BACKUP_VOLUMES.key()).text().map(v -> v.split(",")[0].strip()).orElse("");
        Located scratch = m.volume(volume);
        if (scratch.exists()) {
            put(p, "scratchSize", scratch.at("emptyDir", "sizeLimit").text());
            p.put("scratchMedium", scratch.at("emptyDir", "medium").text().orElse("").equals("Memory") ? "Memory" : "Disk");
            put(p, "mountPath", m.volumeMount(volume).get("mountPath").text().map(s -> s.replaceAll("/+$", "")));
        }
        put(p, "hookTimeout", m.annotation(VeleroAnnotation.PRE_BACKUP_TIMEOUT.key()).text());
        put(p, "onError", m.annotation(VeleroAnnotation.PRE_BACKUP_ON_ERROR.key()).text());
        p.put("restoreHook", String.valueOf(m.annotation(HookCommand.RESTORE).exists()));
        put(p, "restoreWaitTimeout", m.annotation(VeleroAnnotation.RESTORE_WAIT_TIMEOUT.key()).text());
        put(p, "restoreExecTimeout", m.annotation(VeleroAnnotation.RESTORE_EXEC_TIMEOUT.key()).text());
        put(p, "restoreOnError", m.annotation(VeleroAnnotation.RESTORE_ON_ERROR.key()).text());
        p.put("installPath", "kots"); // a kots.io HelmChart: the KOTS path's files (Backup) go with it
        // sent with the Bitnami chart it replaces: the wizard writes the move off it
        m.companion(ChartFamily.BITNAMI.chartName()).filter(b -> m.family().migrationTarget()).ifPresent(b -> {
            put(p, "migrateFrom", b.at("spec", "chart", "chartVersion").text());
            put(p, "migrateFromRelease", b.at("spec", "releaseName").text()
                    .or(() -> b.at("spec", "chart", "releaseName").text()).or(() -> b.at("metadata", "name").text()));
        });
        String backup = m.annotation(VeleroAnnotation.PRE_BACKUP_COMMAND.key()).text().orElse("");
        HookCommand.of(m, HookCommand.BACKUP).flatMap(DumpFormatRule::archive)
                .ifPresent(archive -> p.put("dumpFormat", archive ? "custom" : "plain"));
        boolean superuser = backup.contains("POSTGRES_POSTGRES_PASSWORD")
                || (dumpsAsPostgres(m) && !"postgres".equals(p.get("username")));
        // The official image has no postgres role beside the chart's user: the wizard's hooks log in as that user.
        boolean onlyOneSuperuser = m.facts().map(ChartFacts::userIsSuperuser).orElse(false);
        if (backup.contains("pg_dump"))
            p.put("hookUser", superuser && !onlyOneSuperuser ? "postgres" : "app");
        Located image = m.values().get("image");
        put(p, "imageRegistry", image.get("registry").text());
        put(p, "imageRepository", image.get("repository").text());
        put(p, "imageTag", image.get("tag").text());
        m.values().at("cluster", "imageName").text().ifPresent(name -> clusterImage(name, p));
        Located limits = m.pod().at("resources", "limits");
        put(p, "cpuLimit", limits.get("cpu").text());
        put(p, "memoryLimit", limits.get("memory").text());
        put(p, "ephemeralStorageLimit", limits.get("ephemeral-storage").text());
        return p;
    }

    /** A CloudNativePG Cluster's one image reference, registry/repository:tag, as the wizard's three values. */
    private static void clusterImage(String reference, Map<String, String> p) {
        int slash = reference.indexOf('/');
        int colon = reference.lastIndexOf(':');
        if (slash < 0 || colon < reference.lastIndexOf('/'))
            return; // no registry or no tag: left to the wizard's default
        p.put("imageRegistry", reference.substring(0, slash));
        p.put("imageRepository", reference.substring(slash + 1, colon));
        p.put("imageTag", reference.substring(colon + 1));
    }

    private static void put(Map<String, String> p, String name, Optional<String> value) {
        value.map(String::strip).filter(v -> !v.isEmpty()).ifPresent(v -> p.put(name, v));
    }

    /** The credentials map the file actually uses (any generation's place). */
    private static Located credentials(Manifest m) {
        for (Located at : List.of(m.values().at("global", "postgresql", "auth"), m.values().get("auth"),
                m.values().at("global", "postgresql"))) {
            if (at.get("username").exists() || at.get("postgresqlUsername").exists())
                return at;
        }
        return m.values().at("global", "postgresql", "auth");
    }

    /** With the Config: the type option's other choice is the embedded one. */
    private static void embeddedChoice(Located config, Map<String, String> p) {
        String type = p.get("typeOption");
        String external = p.get("externalValue");
        if (type == null)
            return;
        for (Located group : config.at("spec", "groups").items()) {
            for (Located item : group.get("items").items()) {
                if (!item.get("name").text().orElse("").equals(type))
                    continue;
                for (Located choice : item.get("items").items()) {
                    String name = choice.get("name").text().orElse("");
                    if (!name.equals(external) && !name.isEmpty()) {
                        p.put("embeddedValue", name);
                        return;
                    }
                }
            }
        }
    }

    /** A pg_dump of the backup hook logs in as postgres (-U postgres, -Upostgres, --username[=]postgres). */
    static boolean dumpsAsPostgres(Manifest m) {
        for (ShellScript.Command c : HookCommand.of(m, HookCommand.BACKUP).map(HookCommand::commands).orElse(List.of())) {
            if (!c.name().equals("pg_dump"))
                continue;
            List<String> w = c.words();
            for (int i = 1; i < w.size(); i++) {
                String word = w.get(i);
                boolean next = (word.equals("-U") || word.equals("--username")) && i + 1 < w.size();
                String user = next ? w.get(i + 1)
                        : word.startsWith("--username=") ? word.substring(11)
                                : word.startsWith("-U") ? word.substring(2) : null;
                if ("postgres".equals(user))
                    return true;
            }
        }
        return false;
    }
}
