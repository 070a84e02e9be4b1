package io.pgbackupwizard.web;

import io.pgbackupwizard.generate.Output;
import io.pgbackupwizard.model.Field;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/** What `curl <service>` prints: the files, the parameters and ready-to-run command lines (templates/PlainTextHelp/help.txt). */
@ApplicationScoped
public class PlainTextHelp {

    @Inject
    Wizard wizard;

    /** One parameter as the help lists it, with the default this service starts from. */
    public record Param(String name, String defaultValue, String help, String rule) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance help(List<Output> outputs, List<Param> params, String base);
    }

    static boolean wanted(String userAgent, String accept) {
        if (userAgent != null && (userAgent.startsWith("curl/") || userAgent.startsWith("HTTPie/"))) return true;
        return accept != null && accept.contains("text/plain") && !accept.contains("text/html");
    }

    String render(String base) {
        List<Param> params = Arrays.stream(Field.values())
                .map(f -> new Param(f.param(), wizard.defaultValue(f), f.help(), f.rule())).toList();
        return Templates.help(List.of(Output.values()), params, base).render();
    }

    /** Pads to a column, as the help's two-column lists need. */
    @TemplateExtension
    static String padRight(String s, int width) {
        return String.format("%-" + width + "s", s);
    }
}
