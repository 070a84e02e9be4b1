package io.pgbackupwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;

/** The wizard's own chart (deploy/helm/postgres-backup-wizard), rendered by Helm through helm-java. */
@Tag("slow")
class WizardChartTest {

    static final Path CHART = Path.of("deploy/helm/postgres-backup-wizard");

    /** Rendered documents by "Kind/name". */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> render(Map<String, String> set) {
        assertTrue(Files.isDirectory(CHART), "run from the project directory: " + CHART.toAbsolutePath());
        var template = new Helm(CHART).template().withName("wizard");
        set.forEach(template::set);
        Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(template.call())) {
            if (doc instanceof Map<?, ?> m) {
                Map<String, Object> d = (Map<String, Object>) m;
                docs.put(d.get("kind") + "/" + ((Map<String, Object>) d.get("metadata")).get("name"), d);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object doc, Object... path) {
        Object v = doc;
        for (Object p : path)
            v = p instanceof Integer i ? ((List<Object>) v).get(i) : ((Map<String, Object>) v).get(p);
        return (T) v;
    }

    @Test
    void defaultsGiveASecureReplicatedDeployment() {
        Map<String, Map<String, Object>> docs = render(Map.of());
        assertEquals(List.of("Service/wizard", "Service/wizard-management", "Deployment/wizard",
                "HorizontalPodAutoscaler/wizard", "PodDisruptionBudget/wizard", "NetworkPolicy/wizard").stream().sorted()
                .toList(),
                new ArrayList<>(docs.keySet()).stream().sorted().toList(), "a NetworkPolicy but no Ingress by default");
        Map<String, Object> policy = docs.get("NetworkPolicy/wizard");
        assertEquals(Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
                at(policy, "spec", "ingress", 0, "from", 0, "namespaceSelector", "matchLabels"),
                "public port: the ingress only");
        assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"),
                at(policy, "spec", "ingress", 1, "from", 0, "namespaceSelector", "matchLabels"), "management: monitoring only");
        Map<String, Object> deploy = docs.get("Deployment/wizard");
        assertTrue((Integer) at(deploy, "spec", "replicas") >= 2, "several replicas");
        Map<String, Object> pod = at(deploy, "spec", "template", "spec");
        Map<String, Object> c = at(pod, "containers", 0);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("management", at(c, probe, "httpGet", "port"), probe + " on the management port");
            assertTrue(((String) at(c, probe, "httpGet", "path")).startsWith("/q/health/"), probe);
        }
        assertEquals(true, at(pod, "securityContext", "runAsNonRoot"));
        assertEquals("RuntimeDefault", at(pod, "securityContext", "seccompProfile", "type"));
        assertEquals(true, at(c, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(false, at(c, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(c, "securityContext", "capabilities", "drop"));
        assertEquals("/tmp", at(c, "volumeMounts", 0, "mountPath"), "a writable /tmp for a read-only root");
        assertTrue(at(pod, "volumes", 0, "emptyDir") != null);
        assertTrue(at(c, "resources", "requests", "memory") != null && at(c, "resources", "limits", "memory") != null);
        assertEquals(2, (Integer) at(docs.get("PodDisruptionBudget/wizard"), "spec", "minAvailable"));
        assertEquals(List.of("sleep", "5"), at(c, "lifecycle", "preStop", "exec", "command"), "drain before shutdown");
        assertTrue((Integer) at(pod, "terminationGracePeriodSeconds") >= 5 + 10 + 5, "preStop + 10 s drain fit");
        assertEquals("wizard", at(docs.get("HorizontalPodAutoscaler/wizard"), "spec", "scaleTargetRef", "name"));
    }

    @Test
    void ingressAndNetworkPolicyWhenAskedFor() {
        Map<String, Map<String, Object>> docs = render(Map.of("ingress.enabled", "true", "networkPolicy.enabled", "true",
                "baseUrl", "https://wizard.example.internal"));
        assertEquals("wizard",
                at(docs.get("Ingress/wizard"), "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"));
        Map<String, Object> policy = docs.get("NetworkPolicy/wizard");
        assertEquals(List.of(), at(policy, "spec", "egress"), "no egress");
        assertEquals(8080, (Integer) at(policy, "spec", "ingress", 0, "ports", 0, "port"));
        assertEquals(9000, (Integer) at(policy, "spec", "ingress", 1, "ports", 0, "port"));
        Map<String, String> limits = at(docs.get("Ingress/wizard"), "metadata", "annotations");
        assertEquals("20", limits.get("nginx.ingress.kubernetes.io/limit-connections"), limits::toString);
        assertEquals("64k", limits.get("nginx.ingress.kubernetes.io/proxy-body-size"), "the app's own body limit");
        List<Map<String, Object>> env = at(docs.get("Deployment/wizard"), "spec", "template", "spec", "containers", 0, "env");
        assertTrue(env.contains(Map.of("name", "WIZARD_BASE_URL", "value", "https://wizard.example.internal")), env::toString);
        assertFalse(render(Map.of()).containsKey("Ingress/wizard"));
    }

    @Test
    void trustedProxiesTurnOnForwardedHeadersOnlyWhenListed() {
        List<Map<String, Object>> env = at(render(Map.of("trustedProxies[0]", "10.0.0.0/8", "trustedProxies[1]", "192.168.3.4"))
                .get("Deployment/wizard"), "spec", "template", "spec", "containers", 0, "env");
        assertTrue(env.contains(Map.of("name", "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "value", "true")), env::toString);
        assertTrue(env.contains(Map.of("name", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "value", "10.0.0.0/8,192.168.3.4")),
                env::toString);
        List<Map<String, Object>> plain = at(render(Map.of()).get("Deployment/wizard"),
                "spec", "template", "spec", "containers", 0, "env");
        assertFalse(plain.toString().contains("QUARKUS_HTTP_PROXY"), plain::toString);
    }
}
