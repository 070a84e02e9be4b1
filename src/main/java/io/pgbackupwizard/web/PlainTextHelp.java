package io.pgbackupwizard.web;

import io.pgbackupwizard.generate.Output;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.Preset;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/** What `curl <service>` prints: the files, the parameters and ready-to-run command lines (templates/PlainTextHelp/help.txt). */
@ApplicationScoped
public class PlainTextHelp {

    @Inject
    Wizard wizard;

    /** One parameter as the help lists it, with the default this service starts from. */
    public record Param(String name, String defaultValue, String help, String rule) {}

    /** A preset as a ready-to-run download link. */
    public record PresetLink(String title, String url, String description, String warning) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance help(List<Output> outputs, List<Param> params, List<PresetLink> presets, String base);
    }

    static boolean wanted(String userAgent, String accept) {
        if (userAgent != null && (userAgent.startsWith("curl/") || userAgent.startsWith("HTTPie/"))) return true;
        return accept != null && accept.contains("text/plain") && !accept.contains("text/html");
    }

    String render(String base) {
        List<Param> params = Arrays.stream(Field.values()).map(f -> new Param(f.param(),
                f.optional() ? "empty (computed)" : wizard.defaultValue(f), f.help(), f.rule())).toList();
        List<PresetLink> presets = Preset.ALL.stream().map(p -> new PresetLink(p.title(),
                base + "/" + Output.HELMCHART.path() + query(p), p.description(), p.warning())).toList();
        return Templates.help(List.of(Output.values()), params, presets, base).render();
    }

    private static String query(Preset p) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        p.params().forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v.get(0), StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** Pads to a column, as the help's two-column lists need. */
    @TemplateExtension
    static String padRight(String s, int width) {
        return String.format("%-" + width + "s", s);
    }
}
