package io.pgbackupwizard.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.testsupport.TestParams;

/** What the wizard accepts, what it rejects, and how it tells the user. */
class WizardInputParserTest {

    final WizardInputParser parser = new WizardInputParser();

    /** @param paramsAndValues parameter names and values, alternating */
    WizardInputParser.Result parse(String... paramsAndValues) {
        Map<String, List<String>> params = TestParams.of(paramsAndValues);
        return parser.parse(params);
    }

    WizardInput valid(String... paramsAndValues) {
        WizardInputParser.Result r = parse(paramsAndValues);
        assertTrue(r.ok(), () -> "expected valid, got " + r.errors());
        return r.input();
    }

    /** Asserts exactly one error, for that parameter, mentioning the phrase; returns its message. */
    String onlyError(WizardInputParser.Result r, String param, String mentions) {
        assertFalse(r.ok(), "rejected");
        assertNull(r.input(), "no input for rejected parameters");
        assertEquals(1, r.errors().size(), () -> "exactly one error: " + r.errors());
        FieldError e = r.errors().get(0);
        assertEquals(param, e.field(), () -> "the error names the parameter: " + e);
        assertTrue(e.message().contains(mentions), () -> "message mentions '" + mentions + "': " + e.message());
        return e.message();
    }

    /** Spaces around a value come from a paste: trimmed before the rules, and the share link carries the trimmed value. */
    @Test
    void leadingAndTrailingSpacesAreTrimmed() {
        WizardInputParser.Result r = parse("username", "  orders\t", "hookTimeout", " 45m ", "scratchSize", "2Gi ");
        assertTrue(r.ok(), () -> "" + r.errors());
        assertEquals("orders", r.input().username());
        assertEquals("45m", r.input().hookTimeout());
        assertEquals("orders", r.values().get("username"));
        assertEquals("2Gi", r.values().get("scratchSize"));
        // Inside a value a space is still a mistake.
        assertFalse(parse("username", "ord ers").ok());
    }

    @Nested
    class Defaults {

        @Test
        void noParametersGiveAReleaseThatInstallsIn2026() {
            WizardInput in = valid();
            assertAll(
                    () -> assertEquals("postgresql", in.name()),
                    () -> assertEquals(ApiVersion.V1BETA2, in.apiVersion()),
                    () -> assertEquals("17.1.0", in.chartVersion().text()),
                    () -> assertEquals("PASSWORD_FILES", in.chart().layout()),
                    () -> assertTrue(in.allowExternal()),
                    () -> assertEquals("postgres_type", in.typeOption()),
                    () -> assertEquals("embedded_postgres", in.embeddedValue()),
                    () -> assertEquals("external_postgres", in.externalValue()),
                    () -> assertEquals("username", in.username()),
                    () -> assertEquals("dbname", in.database()),
                    () -> assertEquals("embedded_postgres_password", in.passwordOption()),
                    () -> assertEquals("1Gi", in.scratchSize()),
                    () -> assertEquals(ScratchMedium.Disk, in.scratchMedium()),
                    () -> assertEquals("/scratch", in.mountPath()),
                    () -> assertEquals("30m", in.hookTimeout()),
                    () -> assertEquals(OnError.Fail, in.onError()),
                    () -> assertTrue(in.restoreHook()),
                    () -> assertEquals("10m", in.restoreWaitTimeout()),
                    () -> assertEquals("10m", in.restoreExecTimeout()),
                    () -> assertEquals("docker.io/bitnamilegacy/postgresql", in.image().reference()),
                    () -> assertEquals("1", in.resources().cpu().text()),
                    () -> assertEquals("512Mi", in.resources().memory().text()),
                    () -> assertEquals("2048Mi", in.resources().ephemeralStorage().text()));
        }

        @Test
        void everyDefaultIsItselfValidWhenGivenExplicitly() {
            Map<String, List<String>> all = Arrays.stream(Field.values())
                    .collect(Collectors.toMap(Field::param, f -> List.of(f.defaultValue())));
            WizardInputParser.Result explicit = parser.parse(all);
            assertTrue(explicit.ok(), () -> explicit.errors().toString());
            assertEquals(valid(), explicit.input());
        }

        @Test
        void theValuesEchoEveryParameterWithItsDefault() {
            Map<String, String> values = parse().values();
            assertEquals(Field.params(), List.copyOf(values.keySet()));
            for (Field f : Field.values())
                assertEquals(f.defaultValue(), values.get(f.param()), f.param());
        }

        @Test
        void anOperatorCanChangeADefault() {
            WizardInputParser custom = new WizardInputParser(Map.of(Field.CHART_VERSION, "16.7.27"));
            assertEquals("16.7.27", custom.defaultValue(Field.CHART_VERSION));
            assertEquals("PASSWORD_FILES", custom.parse(Map.of()).input().chart().layout());
            assertEquals("postgresql", custom.parse(Map.of()).input().name(), "other defaults unchanged");
        }
    }

    @Nested
    class EveryFieldRejectsBadValues {

        static Stream<BadValues.Bad> badValues() {
            return BadValues.all();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badValues")
        void aBadValueGivesOneErrorNamingTheField(BadValues.Bad bad) {
            WizardInputParser.Result r = parse(bad.param(), bad.value());
            onlyError(r, bad.param(), bad.messageMentions());
            assertEquals(bad.value(), r.values().get(bad.param()), "the value is kept to show it back to the user");
        }

        static Stream<Field> requiredFields() {
            return Arrays.stream(Field.values()).filter(f -> !f.defaultValue().isEmpty());
        }

        @ParameterizedTest
        @MethodSource("requiredFields")
        void anEmptyValueIsRejectedWithTheRule(Field f) {
            String message = onlyError(parse(f.param(), ""), f.param(), "must not be empty");
            assertTrue(message.contains(f.rule()), message);
        }

        @ParameterizedTest
        @EnumSource(Field.class)
        void anOverlongValueIsRejectedBeforeAnyRule(Field f) {
            onlyError(parse(f.param(), "a".repeat(WizardInputParser.MAX_VALUE_LENGTH + 1)), f.param(), "too long");
        }

        @Test
        void everyProblemIsReportedAtOnceNotJustTheFirst() {
            Map<String, List<String>> params = BadValues.all()
                    .collect(Collectors.toMap(BadValues.Bad::param, b -> List.of(b.value())));
            WizardInputParser.Result r = parser.parse(params);
            assertEquals(Field.params().stream().sorted().toList(),
                    r.errors().stream().map(FieldError::field).sorted().toList());
        }
    }

    @Nested
    class Quantities {
        @ParameterizedTest
        @ValueSource(strings = { "1Gi", "512Mi", "1.5Gi", "2G" })
        void kubernetesQuantitiesAreAccepted(String size) {
            assertEquals(size, valid("scratchSize", size).scratchSize(), "kept as written");
        }

        @ParameterizedTest
        @CsvSource({ "0, greater than zero", "0Gi, greater than zero", "-1Gi, quantity", "1GB, quantity", "Gi, quantity",
                "1 Gi, quantity" })
        void othersAreRejected(String size, String mentions) {
            onlyError(parse("scratchSize", size), "scratchSize", mentions);
        }
    }

    @Nested
    class Durations {
        @ParameterizedTest
        @ValueSource(strings = { "3m", "1h30m", "90s", "1500ms", "1.5h", "2562047h" })
        void goDurationsAreAccepted(String d) {
            assertEquals(d, valid("hookTimeout", d).hookTimeout());
            assertEquals(d, valid("restoreWaitTimeout", d).restoreWaitTimeout());
            assertEquals(d, valid("restoreExecTimeout", d).restoreExecTimeout());
        }

        @ParameterizedTest
        @CsvSource({
                "300,       bare number", // Velero would silently use 30s
                "0s,        greater than zero",
                "-1m,       Go duration", // negative: never times out
                "1d,        Go duration", // Go has no days
                "3M,        Go duration",
                "2562048h,  longer than Go can represent" })
        void othersAreRejected(String d, String mentions) {
            for (String param : List.of("hookTimeout", "restoreWaitTimeout", "restoreExecTimeout")) {
                onlyError(parse(param, d), param, mentions);
            }
        }
    }

    @Nested
    class ChartVersions {
        @ParameterizedTest
        @ValueSource(strings = { "8.7.4", "17.1.0", "16.6.0", "8.0.0", "10.16.3" })
        void semanticVersionsFrom8AreAccepted(String v) {
            assertEquals(v, valid("chartVersion", v).chartVersion().text());
        }

        @ParameterizedTest
        @CsvSource({ "7.0.0, before 8.0.0", "16.7, semantic version", "v16.7.27, semantic version",
                "16.07.1, semantic version", "latest, semantic version" })
        void othersAreRejected(String v, String mentions) {
            onlyError(parse("chartVersion", v), "chartVersion", mentions);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "8.0.0,   MASTER",
                "9.99.0,  MASTER",
                "10.0.0,  PRIMARY",
                "10.16.3, PRIMARY",
                "11.0.0,  AUTH",
                "16.5.9,  AUTH",
                "16.6.0,  PASSWORD_FILES",
                "17.1.0,  PASSWORD_FILES" })
        void theVersionDecidesTheValuesLayout(String v, String expected) {
            assertEquals(expected, valid("chartVersion", v).chart().layout());
        }

        /** Left empty, the version is the newest the chosen family's facts were checked against. */
        @Test
        void anEmptyVersionIsTheFamilysNewestKnown() {
            assertEquals("17.1.0", valid().chartVersion().text());
            assertEquals("0.20.1", valid("chartFamily", "cloudpirates").chartVersion().text());
            assertEquals("TOP_LEVEL", valid("chartFamily", "cloudpirates").chart().layout());
        }

        /** A version is read against the chosen family: CloudPirates' 0.x facts start at 0.16.2, Bitnami has no 0.x. */
        @Test
        void theVersionMustBeOneTheChosenFamilyHas() {
            onlyError(parse("chartFamily", "cloudpirates", "chartVersion", "0.15.0"), "chartVersion",
                    "CloudPirates postgres chart versions before 0.16.2 are not supported");
            onlyError(parse("chartVersion", "0.20.1"), "chartVersion",
                    "Bitnami postgresql chart versions before 8.0.0 are not supported");
            assertEquals("0.16.2", valid("chartFamily", "cloudpirates", "chartVersion", "0.16.2").chartVersion().text());
            // A Bitnami number with the family switched to CloudPirates is caught, not made into a CloudPirates 17.1.0.
            onlyError(parse("chartFamily", "cloudpirates", "chartVersion", "17.1.0"), "chartVersion",
                    "CloudPirates postgres has no chart 17.1.0 that the wizard knows of (newest known: 0.20.1); is it a"
                            + " Bitnami postgresql version (chartFamily bitnami)?");
            assertEquals("1.0.0", valid("chartFamily", "cloudpirates", "chartVersion", "1.0.0").chartVersion().text(),
                    "the next major may still fit the facts (a note says so)");
            assertEquals("18.11.3", valid("chartVersion", "18.11.3").chartVersion().text(), "Bitnami's OCI 18.x");
        }

        /** The official image makes the chart's user the superuser: there is no postgres role to log in as. */
        @Test
        void postgresHooksAreRefusedWhereTheImageHasNoSuchRole() {
            onlyError(parse("chartFamily", "cloudpirates", "hookUser", "postgres"), "hookUser",
                    "must be app on CloudPirates postgres");
        }
    }

    @Nested
    class ParameterNames {

        @Test
        void anUnknownParameterIsAnErrorNotSilentlyIgnored() {
            // A typo must not fall back to the default chart version.
            String message = onlyError(parse("chartversion", "16.7.27"), "chartversion", "unknown parameter");
            assertTrue(message.contains("chartVersion"), "lists the known names: " + message);
        }

        @Test
        void aHostileParameterNameIsEchoedShortAndPrintable() {
            WizardInputParser.Result r = parse("\u0000<script>" + "x".repeat(200), "1");
            assertEquals(1, r.errors().size());
            String field = r.errors().get(0).field();
            assertTrue(field.length() <= 43, field);
            assertTrue(field.chars().allMatch(c -> c >= 0x20 && c < 0x7f), field);
        }

        @Test
        void aRepeatedParameterIsAnError() {
            WizardInputParser.Result r = parser.parse(Map.of("name", List.of("a", "b")));
            onlyError(r, "name", "more than once");
        }

        @Test
        void aFloodOfUnknownNamesGivesAFewShortErrors() {
            Map<String, List<String>> flood = new LinkedHashMap<>();
            for (int i = 0; i < 60; i++)
                flood.put("x" + i, List.of("1"));
            WizardInputParser.Result r = parser.parse(flood);
            assertEquals(WizardInputParser.MAX_UNKNOWN_REPORTED + 1, r.errors().size(), () -> "errors: " + r.errors());
            String all = r.errors().toString();
            assertEquals(1, all.split("chartVersion", -1).length - 1, "the known names are listed once: " + all);
            assertTrue(r.errors().get(r.errors().size() - 1).message().contains("55 more unknown"), all);
        }

        @Test
        void tooManyParametersAreRefusedWithOneError() {
            Map<String, List<String>> flood = new LinkedHashMap<>();
            for (int i = 0; i < 5000; i++)
                flood.put("x" + i, List.of("1"));
            WizardInputParser.Result r = parser.parse(flood);
            onlyError(r, "parameters", "too many (5000; at most " + WizardInputParser.MAX_PARAMETERS + ")");
        }

        @Test
        void unknownAndBadParametersAreAllReported() {
            WizardInputParser.Result r = parse("nmae", "db", "onError", "fail");
            assertEquals(List.of("nmae", "onError"), r.errors().stream().map(FieldError::field).sorted().toList());
        }
    }

    /** The Config defines the radio, the password and the external items side by side: names must differ. */
    @Nested
    class DistinctConfigItems {

        @Test
        void embeddedAndExternalChoicesDiffer() {
            onlyError(parse("embeddedValue", "pg", "externalValue", "pg"), "externalValue", "differ from embeddedValue");
        }

        @Test
        void passwordOptionDiffersFromTypeOption() {
            onlyError(parse("passwordOption", "db", "typeOption", "db"), "passwordOption", "differ from typeOption");
        }

        @Test
        void externalItemsDoNotClashWithTheRadio() {
            onlyError(parse("externalValue", "db", "typeOption", "db_host"), "externalValue", "db_host");
        }

        @Test
        void externalItemsDoNotClashWithThePassword() {
            onlyError(parse("passwordOption", "external_postgres_password"), "externalValue", "external_postgres_password");
        }

        @Test
        void withoutExternalPostgresThereAreNoExternalItemsToClash() {
            assertEquals("external_postgres_password",
                    valid("allowExternal", "false", "passwordOption", "external_postgres_password").passwordOption());
        }
    }
}
