package io.pgbackupwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.pgbackupwizard.generate.ReleaseFile;

/**
 * The image's AOT cache is trained by src/main/docker/aot-train, which fails the image build on an unexpected
 * status. It once asked for /backup.yaml on the default install path (404) and for OpenAPI on the public port
 * after both had moved: every output must be asked for on an install path that serves it, and the operator
 * endpoints on the management port.
 */
class AotTrainingCoverageTest {

    static final Path SCRIPT = Path.of("src/main/docker/aot-train");
    /** name|port|method|path|accept|expected... as the script lists its requests. */
    static final Pattern REQUEST = Pattern.compile("^\\s*\"([^|\"]+)\\|([^|]+)\\|([A-Z]+)\\|([^|]+)\\|[^|]*\\|([^|\"]+)",
            Pattern.MULTILINE);

    record Request(String name, String port, String path, String expected) {
    }

    static List<Request> requests() throws IOException {
        String script = Files.readString(SCRIPT);
        String q = script.replaceAll("(?s).*\nQ='([^']*)'.*", "$1");
        String mq = script.replaceAll("(?s).*\nMQ='([^']*)'.*", "$1");
        List<Request> out = new ArrayList<>();
        Matcher m = REQUEST.matcher(script);
        while (m.find())
            out.add(new Request(m.group(1), m.group(2), m.group(4).replace("$MQ", mq).replace("$Q", q), m.group(5)));
        assertTrue(out.size() > 20, "requests not found in " + SCRIPT + ": " + out);
        return out;
    }

    @Test
    void everyOutputIsAskedForOnAPathThatServesIt() throws IOException {
        List<Request> requests = requests();
        for (ReleaseFile o : ReleaseFile.values()) {
            boolean served = requests.stream().anyMatch(r -> r.expected().equals("200")
                    && r.path().startsWith("/" + o.path() + "?")
                    && o.servedFor(input(r.path())));
            assertTrue(served, () -> "aot-train asks for no /" + o.path() + " on an install path that serves it: "
                    + requests.stream().map(Request::path).toList());
        }
    }

    @Test
    void operatorEndpointsAreAskedOnTheManagementPort() throws IOException {
        List<String> operatorPaths = new ArrayList<>();
        for (Request r : requests()) {
            if (r.path().startsWith("/q/")) {
                assertTrue(r.port().equals("HEALTH"), () -> r + " goes to the public port, where /q/* answers 404");
                operatorPaths.add(r.path());
            }
        }
        // Not vacuous: the endpoints an operator's probes and scrapers call are trained.
        assertTrue(operatorPaths.containsAll(List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")),
                () -> "trained operator endpoints: " + operatorPaths);
    }

    /** The input a request's query string makes (the script's own requests are valid ones). */
    static io.pgbackupwizard.model.WizardInput input(String path) {
        java.util.Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                params.computeIfAbsent(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                        k -> new ArrayList<>())
                        .add(kv.length < 2 ? "" : java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        var parsed = new io.pgbackupwizard.model.WizardInputParser().parse(params);
        assertTrue(parsed.ok(), () -> path + ": " + parsed.errors());
        return parsed.input();
    }
}
