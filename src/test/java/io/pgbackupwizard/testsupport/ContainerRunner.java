package io.pgbackupwizard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a hook as Velero's exec runs it in the rendered PostgreSQL container: {@code /bin/bash -c <script>} in a
 * bubblewrap sandbox with exactly the container's environment (the Bitnami image's own ENV plus the rendered env),
 * as the rendered runAsUser (no passwd entry), with a read-only root when the security context says so, every
 * emptyDir / claim mount a fresh directory, the Secret files at their paths, and the Debian PostgreSQL client
 * binaries at {@code /opt/bitnami/postgresql/bin}, in the pod's network namespace.
 *
 * <pre>
 * ContainerRunner c = ContainerRunner.of(pod, "postgresql", net);
 * BashRunner.Result r = c.exec(script, Duration.ofMinutes(2));
 * Path scratch = c.mountDir("/scratch");
 * </pre>
 */
public final class ContainerRunner {

    /** ENV of bitnami/postgresql/17/debian-12/Dockerfile (bitnami/containers @ 0293904c), PATH with the base's. */
    public static final Map<String, String> IMAGE_ENV = imageEnv();
    /** Where the image has its PostgreSQL binaries. */
    public static final String IMAGE_BIN = "/opt/bitnami/postgresql/bin";

    private static final String BWRAP = "/usr/bin/bwrap";
    private static final List<String> HOST_DIRS = List.of("/usr", "/bin", "/lib", "/lib64", "/sbin", "/etc");

    private final RenderedPod pod;
    private final String container;
    private final PodNetwork net;
    private final Map<String, Path> mountDirs = new LinkedHashMap<>();
    private final Path secretDir;
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final Map<String, Long> sizedMounts = new LinkedHashMap<>();

    private ContainerRunner(RenderedPod pod, String container, PodNetwork net) {
        this.pod = pod;
        this.container = container;
        this.net = net;
        if (!Files.isExecutable(Path.of(BWRAP))) {
            throw new AssertionError(BWRAP + " not found: install bubblewrap (apt-get install bubblewrap; .ci/deps does)");
        }
        for (RenderedPod.Mount m : pod.writableMounts(container)) mountDirs.put(m.mountPath(), BashRunner.newScratchDir());
        secretDir = BashRunner.newScratchDir();
    }

    /** A fresh "container" of the pod: new empty dirs for every emptyDir and claim mount. */
    public static ContainerRunner of(RenderedPod pod, String container, PodNetwork net) {
        return new ContainerRunner(pod, container, net);
    }

    /** The host directory behind a writable mount of the container (e.g. the scratch volume). */
    public Path mountDir(String mountPath) {
        Path dir = mountDirs.get(mountPath);
        if (dir == null) throw new AssertionError("no writable mount at " + mountPath + "; mounts: " + mountDirs.keySet());
        return dir;
    }

    /**
     * Restores a file into a writable mount as Velero's file-system restore does: same content and mode, owned by
     * the container's user (the host user behind it).
     */
    public void restoreFile(String mountPath, Path source) {
        try {
            Path target = mountDir(mountPath).resolve(source.getFileName());
            Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            if (BashRunner.isRoot()) BashRunner.chownToUnprivilegedUser(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes a writable mount a tmpfs of {@code bytes} (a full scratch volume: writes fail with ENOSPC). Its files
     * live only inside each exec, so look at them in the same exec.
     */
    public ContainerRunner withFullMount(String mountPath, long bytes) {
        mountDir(mountPath);
        sizedMounts.put(mountPath, bytes);
        return this;
    }

    /** The container's full environment: image ENV, then the rendered env (which wins, as in Kubernetes). */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(IMAGE_ENV);
        env.putAll(pod.env(container));
        env.putAll(extraEnv);
        return env;
    }

    /** Runs {@code /bin/bash -c script} in the container and waits (killed after timeout, exit -1). */
    public BashRunner.Result exec(String script, Duration timeout) {
        return exec(List.of("/bin/bash", "-c", script), timeout);
    }

    /** Runs an argv (as Velero's exec: no shell unless argv says so) in the container and waits. */
    public BashRunner.Result exec(List<String> argv, Duration timeout) {
        List<String> command = new ArrayList<>(sandbox());
        command.addAll(argv);
        return BashRunner.exec(net.prefix(), command, env(), timeout, Path.of("/"), null);
    }

    /** Starts the script now (as Velero does once the container runs) and completes when it exits. */
    public CompletableFuture<BashRunner.Result> start(String script, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> exec(script, timeout));
    }

    private List<String> sandbox() {
        long uid = pod.runAsUser(container);
        List<String> b = new ArrayList<>(List.of(BWRAP, "--unshare-user", "--uid", String.valueOf(uid), "--gid", "0",
                "--die-with-parent", "--dev", "/dev", "--proc", "/proc", "--chdir", "/"));
        for (String dir : HOST_DIRS) {
            if (Files.exists(Path.of(dir))) b.addAll(List.of("--ro-bind", dir, dir));
        }
        b.addAll(List.of("--ro-bind", PostgresServer.findBinDir().toString(), IMAGE_BIN));
        writeSecrets().forEach((path, hostFile) -> b.addAll(List.of("--ro-bind", hostFile.toString(), path)));
        for (RenderedPod.Mount m : pod.writableMounts(container)) {
            if (sizedMounts.containsKey(m.mountPath())) {
                b.addAll(List.of("--size", String.valueOf(sizedMounts.get(m.mountPath())), "--perms", "0777", "--tmpfs", m.mountPath()));
                continue;
            }
            Path dir = mountDirs.get(m.mountPath());
            if (m.subPath() != null) {
                dir = dir.resolve(m.subPath());
                createWritable(dir);
            }
            b.addAll(List.of("--bind", dir.toString(), m.mountPath()));
        }
        if (pod.readOnlyRootFilesystem(container)) b.addAll(List.of("--remount-ro", "/"));
        return b;
    }

    private Map<String, Path> writeSecrets() {
        Map<String, Path> files = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> f : pod.secretFiles(container).entrySet()) {
            files.put(f.getKey(), TextFiles.write(secretDir.resolve("secret-" + i++), f.getValue()));
        }
        return files;
    }

    private static void createWritable(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (BashRunner.isRoot()) BashRunner.chownToUnprivilegedUser(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> imageEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/");
        env.put("OS_ARCH", "amd64");
        env.put("OS_FLAVOUR", "debian-12");
        env.put("OS_NAME", "linux");
        env.put("APP_VERSION", "17.0.0");
        env.put("BITNAMI_APP_NAME", "postgresql");
        env.put("LANG", "en_US.UTF-8");
        env.put("LANGUAGE", "en_US:en");
        env.put("NSS_WRAPPER_LIB", "/opt/bitnami/common/lib/libnss_wrapper.so");
        env.put("PATH", IMAGE_BIN + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        return Map.copyOf(env);
    }
}
