package io.pgbackupwizard.generate.kots;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.model.ImageSource;

/**
 * v1beta2 optionalValues that point the image at the customer's local registry (air gap, or an online
 * install that pushes images to its own registry). KOTS rewrites images itself only for v1beta1; for
 * v1beta2 the chart's values must do it. KOTS pushes the image as namespace/name:tag (the path before the
 * name is dropped), and pods need the pull secret KOTS creates. Every chart generation takes that secret as
 * image.pullSecrets, a list of names (8.x/9.x document it commented out; 10.x and later default it to []); groundhog2k
 * takes the pod's imagePullSecrets, a list of {name: x}.
 */
public final class LocalRegistryValues {
    private LocalRegistryValues() {
    }

    public static Map<String, Object> optionalValues(ImageSource image) {
        Map<String, Object> img = map(
                "registry", KotsTemplates.LOCAL_REGISTRY_HOST,
                "repository", KotsTemplates.LOCAL_REGISTRY_NAMESPACE + "/" + image.imageName());
        Map<String, Object> values = map("image", img);
        if (image.chart().pullSecretsAsRefs()) // the pod's own list of {name: x}
            values.put("imagePullSecrets", List.of(map("name", KotsTemplates.IMAGE_PULL_SECRET_NAME)));
        else
            img.put("pullSecrets", List.of(KotsTemplates.IMAGE_PULL_SECRET_NAME));
        // Any registry but the chart's own fails the image check from 16.3.0.
        if (image.chartChecksImages())
            values.put("global", ImageValues.allowInsecureImages());
        return map("when", KotsTemplates.HAS_LOCAL_REGISTRY, "recursiveMerge", true, "values", values);
    }
}
