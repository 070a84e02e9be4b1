package io.pgbackupwizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod of the rendered PostgreSQL StatefulSet, as the kubelet would start it: containers by name, their
 * environment with {@code secretKeyRef}s resolved from the rendered Secret, Secret files at their mount paths,
 * the writable mounts (emptyDirs and the data claim), the user and root-filesystem mode, annotations and labels.
 *
 * <pre>
 * RenderedPod pod = RenderedPod.of(ChartRenderer.render(version, release, values).requireOk());
 * Map&lt;String, String&gt; env = pod.env("postgresql");
 * </pre>
 */
public final class RenderedPod {

    /** A writable mount: an emptyDir or a volume claim (fresh and empty after a KOTS restore). */
    public record Mount(String volume, String mountPath, String subPath, boolean claim) {
    }

    private final Map<String, Object> statefulSet;
    private final Map<String, Map<String, String>> secrets;
    private final Map<String, Map<String, String>> configMaps;

    private RenderedPod(Map<String, Object> statefulSet, Map<String, Map<String, String>> secrets,
            Map<String, Map<String, String>> configMaps) {
        this.statefulSet = statefulSet;
        this.secrets = secrets;
        this.configMaps = configMaps;
    }

    /** The pod of the (only) primary StatefulSet in a successful render. */
    public static RenderedPod of(ChartRenderer.Rendered rendered) {
        rendered.requireOk();
        List<Map<String, Object>> sets = rendered.ofKind("StatefulSet");
        if (sets.size() != 1)
            fail("expected one StatefulSet in chart " + rendered.version() + ", got " + sets.size());
        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        for (Map<String, Object> s : rendered.ofKind("Secret")) {
            Map<String, String> data = new LinkedHashMap<>();
            map(s, "data").forEach((k, v) -> data.put(k, new String(Base64.getMimeDecoder().decode(String.valueOf(v)),
                    StandardCharsets.UTF_8)));
            map(s, "stringData").forEach((k, v) -> data.put(k, String.valueOf(v)));
            secrets.put((String) map(s, "metadata").get("name"), data);
        }
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        for (Map<String, Object> c : rendered.ofKind("ConfigMap")) {
            Map<String, String> data = new LinkedHashMap<>();
            map(c, "data").forEach((k, v) -> data.put(k, String.valueOf(v)));
            configMaps.put((String) map(c, "metadata").get("name"), data);
        }
        return new RenderedPod(sets.get(0), secrets, configMaps);
    }

    /** Container names in pod order (Velero's default hook container is the first). */
    public List<String> containerNames() {
        return containers().stream().map(c -> (String) c.get("name")).toList();
    }

    /** The container spec of that name; fails listing the names when absent. */
    public Map<String, Object> container(String name) {
        return java.util.stream.Stream.concat(containers().stream(), list(podSpec(), "initContainers").stream())
                .filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseGet(() -> fail("no container " + name + " in the pod; containers: " + containerNames()));
    }

    /** The init containers' names, in the order the kubelet runs them. */
    public List<String> initContainerNames() {
        return list(podSpec(), "initContainers").stream().map(c -> (String) c.get("name")).toList();
    }

    /** The container's env as the kubelet sets it: values, and Secret keys resolved from the rendered Secrets. */
    public Map<String, String> env(String containerName) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> e : list(container(containerName), "env")) {
            String name = (String) e.get("name");
            if (e.containsKey("value")) {
                env.put(name, String.valueOf(e.get("value")));
                continue;
            }
            Map<String, Object> ref = map(map(e, "valueFrom"), "secretKeyRef");
            if (ref.isEmpty())
                fail("env " + name + " has a source the harness does not resolve: " + e);
            String value = secret((String) ref.get("name")).get((String) ref.get("key"));
            if (value == null)
                fail("Secret " + ref.get("name") + " has no key " + ref.get("key"));
            env.put(name, value);
        }
        return env;
    }

    /** Files the Secret volumes put into the container: absolute path -> content. */
    public Map<String, String> secretFiles(String containerName) {
        return volumeFiles(containerName, "secret", "secretName", this::secret);
    }

    /** Files the ConfigMap volumes put into the container (a chart's postgresql.conf): absolute path -> content. */
    public Map<String, String> configMapFiles(String containerName) {
        return volumeFiles(containerName, "configMap", "name", name -> {
            Map<String, String> c = configMaps.get(name);
            if (c == null)
                fail("ConfigMap " + name + " is not rendered (rendered: " + configMaps.keySet() + ")");
            return c;
        });
    }

    /** The container's command and args as the chart renders them (empty: the image's own). */
    public List<String> command(String containerName) {
        return strings(container(containerName).get("command"));
    }

    public List<String> args(String containerName) {
        return strings(container(containerName).get("args"));
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private Map<String, String> volumeFiles(String containerName, String kind, String nameKey,
            java.util.function.Function<String, Map<String, String>> source) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Map<String, Object> m : list(container(containerName), "volumeMounts")) {
            Map<String, Object> secretVolume = map(volume((String) m.get("name")).orElse(Map.of()), kind);
            if (secretVolume.isEmpty())
                continue;
            Map<String, String> data = source.apply((String) secretVolume.get(nameKey));
            String dir = ((String) m.get("mountPath")).replaceAll("/+$", "");
            List<Map<String, Object>> items = list(secretVolume, "items");
            if (items.isEmpty()) {
                data.forEach((k, v) -> files.put(dir + "/" + k, v));
            } else {
                for (Map<String, Object> item : items)
                    files.put(dir + "/" + item.get("path"), data.get((String) item.get("key")));
            }
        }
        return files;
    }

    /** The container's writable mounts: emptyDirs and volume claims, in mount order. */
    public List<Mount> writableMounts(String containerName) {
        List<Mount> mounts = new ArrayList<>();
        for (Map<String, Object> m : list(container(containerName), "volumeMounts")) {
            String name = (String) m.get("name");
            Optional<Map<String, Object>> v = volume(name);
            boolean claim = v.isEmpty() && claimNames().contains(name);
            if (claim || v.map(vol -> vol.containsKey("emptyDir")).orElse(false)) {
                mounts.add(new Mount(name, (String) m.get("mountPath"), (String) m.get("subPath"), claim));
            }
        }
        return mounts;
    }

    /** Every volume name of the pod (its volumes and the StatefulSet's claim templates), as Velero sees them. */
    public List<String> volumeNames() {
        List<String> names = new ArrayList<>(list(podSpec(), "volumes").stream().map(v -> (String) v.get("name")).toList());
        names.addAll(claimNames());
        return names;
    }

    /**
     * Whether Velero's file-system backup would copy the volume: a claim or an emptyDir (it never copies Secret,
     * ConfigMap, projected or downward API volumes).
     */
    public boolean copyableVolume(String name) {
        return claimNames().contains(name) || volume(name).map(v -> v.containsKey("emptyDir")
                || v.containsKey("persistentVolumeClaim")).orElse(false);
    }

    /** The volume spec of that name (pod volumes only). */
    public Optional<Map<String, Object>> volume(String name) {
        return list(podSpec(), "volumes").stream().filter(v -> name.equals(v.get("name"))).findFirst();
    }

    /** runAsUser of the container, else of the pod; fails when neither sets it. */
    public long runAsUser(String containerName) {
        Object uid = map(container(containerName), "securityContext").get("runAsUser");
        if (uid == null)
            uid = map(podSpec(), "securityContext").get("runAsUser");
        if (uid == null)
            fail("no runAsUser for container " + containerName);
        return ((Number) uid).longValue();
    }

    /** runAsGroup of the container, else of the pod; empty when neither sets it (the image's group 0 then). */
    public Optional<Long> runAsGroup(String containerName) {
        Object gid = map(container(containerName), "securityContext").get("runAsGroup");
        if (gid == null)
            gid = map(podSpec(), "securityContext").get("runAsGroup");
        return Optional.ofNullable(gid).map(g -> ((Number) g).longValue());
    }

    /** The pod's fsGroup: the group the kubelet gives every volume. */
    public Optional<Long> fsGroup() {
        return Optional.ofNullable(map(podSpec(), "securityContext").get("fsGroup")).map(g -> ((Number) g).longValue());
    }

    /** The emptyDir's medium ("" or "Memory"); "" for anything else. */
    public String emptyDirMedium(String volumeName) {
        return String.valueOf(map(volume(volumeName).orElse(Map.of()), "emptyDir").getOrDefault("medium", ""));
    }

    /** The container's probe ("readinessProbe", "livenessProbe", "startupProbe"), or an empty map. */
    public Map<String, Object> probe(String containerName, String which) {
        return map(container(containerName), which);
    }

    /** The container's resources.limits (cpu, memory, ...), or an empty map. */
    public Map<String, Object> limits(String containerName) {
        return map(map(container(containerName), "resources"), "limits");
    }

    public boolean readOnlyRootFilesystem(String containerName) {
        return Boolean.TRUE.equals(map(container(containerName), "securityContext").get("readOnlyRootFilesystem"));
    }

    public Map<String, Object> annotations() {
        return map(map(template(), "metadata"), "annotations");
    }

    public Map<String, Object> labels() {
        return map(map(template(), "metadata"), "labels");
    }

    /** The rendered Secret's keys, decoded. */
    public Map<String, String> secret(String name) {
        Map<String, String> s = secrets.get(name);
        if (s == null)
            fail("Secret " + name + " is not rendered (rendered: " + secrets.keySet() + ")");
        return s;
    }

    private List<String> claimNames() {
        return list(map(statefulSet, "spec"), "volumeClaimTemplates").stream()
                .map(c -> (String) map(c, "metadata").get("name")).toList();
    }

    private Map<String, Object> template() {
        return map(map(statefulSet, "spec"), "template");
    }

    private Map<String, Object> podSpec() {
        return map(template(), "spec");
    }

    private List<Map<String, Object>> containers() {
        return list(podSpec(), "containers");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof List<?> ? (List<Map<String, Object>>) v : List.of();
    }
}
