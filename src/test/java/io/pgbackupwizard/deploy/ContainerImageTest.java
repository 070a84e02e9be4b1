package io.pgbackupwizard.deploy;

import static io.pgbackupwizard.deploy.WizardChartTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.pgbackupwizard.testsupport.Podman;

/**
 * The image as the project's Dockerfile builds it, run as the deploy chart runs it, in a real container runtime
 * (podman + runc). The build is the unchanged Dockerfile with {@code --format docker} (the OCI format drops
 * HEALTHCHECK) and {@code --pull=never}: its two base images are local stand-ins from Debian packages
 * (src/test/container/stand-in-bases.sh says what they do not prove). The run flags come from the rendered chart:
 * user, group, fsGroup, read-only root, dropped capabilities, memory limit, the /tmp emptyDir and the env.
 * Not proven here: the kubelet's probes (the chart's httpGet probes are exercised only as HTTP requests), a
 * registry push and pull, containerd instead of podman. Figures go to target/container-image.txt.
 */
@Tag("slow")
class ContainerImageTest {

    static final String IMAGE = "localhost/pg-backup-wizard:test";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final List<String> FIGURES = new ArrayList<>();
    static final List<String> CONTAINERS = new ArrayList<>();

    @BeforeAll
    static void build() {
        Podman.requireTools();
        long t0 = System.nanoTime();
        Podman.script("stand-in-bases.sh", 900).requireOk("stand-in base images");
        long t1 = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("bud", "--format", "docker", "--pull=never", "--layers",
                "--network", "host", "--runtime", "runc", "--isolation", "chroot", "-f", "Dockerfile", "-t", IMAGE));
        // This sandbox re-signs outgoing HTTPS with a CA only the host trusts: Maven in the build stage needs it.
        if (Files.isRegularFile(Path.of("/etc/ssl/certs/java/cacerts"))) {
            args.addAll(List.of("--volume", "/etc/ssl/certs/java/cacerts:/etc/ssl/certs/java/cacerts:ro"));
        }
        args.add(".");
        Podman.Result build = Podman.bh(1500, args.toArray(String[]::new)).requireOk("buildah bud of the Dockerfile");
        long t2 = System.nanoTime();
        Podman.pm(300, "image", "prune", "-f"); // the image this build replaced: the cache stays one image big
        assertFalse(build.output().contains("HEALTHCHECK is not supported"), "HEALTHCHECK kept: " + build.output());
        figure("stand-in bases: %.1f s; image build: %.1f s (%s)", secs(t0, t1), secs(t1, t2),
                build.output().contains("Using cache") ? "layers cached" : "no cached layer");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        for (String name : CONTAINERS)
            Podman.pm(30, "rm", "-f", "-v", "-t", "2", name);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/container-image.txt"), FIGURES);
        FIGURES.forEach(f -> System.out.println("ContainerImageTest: " + f));
    }

    @Test
    void theImageCarriesTheHealthcheckAndRunsAsNonRoot() {
        String config = Podman.pm(30, "image", "inspect", "--format",
                "{{json .Config.Healthcheck}} {{.Config.User}}", IMAGE).requireOk("image inspect").output();
        assertTrue(
                config.contains("/q/health/ready") && config.contains("HTTP/1.0\\\\r\\\\nHost: localhost\\\\r\\\\n\\\\r\\\\n"),
                config);
        assertTrue(config.trim().endsWith(" 10001"), "USER 10001: " + config);
    }

    @Test
    void runsAsTheDeployChartRunsItAndAnswers() throws Exception {
        Running app = startAsChart(Map.of());
        String page = get(app.publicPort(), "/helmchart.yaml?installPath=kots").body();
        assertTrue(page.contains("kind: HelmChart"), page);
        assertEquals(200, get(app.managementPort(), "/q/health/ready").statusCode());
        String id = Podman.pm(30, "exec", app.name(), "id").requireOk("id").output();
        assertTrue(id.matches("(?s)uid=10001(\\(\\w+\\))? gid=10001\\b.*"), id);
        Podman.Result write = Podman.pm(30, "exec", app.name(), "touch", "/app/x");
        assertNotEquals(0, write.exit(), "the root filesystem is read-only: " + write.output());
    }

    @Test
    void theHealthcheckPassesAndFailsWhenTheManagementPortIsSilent() throws Exception {
        Running app = startAsChart(Map.of());
        long t = System.nanoTime();
        Podman.Result healthy = Podman.pm(60, "healthcheck", "run", app.name());
        assertEquals(0, healthy.exit(), "healthy: " + healthy.output());
        figure("healthcheck run: %.2f s, healthy", secs(t, System.nanoTime()));

        // The app serves management on 9001 while the HEALTHCHECK asks ${MANAGEMENT_PORT} = 9000: nothing answers.
        Running silent = startAsChart(Map.of("QUARKUS_MANAGEMENT_PORT", "9001"));
        Podman.Result unhealthy = Podman.pm(60, "healthcheck", "run", silent.name());
        assertNotEquals(0, unhealthy.exit(), "unhealthy when the management port does not answer: " + unhealthy.output());
        assertEquals(200, get(silent.publicPort(), "/helmchart.yaml").statusCode(), "the app itself is up");
    }

    @Test
    void theAotCacheIsUsedAndStartsFasterThanThePlainJar() throws Exception {
        Running logged = startAsChart(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:aot"));
        String log = Podman.pm(30, "logs", logged.name()).output();
        assertTrue(log.contains("Opened AOT cache app.aot"), log);
        List<String> problems = log.lines().filter(l -> l.contains("[aot]") && (l.contains("[warning]")
                || l.contains("[error]") || l.contains("unable to map") || l.contains("disabled"))).toList();
        assertEquals(List.of(), problems, "the cache maps as trained");

        // Start-up to the first answer, alternating: the image's entrypoint, then the same JVM and flags without the cache.
        List<Double> aot = new ArrayList<>(), plain = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            aot.add(timeToFirstAnswer(List.of()));
            plain.add(
                    timeToFirstAnswer(List.of("--entrypoint", "sh", IMAGE, "-c", "exec java $JAVA_OPTS -jar quarkus-run.jar")));
        }
        double aotMedian = median(aot), plainMedian = median(plain);
        figure("start-up to the first answer, median of 3 (podman run included): AOT cache %.2f s %s, plain jar %.2f s %s,"
                + " ratio %.2f", aotMedian, aot, plainMedian, plain, aotMedian / plainMedian);
        assertTrue(aotMedian < plainMedian, "the AOT cache starts faster: " + aot + " vs " + plain);
    }

    @Test
    void dockerRunAsTheReadmeSaysWorks() throws Exception {
        // README: docker run --rm -p 8080:8080 pg-backup-wizard (here with a free host port and this machine's ulimits)
        int port = freePort();
        String name = "pgbw-readme-" + UUID.randomUUID().toString().substring(0, 8);
        CONTAINERS.add(name);
        Podman.pm(60, "run", "-d", "--rm", "--name", name, "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024",
                "-p", port + ":8080", IMAGE).requireOk("podman run as the README says");
        waitFor(port, "/", name);
        assertEquals(200, get(port, "/").statusCode());
    }

    // ---- running the image as the chart does

    record Running(String name, int publicPort, int managementPort) {
    }

    /** podman flags from the chart's rendered Deployment: each line maps one field of the pod spec. */
    static Map<String, Object> deployment;

    static List<String> chartFlags(Map<String, String> extraEnv) throws IOException {
        if (deployment == null)
            deployment = WizardChartTest.render(Map.of()).get("Deployment/wizard"); // once per run
        Map<String, Object> deploy = deployment;
        Map<String, Object> pod = at(deploy, "spec", "template", "spec");
        Map<String, Object> c = at(pod, "containers", 0);
        List<String> flags = new ArrayList<>();
        flags.addAll(List.of("--user", at(pod, "securityContext", "runAsUser") + ":" + at(pod, "securityContext", "runAsGroup"),
                "--group-add", String.valueOf((Object) at(pod, "securityContext", "fsGroup")),
                "--passwd=false")); // Kubernetes writes no passwd entry for the uid
        if (Boolean.TRUE.equals(at(c, "securityContext", "readOnlyRootFilesystem"))) {
            flags.addAll(List.of("--read-only", "--read-only-tmpfs=false"));
        }
        if (List.of("ALL").equals(at(c, "securityContext", "capabilities", "drop")))
            flags.addAll(List.of("--cap-drop", "ALL"));
        if (Boolean.FALSE.equals(at(c, "securityContext", "allowPrivilegeEscalation"))) {
            flags.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        String memory = at(c, "resources", "limits", "memory");
        assertTrue(memory.endsWith("Mi"), memory);
        flags.addAll(List.of("--memory", memory.replace("Mi", "m")));
        List<Map<String, Object>> mounts = at(c, "volumeMounts");
        for (Map<String, Object> mount : mounts) {
            Path dir = Files.createTempDirectory("pgbw-emptydir");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // as the kubelet makes an emptyDir
            flags.addAll(List.of("-v", dir + ":" + mount.get("mountPath")));
        }
        List<Map<String, Object>> env = at(c, "env");
        for (Map<String, Object> e : env)
            flags.addAll(List.of("--env", e.get("name") + "=" + e.get("value")));
        extraEnv.forEach((k, v) -> flags.addAll(List.of("--env", k + "=" + v)));
        return flags;
    }

    static Running startAsChart(Map<String, String> extraEnv) throws Exception {
        String name = "pgbw-image-" + UUID.randomUUID().toString().substring(0, 8);
        int pub = freePort(), mgmt = freePort();
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--ulimit", "nofile=1024:1024",
                "--ulimit", "nproc=1024:1024", "-p", pub + ":8080", "-p", mgmt + ":9000"));
        args.addAll(chartFlags(extraEnv));
        args.add(IMAGE);
        CONTAINERS.add(name);
        Podman.pm(60, args.toArray(String[]::new)).requireOk("podman run " + args);
        waitFor(pub, "/helmchart.yaml", name);
        return new Running(name, pub, mgmt);
    }

    static double timeToFirstAnswer(List<String> entrypoint) throws Exception {
        String name = "pgbw-start-" + UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--ulimit", "nofile=1024:1024",
                "--ulimit", "nproc=1024:1024", "-p", port + ":8080"));
        args.addAll(chartFlags(Map.of()));
        if (entrypoint.isEmpty())
            args.add(IMAGE);
        else
            args.addAll(entrypoint);
        CONTAINERS.add(name);
        long t = System.nanoTime();
        Podman.pm(60, args.toArray(String[]::new)).requireOk("podman run");
        waitFor(port, "/helmchart.yaml", name);
        double s = secs(t, System.nanoTime());
        Podman.pm(30, "rm", "-f", "-v", "-t", "2", name);
        return s;
    }

    static void waitFor(int port, String path, String container) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, path).statusCode() == 200)
                    return;
            } catch (IOException notYet) {
                // the container is still starting
            }
            Thread.sleep(20);
        }
        fail("no answer on port " + port + path + " within 60 s; container log:\n" + Podman.pm(30, "logs", container).output());
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static double median(List<Double> xs) {
        return xs.stream().sorted().collect(Collectors.toList()).get(xs.size() / 2);
    }

    static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    static void figure(String format, Object... args) {
        FIGURES.add(String.format(java.util.Locale.ROOT, format, args));
    }
}
