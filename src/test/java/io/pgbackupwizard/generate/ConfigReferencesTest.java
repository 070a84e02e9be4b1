package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.list;
import static io.pgbackupwizard.testsupport.ManifestView.map;
import static io.pgbackupwizard.testsupport.ManifestView.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.testsupport.Matrix;

/**
 * The HelmChart and the Config fit together: every config option a template names is an item of the Config,
 * and every value a template compares an option with is one of that radio's choices. KOTS does not check
 * this at release time; a dangling name renders as empty and silently changes what gets installed.
 */
class ConfigReferencesTest {

    /** A KOTS template call naming a config item; arguments in double quotes or backticks. */
    static final Pattern REFERENCE = Pattern.compile(
            "\\b(ConfigOptionNotEquals|ConfigOptionEquals|ConfigOption)\\s+([\"`])([^\"`]*)\\2(?:\\s+([\"`])([^\"`]*)\\4)?");

    record Reference(String function, String item, String value, String where) {
    }

    static List<Reference> references(Map<String, Object> manifest) {
        List<Reference> refs = new ArrayList<>();
        strings(manifest).forEach((path, s) -> {
            Matcher m = REFERENCE.matcher(s);
            while (m.find())
                refs.add(new Reference(m.group(1), m.group(3), m.group(5), path));
        });
        return refs;
    }

    /** Config items by name, across all groups. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> items(Map<String, Object> config) {
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        for (Object group : list(config, "spec", "groups")) {
            for (Object item : list((Map<String, Object>) group, "items")) {
                Map<String, Object> i = (Map<String, Object>) item;
                assertNull(items.put((String) i.get("name"), i), () -> "item names are unique: " + i.get("name"));
            }
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    static List<String> choices(Map<String, Object> radio) {
        return ((List<Map<String, Object>>) radio.get("items")).stream().map(c -> (String) c.get("name")).toList();
    }

    static Stream<Generated> variants() {
        Stream<Generated> combinations = Matrix.chartVersionPerFactsRow().stream()
                .flatMap(v -> Stream.of("kots.io/v1beta1", "kots.io/v1beta2")
                        .flatMap(api -> Stream.of("true", "false")
                                .map(ext -> Generated.with("chartVersion", v, "apiVersion", api, "allowExternal", ext))));
        Stream<Generated> renamed = Stream.of("true", "false").map(ext -> Generated.with("allowExternal", ext,
                "typeOption", "db_location", "embeddedValue", "in_cluster", "externalValue", "managed",
                "passwordOption", "db_secret"));
        return Stream.concat(combinations, renamed);
    }

    static void assertResolves(List<Reference> refs, Map<String, Map<String, Object>> items) {
        for (Reference ref : refs) {
            Map<String, Object> item = items.get(ref.item());
            assertNotNull(item, () -> ref + ": no such config item; items are " + items.keySet());
            if (ref.function().equals("ConfigOption")) {
                assertNull(ref.value(), () -> ref + ": ConfigOption takes one argument");
            } else {
                assertNotNull(ref.value(), () -> ref + ": " + ref.function() + " takes an item and a value");
                assertEquals("radio", item.get("type"), () -> ref + ": compared with a value, so a radio");
                assertTrue(choices(item).contains(ref.value()),
                        () -> ref + ": " + ref.value() + " is not a choice of " + ref.item() + " " + choices(item));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyOptionTheHelmChartNamesIsAConfigItem(Generated g) {
        List<Reference> refs = references(g.helmChart());
        Set<String> named = refs.stream().map(Reference::item).collect(Collectors.toSet());
        Set<String> expected = g.input().allowExternal()
                ? Set.of(g.input().typeOption(), g.input().passwordOption())
                : Set.of(g.input().passwordOption());
        assertEquals(expected, named, "the options the chart depends on");
        assertResolves(refs, items(g.config()));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void theConfigsOwnConditionsNameItsOwnItems(Generated g) {
        List<Reference> refs = references(g.config());
        assertEquals(g.input().allowExternal() ? 5 : 0, refs.size(), () -> "one `when` per external item: " + refs);
        assertResolves(refs, items(g.config()));
    }

    @Test
    void theReferencePatternReadsBothQuotingStyles() {
        List<Reference> refs = references(Map.of("a", "repl{{ ConfigOptionEquals `t` `x` }} {{repl ConfigOption \"p\" }}"
                + " repl{{ ConfigOptionNotEquals \"t\" \"y\" }}"));
        assertEquals(List.of(new Reference("ConfigOptionEquals", "t", "x", "a"), new Reference("ConfigOption", "p", null, "a"),
                new Reference("ConfigOptionNotEquals", "t", "y", "a")), refs);
    }

    @Test
    void aDanglingReferenceIsCaught() {
        Generated g = Generated.defaults();
        List<Reference> refs = List
                .of(new Reference("ConfigOptionEquals", "postgres_type", "externa_postgres", "spec.exclude"));
        assertThrowsAssertion(() -> assertResolves(refs, items(g.config())));
        List<Reference> missing = List.of(new Reference("ConfigOption", "no_such_item", null, "x"));
        assertThrowsAssertion(() -> assertResolves(missing, items(g.config())));
    }

    static void assertThrowsAssertion(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, r::run);
    }

    @Nested
    class WithExternalPostgres {
        final Generated g = Generated.defaults();
        final Map<String, Map<String, Object>> items = items(g.config());

        @Test
        void theChoiceIsARadioDefaultingToEmbedded() {
            Map<String, Object> radio = items.get("postgres_type");
            assertNotNull(radio, () -> "items: " + items.keySet());
            assertEquals("radio", radio.get("type"), "radio, not the deprecated select_one");
            assertEquals("embedded_postgres", radio.get("default"));
            assertEquals(List.of("embedded_postgres", "external_postgres"), choices(radio));
        }

        @Test
        void theEmbeddedPasswordIsGeneratedHiddenAndNeverShown() {
            Map<String, Object> password = items.get("embedded_postgres_password");
            assertNotNull(password, () -> "items: " + items.keySet());
            assertEquals("password", password.get("type"));
            assertEquals(true, password.get("hidden"));
            assertEquals("repl{{ RandomString 32 }}", password.get("value"));
        }

        @Test
        void externalConnectionItemsShowOnlyForExternal() {
            Set<String> external = Set.of("external_postgres_host", "external_postgres_port", "external_postgres_user",
                    "external_postgres_password", "external_postgres_db");
            assertTrue(items.keySet().containsAll(external), () -> "items: " + items.keySet());
            for (String name : external) {
                assertEquals("repl{{ ConfigOptionEquals \"postgres_type\" \"external_postgres\" }}",
                        items.get(name).get("when"),
                        name);
            }
            assertEquals("password", items.get("external_postgres_password").get("type"), "masked on the config screen");
            assertEquals("5432", items.get("external_postgres_port").get("default"));
        }

        @Test
        void everyItemHasATypeKotsKnows() {
            Set<String> kotsTypes = Set.of("bool", "dropdown", "file", "heading", "label", "password", "radio", "text",
                    "textarea");
            items.forEach((name, item) -> assertTrue(kotsTypes.contains((String) item.get("type")), () -> name + ": " + item));
        }

        Pattern portPattern() {
            String pattern = (String) map(items.get("external_postgres_port"), "validation", "regex").get("pattern");
            assertNotNull(pattern);
            assertNotNull(map(items.get("external_postgres_port"), "validation", "regex").get("message"));
            return Pattern.compile(pattern);
        }

        /** KOTS matches with Go's regexp.MatchString: a search, so the pattern anchors itself. */
        @ParameterizedTest
        @ValueSource(strings = { "5432", "65535", "1", "80", "6432", "9999", "10000", "59999", "65529" })
        void portValidationAcceptsPorts(String port) {
            assertTrue(portPattern().matcher(port).find(), port);
        }

        @ParameterizedTest
        @ValueSource(strings = { "0", "65536", "70000", "99999", "abc", "", "-1", "05432", "5432 ", " 5432", "54321a", "1.5" })
        void portValidationRejectsEverythingElse(String notAPort) {
            assertFalse(portPattern().matcher(notAPort).find(), () -> "accepted: '" + notAPort + "'");
        }

        @Test
        void theDefaultPortPassesItsOwnValidation() {
            assertTrue(portPattern().matcher((String) items.get("external_postgres_port").get("default")).find());
        }
    }

    @Nested
    class WithoutExternalPostgres {
        final Generated g = Generated.with("allowExternal", "false");

        @Test
        void theConfigHoldsOnlyTheGeneratedPassword() {
            Map<String, Map<String, Object>> items = items(g.config());
            assertEquals(Set.of("embedded_postgres_password"), items.keySet());
            assertFalse(items.values().stream().anyMatch(i -> "radio".equals(i.get("type"))), "no choice to make");
        }

        @Test
        void theHelmChartIsNeverExcluded() {
            assertFalse(map(g.helmChart(), "spec").containsKey("exclude"));
            assertFalse(g.release().text(ReleaseFile.HELMCHART).contains("external_postgres"));
            assertFalse(g.release().text(ReleaseFile.CONFIG).contains("external_postgres"));
        }
    }
}
