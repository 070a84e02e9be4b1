package io.pgbackupwizard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A pod's own network namespace (its own 127.0.0.1): the server and the hooks share it, so the server can listen on
 * the very port the rendered env names (5432) without meeting anything else on this machine. Needs root (unshare,
 * nsenter); a non-root JVM fails with a clear message.
 */
public final class PodNetwork implements AutoCloseable {
    private final Process holder;

    private PodNetwork(Process holder) {
        this.holder = holder;
    }

    /** Creates the namespace (held by a sleeping process) and brings its loopback up. */
    public static PodNetwork create() {
        if (!BashRunner.isRoot()) {
            throw new AssertionError("the container harness needs root for a pod network namespace (unshare --net)");
        }
        try {
            Process p = new ProcessBuilder("unshare", "--net", "--fork", "--kill-child", "--", "sleep", "infinity")
                    .redirectErrorStream(true).start();
            PodNetwork net = new PodNetwork(p);
            Path ns = Path.of("/proc/" + p.pid() + "/ns/net");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.readSymbolicLink(ns).equals(Files.readSymbolicLink(Path.of("/proc/" + p.pid()
                    + "/task/" + p.pid() + "/ns/net"))) || Files.readSymbolicLink(ns)
                    .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")))) {
                if (System.nanoTime() > deadline || !p.isAlive()) throw new AssertionError("unshare --net did not start");
                Thread.sleep(20);
            }
            List<String> up = new java.util.ArrayList<>(net.prefix());
            up.addAll(List.of("/usr/sbin/ip", "link", "set", "lo", "up"));
            Process ip = new ProcessBuilder(up).redirectErrorStream(true).start(); // as root: BashRunner would drop
            String out = new String(ip.getInputStream().readAllBytes());
            if (ip.waitFor() != 0) throw new AssertionError("cannot bring up lo in the pod network: " + out);
            return net;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Command prefix that runs a command inside this network namespace. */
    public List<String> prefix() {
        return List.of("/usr/bin/nsenter", "--net=/proc/" + holder.pid() + "/ns/net", "--");
    }

    @Override
    public void close() {
        holder.descendants().forEach(ProcessHandle::destroyForcibly);
        holder.destroyForcibly();
    }
}
