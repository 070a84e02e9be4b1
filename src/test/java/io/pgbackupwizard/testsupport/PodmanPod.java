package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One incarnation of the rendered PostgreSQL pod in a real container (podman + runc) of a stand-in image (a Bitnami-like
 * one, {@link BitnamiImages}, or the official image's, {@link OfficialImages}), started as the kubelet starts it: the
 * chart's command and args, the container's env (Secret keys resolved), runAsUser and
 * runAsGroup, fsGroup as a supplementary group owning every volume, no passwd entry for the uid, a read-only root
 * when the security context says so (and then no tmpfs anywhere the chart did not mount one), every emptyDir and the
 * data claim a fresh host folder (a Memory emptyDir a tmpfs), the Secret volumes' files, the rendered CPU and memory
 * limits, no network but its own loopback. Hooks run as Velero's exec runs them: {@code podman exec} of the
 * annotation's argv in the named container, no shell, no tty, no stdin.
 *
 * <p>
 * What it does not prove: the kubelet itself (podman is not containerd), Velero's own exec and file-system backup
 * (modelled by {@link #exec} and a copy that keeps mode and owner), and the real image's PostgreSQL build (Debian's 15
 * for every generation).
 */
public final class PodmanPod implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final RenderedPod pod;
    private final String container;
    private final String name;
    private final Path dir;
    private final Map<String, Path> volumes = new LinkedHashMap<>();
    private final long started;
    private final Options options;

    /**
     * How this incarnation differs from the rendered pod: files a mount's volume gets before the start (what Velero's
     * file-system restore leaves), a CPU limit replacing the rendered one (a starved node), a mount replaced by a
     * tmpfs of a few bytes (a full volume), or no server at all (the entrypoint replaced by sleep).
     */
    public record Options(Map<String, Path> restoreInto, Double cpus, Map<String, Long> tmpfsBytes, boolean noServer,
            String networkOf, Map<String, String> env) {
        public static final Options NONE = new Options(Map.of(), null, Map.of(), false, null, Map.of());

        public Options restore(String mountPath, Path from) {
            return new Options(Map.of(mountPath, from), cpus, tmpfsBytes, noServer, networkOf, env);
        }

        public Options cpus(double c) {
            return new Options(restoreInto, c, tmpfsBytes, noServer, networkOf, env);
        }

        public Options full(String mountPath, long bytes) {
            return new Options(restoreInto, cpus, Map.of(mountPath, bytes), noServer, networkOf, env);
        }

        public Options withoutServer() {
            return new Options(restoreInto, cpus, tmpfsBytes, true, networkOf, env);
        }

        /**
         * Shares another pod's loopback (two charts' pods side by side for a migration; give this one another PGPORT)
         * and adds {@code extra} to the rendered env.
         */
        public Options besides(PodmanPod other, Map<String, String> extra) {
            return new Options(restoreInto, cpus, tmpfsBytes, noServer, other.name, Map.copyOf(extra));
        }
    }

    private PodmanPod(RenderedPod pod, String container, String image, Options o) {
        this.options = o;
        Map<String, Path> restoreInto = o.restoreInto();
        Double cpus = o.cpus();
        this.pod = pod;
        this.container = container;
        this.name = "pgbw-pod-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
        this.dir = BashRunner.newScratchDir();
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name));
        args.addAll(containerArgs(container, o, cpus));
        restoreInto.forEach((mountPath, from) -> copyKeepingOwner(from, mountDir(mountPath)));
        if (!o.noServer())
            runInitContainers(image, o);
        if (o.noServer())
            args.addAll(List.of("--entrypoint", "[\"sleep\", \"600\"]"));
        else if (!pod.command(container).isEmpty())
            args.addAll(List.of("--entrypoint", json(pod.command(container))));
        args.add(image);
        if (!o.noServer())
            args.addAll(pod.args(container)); // the chart's args replace the image's CMD, as the kubelet's do
        BashRunner.Result run = pm(Duration.ofMinutes(2), null, args);
        if (run.exitCode() != 0)
            fail("podman run " + image + " failed: " + run.stderr());
        this.started = System.nanoTime();
    }

    /** How podman starts one of the pod's containers: user, groups, root, limits, env and volumes as rendered. */
    private List<String> containerArgs(String c, Options o, Double cpus) {
        List<String> args = new ArrayList<>(List.of(
                "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024", "--passwd=false",
                "--unsetenv", "TERM", "--unsetenv", "container",
                "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--user", pod.runAsUser(c) + ":" + pod.runAsGroup(c).orElse(0L)));
        pod.fsGroup().ifPresent(g -> args.addAll(List.of("--group-add", String.valueOf(g))));
        if (pod.readOnlyRootFilesystem(c))
            args.addAll(List.of("--read-only", "--read-only-tmpfs=false"));
        Map<String, Object> limits = pod.limits(c);
        Double cpu = cpus != null ? cpus : limits.containsKey("cpu") ? cores(String.valueOf(limits.get("cpu"))) : null;
        if (cpu != null)
            args.addAll(List.of("--cpus", String.valueOf(cpu)));
        if (limits.containsKey("memory"))
            args.addAll(List.of("--memory", bytes(String.valueOf(limits.get("memory")))));
        if (o.networkOf() == null)
            args.addAll(List.of("--network", "none", "--hostname", "postgresql-0"));
        else
            args.addAll(List.of("--network", "container:" + o.networkOf()));
        pod.env(c).forEach((k, v) -> args.addAll(List.of("--env", k + "=" + v)));
        o.env().forEach((k, v) -> args.addAll(List.of("--env", k + "=" + v)));
        for (RenderedPod.Mount m : pod.writableMounts(c)) {
            Long size = o.tmpfsBytes().get(m.mountPath());
            if (size != null) {
                args.addAll(List.of("--mount",
                        "type=tmpfs,destination=" + m.mountPath() + ",tmpfs-size=" + size + ",tmpfs-mode=1777"));
                continue;
            }
            if (!m.claim() && pod.emptyDirMedium(m.volume()).equals("Memory")) {
                args.addAll(List.of("--mount", "type=tmpfs,destination=" + m.mountPath() + ",tmpfs-mode=1777"));
                continue;
            }
            Path host = volumes.computeIfAbsent(m.volume(), v -> newVolume(v, m.claim()));
            if (m.subPath() != null && !m.subPath().isEmpty())
                host = subPath(host, m.subPath());
            args.addAll(List.of("-v", host + ":" + m.mountPath()));
        }
        fileVolumes(args, c + "-secret", pod.secretFiles(c));
        fileVolumes(args, c + "-configmap", pod.configMapFiles(c));
        return args;
    }

    /**
     * The pod's init containers, in order, each to completion before the main one starts (a chart copies its init
     * scripts into an emptyDir this way). Only those of the main container's image: the stand-in is that image.
     */
    private void runInitContainers(String image, Options o) {
        for (String init : pod.initContainerNames()) {
            if (!pod.container(init).get("image").equals(pod.container(container).get("image")))
                fail("init container " + init + " runs another image (" + pod.container(init).get("image")
                        + "), which the harness has no stand-in for");
            List<String> args = new ArrayList<>(List.of("run", "--rm", "--name", name + "-" + init));
            args.addAll(containerArgs(init, o, null));
            if (!pod.command(init).isEmpty())
                args.addAll(List.of("--entrypoint", json(pod.command(init))));
            args.add(image);
            args.addAll(pod.args(init));
            BashRunner.Result r = pm(Duration.ofMinutes(2), null, args);
            if (r.exitCode() != 0)
                fail("init container " + init + " failed (" + r.exitCode() + "): " + r.stderr() + r.stdout());
        }
    }

    /** Starts a fresh pod: every volume new and empty. */
    public static PodmanPod start(RenderedPod pod, String container, String image) {
        return new PodmanPod(pod, container, image, Options.NONE);
    }

    public static PodmanPod start(RenderedPod pod, String container, String image, Options options) {
        return new PodmanPod(pod, container, image, options);
    }

    /** Velero's exec: the argv in the container, as its user, no tty and no stdin. */
    public BashRunner.Result exec(List<String> argv, Duration timeout) {
        List<String> args = new ArrayList<>(List.of("exec", name));
        args.addAll(argv);
        return pm(timeout, null, args);
    }

    /** The same, started now and answered later (a hook racing the first boot). */
    public CompletableFuture<BashRunner.Result> execAsync(List<String> argv, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> exec(argv, timeout));
    }

    /** SQL through the container's own psql over TCP as {@code user}; fails with the error. */
    public String psql(String user, String password, String db, String sql) {
        List<String> args = new ArrayList<>(List.of("exec", "-i", name, "env", "PGPASSWORD=" + password, "psql", "-X", "-q",
                "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", port(), "-U", user, "-d", db));
        BashRunner.Result r = pm(Duration.ofMinutes(5), sql, args);
        if (r.exitCode() != 0)
            fail("psql as " + user + " failed: " + r.stderr() + "\n" + logTail());
        return r.stdout().strip();
    }

    /**
     * Until the readiness probe passes. With {@code kubelet}, probed as the kubelet probes (initialDelaySeconds, then
     * every periodSeconds); else every 0.5 s. Returns the time since start.
     */
    public Duration waitReady(boolean kubelet, Duration limit) {
        Map<String, Object> probe = pod.probe(container, "readinessProbe");
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) ((Map<String, Object>) probe.getOrDefault("exec", Map.of())).get("command");
        if (command == null)
            fail("the rendered container has no exec readiness probe: " + probe);
        long period = kubelet ? 1000L * ((Number) probe.getOrDefault("periodSeconds", 10)).intValue() : 500;
        long delayMs = kubelet ? 1000L * ((Number) probe.getOrDefault("initialDelaySeconds", 0)).intValue() : 0;
        long timeout = ((Number) probe.getOrDefault("timeoutSeconds", 5)).longValue() + 5;
        sleep(delayMs - elapsed().toMillis());
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            requireRunning();
            if (exec(command, Duration.ofSeconds(timeout)).exitCode() == 0)
                return elapsed();
            sleep(period);
        }
        return fail("not ready after " + limit.toSeconds() + " s:\n" + logTail());
    }

    /** Until the FINAL server answers (the first boot's temporary one listens on localhost only). */
    public Duration waitFinalServer(String user, String password, String db, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            requireRunning();
            BashRunner.Result r = exec(List.of("env", "PGPASSWORD=" + password, "psql", "-X", "-A", "-t", "-h", "127.0.0.1",
                    "-p", port(), "-U", user, "-d", db, "-c", "show listen_addresses"), Duration.ofSeconds(20));
            if (r.exitCode() == 0 && r.stdout().strip().equals("*"))
                return elapsed();
            sleep(500);
        }
        return fail("the final server did not answer in " + limit.toSeconds() + " s:\n" + logTail());
    }

    /** The host folder behind a mount path of the container. */
    public Path mountDir(String mountPath) {
        for (RenderedPod.Mount m : pod.writableMounts(container)) {
            if (m.mountPath().replaceAll("/+$", "").equals(mountPath.replaceAll("/+$", ""))
                    && volumes.containsKey(m.volume())) {
                Path host = volumes.get(m.volume());
                return m.subPath() == null || m.subPath().isEmpty() ? host : host.resolve(m.subPath());
            }
        }
        return fail("no folder-backed mount at " + mountPath);
    }

    /** The container's variable, or the content of the Secret file its _FILE variant names; null when neither. */
    public String secret(String variable) {
        Map<String, String> env = pod.env(container);
        if (env.containsKey(variable))
            return env.get(variable);
        String file = env.get(variable + "_FILE");
        return file == null ? null : pod.secretFiles(container).get(file);
    }

    public String env(String variable, String otherwise) {
        return pod.env(container).getOrDefault(variable, otherwise);
    }

    /** The Bitnami log so far (which first-boot step was reached): the last 60 lines. */
    public String logTail() {
        BashRunner.Result r = pm(Duration.ofSeconds(30), null, List.of("logs", name));
        String[] lines = (r.stdout() + r.stderr()).split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length));
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public boolean running() {
        BashRunner.Result r = pm(Duration.ofSeconds(30), null, List.of("inspect", "-f", "{{.State.Running}}", name));
        return r.exitCode() == 0 && r.stdout().strip().equals("true");
    }

    /**
     * Removes the container; its claim and emptyDirs go with it (a deleted pod), so 40 pods do not fill /tmp. -v: the
     * anonymous volumes podman makes for the image's VOLUME paths go too (left behind, they ran a store that CI keeps
     * warm out of podman's 2,048 locks after about fifty runs).
     */
    @Override
    public void close() {
        pm(Duration.ofMinutes(1), null, List.of("rm", "-f", "-v", "-t", "5", name));
        Podman.run(List.of("rm", "-rf", dir.toString()), 60);
    }

    private String port() {
        return options.env().getOrDefault("PGPORT", pod.env(container).getOrDefault("POSTGRESQL_PORT_NUMBER", "5432"));
    }

    private void requireRunning() {
        if (!running())
            fail("container " + name + " stopped:\n" + logTail());
    }

    /** kubelet: an emptyDir is 0777, a new claim root's 0755; fsGroup makes both group-owned, rwx and setgid. */
    private Path newVolume(String volume, boolean claim) {
        try {
            Path d = Files.createDirectory(dir.resolve("vol-" + volume));
            String group = pod.fsGroup().map(String::valueOf).orElse("0");
            chown(d, "0:" + group);
            int mode = (claim ? 0755 : 0777) | (pod.fsGroup().isPresent() ? 02070 : 0);
            chmod(d, mode);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path subPath(Path volume, String sub) {
        Path d = volume.resolve(sub);
        if (!Files.isDirectory(d)) {
            try {
                Files.createDirectories(d);
                // the kubelet creates a missing subPath with the volume root's owner and mode
                run(List.of("bash", "-c", "chown --reference=\"$1\" \"$2\" && chmod --reference=\"$1\" \"$2\"", "_",
                        volume.toString(), d.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return d;
    }

    /** Secret and ConfigMap volumes: their files, read-only, group-owned by fsGroup. */
    private void fileVolumes(List<String> args, String kind, Map<String, String> files) {
        Map<Path, Path> dirs = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path inContainer = Path.of(f.getKey());
            Path host = dirs.computeIfAbsent(inContainer.getParent(), p -> {
                try {
                    return Files.createDirectories(dir.resolve(kind + p.toString().replace('/', '_')));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Path file = TextFiles.write(host.resolve(inContainer.getFileName().toString()), f.getValue());
            chown(file, "0:" + pod.fsGroup().map(String::valueOf).orElse("0"));
            // defaultMode is not modelled: a ConfigMap may hold the scripts an init container runs (0555 in the chart)
            chmod(file, kind.endsWith("configmap") ? 0755 : 0644);
        }
        dirs.forEach((inContainer, host) -> args.addAll(List.of("-v", host + ":" + inContainer + ":ro")));
    }

    private static void copyKeepingOwner(Path from, Path to) {
        run(List.of("bash", "-c", "cp -a \"$1\"/. \"$2\"/", "_", from.toString(), to.toString()));
    }

    /** Velero's file-system backup of a volume: a copy that keeps mode and owner, outside the pod. */
    public static Path copyOut(Path volume) {
        Path saved = BashRunner.newScratchDir();
        run(List.of("bash", "-c", "cp -a \"$1\"/. \"$2\"/", "_", volume.toString(), saved.toString()));
        return saved;
    }

    private static void chown(Path p, String owner) {
        run(List.of("chown", owner, p.toString()));
    }

    private static void chmod(Path p, int mode) {
        run(List.of("chmod", Integer.toOctalString(mode), p.toString()));
    }

    private static void run(List<String> command) {
        Podman.run(command, 60).requireOk(String.join(" ", command));
    }

    /** podman on the project's store, with stdout and stderr apart and an optional stdin. */
    private static BashRunner.Result pm(Duration timeout, String stdin, List<String> args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                ". " + Podman.SCRIPTS.resolve("podman.sh") + " && pm \"$@\"", "pm"));
        command.addAll(args);
        return BashRunner.runAsJvmUser(command, timeout, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(List<String> argv) {
        return argv.stream().map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static double cores(String cpu) {
        return cpu.endsWith("m") ? Integer.parseInt(cpu.substring(0, cpu.length() - 1)) / 1000.0 : Double.parseDouble(cpu);
    }

    private static String bytes(String memory) {
        return memory.replace("Mi", "m").replace("Gi", "g").replace("Ki", "k");
    }

    private static void sleep(long millis) {
        if (millis <= 0)
            return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static {
        // podman's store and runtime must exist before the first pod: fail with the install step, never skip
        Podman.requireTools();
        Podman.pruneUnusedVolumes();
    }
}
