package io.pgbackupwizard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * An API server with nothing in it, so the charts' {@code lookup} calls find no Secret, exactly as on a first
 * install (and as {@code helm template} answers without a cluster). helm-java's template still asks the cluster
 * (default localhost:8080, refused here), so this serves discovery for the core kinds and 404 for every object,
 * and writes the file {@code $KUBECONFIG} names (pom.xml sets the variable for the test JVM: Helm reads the
 * process environment as it was at start).
 */
final class EmptyKubeApi {
    private EmptyKubeApi() {
    }

    private static final String CORE_V1 = """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
             {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]},
             {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["get","list"]},
             {"name":"persistentvolumeclaims","singularName":"persistentvolumeclaim","namespaced":true,"kind":"PersistentVolumeClaim","verbs":["get","list"]},
             {"name":"services","singularName":"service","namespaced":true,"kind":"Service","verbs":["get","list"]}]}""";
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"not found"}""";

    private static boolean started;

    /** Starts the server once per JVM and exports KUBECONFIG; call before the first Helm command. */
    static synchronized void ensureStarted() {
        if (started)
            return;
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                boolean discovery = path.equals("/api/v1");
                byte[] body = (path.equals("/api") ? "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}"
                        : path.equals("/apis") ? "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}"
                                : discovery ? CORE_V1 : NOT_FOUND)
                        .getBytes(StandardCharsets.UTF_8);
                boolean ok = discovery || path.equals("/api") || path.equals("/apis");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            String configured = System.getenv("KUBECONFIG");
            if (configured == null || configured.isBlank()) {
                throw new AssertionError("KUBECONFIG is not set for the test JVM: the surefire configuration in pom.xml"
                        + " sets it (Helm reads it from the process environment, so it cannot be set at run time)");
            }
            Path kubeconfig = Path.of(configured);
            Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: empty, cluster: {server: "http://127.0.0.1:%d"}}]
                    users: [{name: empty, user: {}}]
                    contexts: [{name: empty, context: {cluster: empty, user: empty, namespace: app}}]
                    current-context: empty
                    """.formatted(server.getAddress().getPort()));
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the empty API server for chart lookups", e);
        }
    }
}
