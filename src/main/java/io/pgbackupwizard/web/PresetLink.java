package io.pgbackupwizard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.Preset;

/**
 * A preset as the page offers it: a link to the page with the current form's values and the preset's own on top, so
 * it adds and never wipes (without JavaScript too); {@code params} are the preset's own, which wizard.js applies to
 * the form as it is when clicked. The link names the preset, so the page says what it set.
 */
public record PresetLink(String name, String title, String description, String warning, String href, String params) {

    /** Page-only parameter naming the preset just applied (PageParams). */
    public static final String PARAM = "preset";

    public static List<PresetLink> all(WizardService wizard, Map<String, String> current) {
        return Preset.ALL.stream().map(p -> of(p, wizard, current)).toList();
    }

    private static PresetLink of(Preset p, WizardService wizard, Map<String, String> current) {
        Map<String, String> values = new HashMap<>();
        for (Field f : Field.values())
            values.put(f.param(), current.getOrDefault(f.param(), wizard.defaultValue(f)));
        StringJoiner own = new StringJoiner("&");
        p.params().forEach((k, v) -> {
            values.put(k, v.get(0));
            own.add(k + "=" + URLEncoder.encode(v.get(0), StandardCharsets.UTF_8));
        });
        String query = wizard.queryString(values);
        String href = "/?" + (query.isEmpty() ? "" : query + "&") + PARAM + "=" + p.name();
        return new PresetLink(p.name(), p.title(), p.description(), p.warning(), href, own.toString());
    }
}
