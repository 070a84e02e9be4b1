package io.pgbackupwizard.web;

import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.Preset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A preset as the page offers it: a link to the page with the preset's values (the rest at their defaults). */
public record PresetLink(String name, String title, String description, String warning, String href) {

    static List<PresetLink> all(Wizard wizard) {
        return Preset.ALL.stream().map(p -> of(p, wizard)).toList();
    }

    private static PresetLink of(Preset p, Wizard wizard) {
        Map<String, String> values = new HashMap<>();
        for (Field f : Field.values()) values.put(f.param(), p.values().getOrDefault(f, wizard.defaultValue(f)));
        String query = wizard.queryString(values);
        return new PresetLink(p.name(), p.title(), p.description(), p.warning(), query.isEmpty() ? "/" : "/?" + query);
    }
}
