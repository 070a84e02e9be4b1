package io.pgbackupwizard.doctor.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pgbackupwizard.doctor.Findings;
import io.pgbackupwizard.doctor.Located;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.Rule;
import io.pgbackupwizard.doctor.Severity;

/** With the release's Config given: every ConfigOption* name the HelmChart uses must be an item it defines. */
public final class ConfigReferencesRule implements Rule {

    @Override
    public String checks() {
        return "With the Config given: every ConfigOption name and choice the HelmChart uses is defined there.";
    }

    @Override
    public List<String> findings() {
        return List.of("CONFIG_CHOICE_UNDEFINED", "CONFIG_OPTION_UNDEFINED");
    }

    static final Pattern REFERENCE = Pattern.compile(
            "ConfigOption(Equals|NotEquals|Data|Filename)?\\s+[\"`']([^\"`']+)[\"`'](?:\\s+[\"`']([^\"`']*)[\"`'])?");

    @Override
    public void check(Manifest m, Findings out) {
        if (m.config().isEmpty())
            return;
        Map<String, Set<String>> items = new HashMap<>(); // item -> its choices (radio, select_one)
        for (Located group : m.config().get().at("spec", "groups").items()) {
            for (Located item : group.get("items").items()) {
                Set<String> choices = new HashSet<>();
                for (Located choice : item.get("items").items())
                    choice.get("name").text().ifPresent(choices::add);
                item.get("name").text().ifPresent(n -> items.put(n, choices));
            }
        }
        m.root().forEachScalar(s -> {
            Matcher r = REFERENCE.matcher(s.text().orElse(""));
            while (r.find()) {
                String name = r.group(2);
                if (!items.containsKey(name)) {
                    out.add("CONFIG_OPTION_UNDEFINED", Severity.BREAKS_INSTALL, s,
                            "The HelmChart reads the config option '" + name + "', which the Config does not define: KOTS "
                                    + "renders it empty (an empty password or name, an exclude that never matches).",
                            "Define an item named '" + name + "' in the Config, or use the name it has there (defined: "
                                    + String.join(", ", items.keySet().stream().sorted().toList()) + ").");
                } else if (r.group(3) != null && !items.get(name).isEmpty() && !items.get(name).contains(r.group(3))) {
                    out.add("CONFIG_CHOICE_UNDEFINED", Severity.WARNING, s,
                            "The HelmChart compares '" + name + "' with '" + r.group(3) + "', which is not one of its choices ("
                                    + String.join(", ", items.get(name).stream().sorted().toList())
                                    + "): the comparison is never true.",
                            "Compare with one of the choices the Config defines.");
                }
            }
        });
    }
}
