package io.pgbackupwizard.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.Preset;
import io.pgbackupwizard.web.PresetLink;
import io.pgbackupwizard.web.WizardService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/**
 * What `curl <service>` prints: the files, the parameters and ready-to-run command lines (templates/PlainTextHelp/help.txt),
 * wrapped to 80 columns for a terminal; long links become curl -G commands with one -d per parameter.
 */
@ApplicationScoped
public class PlainTextHelp {

    @Inject
    WizardService wizard;

    static final int WIDTH = 80;

    /** One parameter as the help lists it, with the default this service starts from; texts wrapped and indented. */
    public record Param(String name, String defaultValue, String help, String rule) {
    }

    /** A preset as a ready-to-run download command; texts wrapped and indented. */
    public record PresetLink(String title, String command, String description, String warning) {
    }

    /** A chart family as the help names it: its chartFamily value, title and where its archive is pulled from. */
    public record Chart(String param, String title, String repository) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance help(List<ReleaseFile> outputs, List<Param> params, List<PresetLink> presets,
                List<Chart> charts, String base);
    }

    public String render(String base) {
        List<Param> params = Arrays.stream(Field.values()).map(f -> new Param(f.param(),
                f.optional() ? "empty (computed)" : wizard.defaultValue(f), wrap(f.help(), "      "),
                wrap("Rule: " + f.rule(), "      "))).toList();
        List<PresetLink> presets = Preset.ALL.stream().map(p -> new PresetLink(p.title(), command(base, p),
                wrap(p.description(), "      "), p.warning() == null ? null : wrap("Warning: " + p.warning(), "      ")))
                .toList();
        List<Chart> charts = Arrays.stream(io.pgbackupwizard.chart.ChartFamily.values())
                .map(f -> new Chart(f.param(), f.title(), f.chartRepository())).toList();
        return Templates.help(List.of(ReleaseFile.values()), params, presets, charts, base).render();
    }

    /** curl --fail-with-body -sSL -OJ -G <base>/bundle.zip -d k=v ...: one parameter per -d, lines continued with \. */
    static String command(String base, Preset p) {
        StringBuilder out = new StringBuilder(
                "    curl --fail-with-body -sSL -OJ -G " + base + "/" + ReleaseFile.BUNDLE.path());
        int column = out.length();
        for (var e : p.params().entrySet()) {
            String d = " -d " + e.getKey() + "=" + URLEncoder.encode(e.getValue().get(0), StandardCharsets.UTF_8);
            if (column + d.length() > WIDTH - 2) {
                out.append(" \\\n      ");
                column = 6;
                d = d.substring(1);
            }
            out.append(d);
            column += d.length();
        }
        return out.toString();
    }

    /** Words wrapped at {@link #WIDTH} columns, every line starting with {@code indent} (a word never breaks). */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder(indent);
        int column = indent.length();
        for (String word : text.split(" ")) {
            if (column > indent.length() && column + 1 + word.length() > WIDTH) {
                out.append('\n').append(indent);
                column = indent.length();
            } else if (column > indent.length()) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }

    /** Pads to a column, as the help's two-column lists need. */
    @TemplateExtension
    static String padRight(String s, int width) {
        return String.format("%-" + width + "s", s);
    }
}
