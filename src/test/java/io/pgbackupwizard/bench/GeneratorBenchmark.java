package io.pgbackupwizard.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.generate.hooks.Hooks;
import io.pgbackupwizard.generate.kots.HelmChartManifest;
import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.model.WizardInputParser;

/**
 * The generator core alone, without HTTP: parse a realistic non-default request and build the release
 * (hook commands plus the three YAML manifests, or the HelmChart alone). Score is releases per second, single thread;
 * run with {@code -prof gc} for gc.alloc.rate.norm (bytes allocated per release). Run it with {@code bench/run --jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
public class GeneratorBenchmark {

    /** The same values bench/run sends over HTTP: v1beta2, a 16.x chart, Disk scratch, non-default names. */
    static Map<String, List<String>> realisticParams() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("name", List.of("orders-db"));
        p.put("chartVersion", List.of("16.7.27"));
        p.put("apiVersion", List.of("kots.io/v1beta2"));
        p.put("username", List.of("orders"));
        p.put("database", List.of("orders"));
        p.put("scratchSize", List.of("4Gi"));
        p.put("scratchMedium", List.of("Disk"));
        p.put("hookTimeout", List.of("10m"));
        p.put("installPath", List.of("kots"));
        return p;
    }

    private WizardInputParser parser;
    private Map<String, List<String>> params;
    private Map<String, Object> helmChartModel;
    private DumperOptions stockOptions;

    @Setup
    public void setUp() {
        parser = new WizardInputParser();
        params = realisticParams();
        WizardInputParser.Result r = parser.parse(params);
        if (!r.ok())
            throw new IllegalStateException("benchmark input is invalid: " + r.errors());
        WizardInput in = r.input();
        helmChartModel = HelmChartManifest.build(in, Hooks.of(in));
        stockOptions = new DumperOptions();
        stockOptions.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        stockOptions.setSplitLines(false);
    }

    /**
     * Baseline for the ratios bench/run prints: only dumping the same, already built HelmChart model the stock
     * way ({@code new Yaml(options).dump}), with no parsing, validating, hook building or quoting rules.
     */
    @Benchmark
    public String baselineStockSnakeYamlDump() {
        return new Yaml(stockOptions).dump(helmChartModel);
    }

    /** All three files, as the page and the JSON API need them; returned so JMH consumes them. */
    @Benchmark
    public Map<String, String> parseAndGenerate() {
        WizardInputParser.Result parsed = parser.parse(params);
        return Release.of(parsed.input()).files();
    }

    /** The HelmChart alone, as GET /helmchart.yaml needs it. */
    @Benchmark
    public String parseAndGenerateHelmChart() {
        WizardInputParser.Result parsed = parser.parse(params);
        return Release.of(parsed.input()).text(ReleaseFile.HELMCHART);
    }
}
