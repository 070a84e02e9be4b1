package io.pgbackupwizard.web.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.Preset;
import io.pgbackupwizard.web.PresetLink;

/**
 * The page's parameters: a shared link often gains names the wizard does not know (utm_source, fbclid...), and
 * the page ignores those, naming them in a notice, instead of refusing the whole link. Only the page does this:
 * the downloads and the API give the parser everything, so a typo there is still an error.
 */
public record PageParams(Map<String, List<String>> known, List<String> ignored, Preset applied) {

    /** At most this many ignored names are listed; a long tail is summed up. */
    static final int LISTED = 10;

    static PageParams of(Map<String, List<String>> params) {
        Map<String, List<String>> known = new LinkedHashMap<>();
        List<String> ignored = new java.util.ArrayList<>();
        Preset[] applied = { null };
        params.forEach((name, values) -> {
            if (Field.byParam(name).isPresent())
                known.put(name, values);
            else if (name.equals(PresetLink.PARAM) && values.size() == 1 && Preset.byName(values.get(0)).isPresent()) {
                applied[0] = Preset.byName(values.get(0)).get(); // the page says what the preset just set
            } else
                ignored.add(name);
        });
        return new PageParams(known, List.copyOf(ignored), applied[0]);
    }

    /** The names as the notice lists them: the first {@link #LISTED}, each at most 40 characters. */
    public List<String> listed() {
        return ignored.stream().limit(LISTED).map(n -> n.length() > 40 ? n.substring(0, 40) + "…" : n).toList();
    }

    public int unlisted() {
        return Math.max(0, ignored.size() - LISTED);
    }
}
