package io.pgbackupwizard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.model.ApiVersion;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.WizardInputParser;

/** The web layer's one entry to the core: parse, generate, count. Holds no per-user state. */
@ApplicationScoped
public class WizardService {

    private final WizardInputParser parser;
    private final Map<String, Map<ApiVersion, Counter>> generated = new HashMap<>();

    WizardService(WizardConfig config, MeterRegistry registry) {
        Map<Field, String> overrides = config.defaultChartVersion()
                .map(v -> Map.of(Field.CHART_VERSION, v)).orElse(Map.of());
        WizardInputParser withOverrides = new WizardInputParser(overrides);
        if (!withOverrides.parse(Map.of()).ok()) {
            throw new IllegalStateException("wizard.default-chart-version is not a valid chart version: "
                    + overrides.get(Field.CHART_VERSION));
        }
        this.parser = withOverrides;
        // Every layout of every family is registered up front (a known, bounded set of series).
        for (String layout : java.util.Arrays.stream(ChartFamily.values())
                .flatMap(f -> f.table().rows().values().stream().map(ChartFacts::layout)).distinct().toList()) {
            Map<ApiVersion, Counter> byApi = new EnumMap<>(ApiVersion.class);
            for (ApiVersion api : ApiVersion.values()) {
                byApi.put(api, Counter.builder("wizard.manifests.generated")
                        .description(
                                "Releases generated for a download or an API call (not page views), by chart generation and KOTS API version")
                        .tag("chart_generation", layout.toLowerCase())
                        .tag("api_version", api.value())
                        .register(registry));
            }
            generated.put(layout, byApi);
        }
    }

    public WizardInputParser.Result parse(Map<String, List<String>> params) {
        return parser.parse(params);
    }

    public String defaultValue(Field field) {
        return parser.defaultValue(field);
    }

    /** Generates the release for valid input and counts it: for downloads and API calls. */
    public Release generate(WizardInputParser.Result parsed) {
        Release release = Release.of(parsed.input());
        generated.get(parsed.input().chart().layout()).get(parsed.input().apiVersion()).increment();
        return release;
    }

    /** Generates the release for valid input without counting it: page views and live-preview refreshes. */
    public Release preview(WizardInputParser.Result parsed) {
        return Release.of(parsed.input());
    }

    /** Query string of the values that differ from the defaults: what a shareable link needs. */
    public String queryString(Map<String, String> values) {
        StringJoiner q = new StringJoiner("&");
        for (Field f : Field.values()) {
            String v = values.get(f.param());
            if (v != null && !v.equals(parser.defaultValue(f))) {
                q.add(f.param() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
