package io.pgbackupwizard.generate.kots;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pgbackupwizard.model.ImageSource;

/**
 * The PostgreSQL image in the chart's values: static, so the same map serves spec.values and spec.builder
 * (the Vendor Portal renders the chart with the builder values to find the images of an air-gap bundle).
 *
 * <p>
 * Only the PostgreSQL image is written. The metrics and volume-permissions images belong to parts the
 * chart leaves off and the wizard does not turn on, so no pod pulls them; relocating them anyway would only
 * widen the chart's image check. A vendor who turns them on sets them the same way ({@link #sidecarNote}).
 */
public final class ImageValues {
    private ImageValues() {
    }

    static Map<String, Object> of(ImageSource image) {
        Map<String, Object> img = new LinkedHashMap<>();
        img.put("registry", image.registry());
        img.put("repository", image.repository());
        if (image.tag() != null)
            img.put("tag", image.tag());
        Map<String, Object> values = map("image", img);
        if (image.needsAllowInsecureImages())
            values.put("global", allowInsecureImages());
        return values;
    }

    /** global.security.allowInsecureImages: true, which the chart's image check (16.3.0 and later) asks for. */
    static Map<String, Object> allowInsecureImages() {
        return map("security", map("allowInsecureImages", true));
    }

    /** What to add when turning on metrics or volumePermissions, or null when the image is the chart's own. */
    public static String sidecarNote(ImageSource image) {
        if (!image.relocated())
            return null;
        String owner = image.owner().isEmpty() ? "" : image.owner() + "/";
        return "If you turn on metrics or volumePermissions, relocate their images the same way: set"
                + " metrics.image.registry and volumePermissions.image.registry to " + image.registry()
                + " and their repositories to " + owner + "<the name after bitnami/ in the chart's values.yaml>"
                + " (for example " + owner + "postgres-exporter), in values and builder.";
    }
}
