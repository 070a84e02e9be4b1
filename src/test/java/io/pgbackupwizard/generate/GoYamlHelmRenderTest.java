package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.testsupport.ChartRenderer;

/**
 * The chart's values as the wizard writes them, read by Helm's own Go YAML reader (helm-java carries Helm as
 * a native library): user and database names Go would take for numbers or booleans must reach the rendered
 * StatefulSet's env as the exact strings, for every chart version in the reference directory.
 */
@Tag("slow")
class GoYamlHelmRenderTest {

    /** Names PostgreSQL accepts that Go's yaml.v2 reads as non-strings (underscores are dropped before ParseInt/ParseFloat). */
    static final List<String> GO_NUMBERS = List.of("1e3_", "0_x1F", "8.5E_7", "1_0", "_1", "1_", "0_o17", "0_b101",
            "0x_1F", "1e_3", "1_e3", "1.5_", "_1.5", "0_7", "0_9", "1__2", "1e-3", "1_e-3", "0_X1f", "0_B1", "0_O7",
            "9_223_372_036_854_775_808", "1.", "_0x1F", "y", "N");

    static List<String> chartVersions() {
        return ChartRenderer.versions();
    }

    @ParameterizedTest
    @MethodSource("chartVersions")
    @SuppressWarnings("unchecked")
    void namesGoReadsAsNumbersReachTheChartAsTheExactStrings(String chartVersion) {
        List<String> wrong = new ArrayList<>();
        for (String name : GO_NUMBERS) {
            Generated g = Generated.with("chartVersion", chartVersion, "database", name, "username", name);
            ChartRenderer.Rendered r = ChartRenderer.renderYaml(chartVersion, "postgresql",
                    ManifestYaml.dump((Map<String, Object>) withoutKotsTemplates(g.values()))).requireOk();
            Map<String, String> env = statefulSetEnv(r.ofKind("StatefulSet"));
            if (!name.equals(env.get("POSTGRES_DB"))
                    && !name.equals(env.get("POSTGRES_DATABASE")))
                wrong.add(name + " -> database " + env.get("POSTGRES_DB") + "/" + env.get("POSTGRES_DATABASE"));
            if (!name.equals(env.get("POSTGRES_USER")))
                wrong.add(name + " -> user " + env.get("POSTGRES_USER"));
        }
        assertEquals(List.of(), wrong, "names Helm read as something else");
    }

    /** KOTS renders repl{{ ... }} before Helm sees the values (charts that tpl values would fail on them). */
    @SuppressWarnings("unchecked")
    static Object withoutKotsTemplates(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, withoutKotsTemplates(x)));
            return out;
        }
        if (v instanceof List<?> l)
            return l.stream().map(GoYamlHelmRenderTest::withoutKotsTemplates).toList();
        if (v instanceof String s && s.contains("{{"))
            return "rendered-by-kots";
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> statefulSetEnv(List<Map<String, Object>> statefulSets) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> m : statefulSets) {
            Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) m.get("spec"))
                    .get("template")).get("spec");
            for (Object c : (List<Object>) podSpec.get("containers")) {
                for (Object e : (List<Object>) ((Map<String, Object>) c).getOrDefault("env", List.of())) {
                    Map<String, Object> var = (Map<String, Object>) e;
                    if (var.get("value") != null)
                        env.put((String) var.get("name"), String.valueOf(var.get("value")));
                }
            }
        }
        assertTrue(!env.isEmpty(), "no StatefulSet env in the rendered chart");
        return env;
    }
}
