package io.pgbackupwizard.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgbackupwizard.model.VeleroAnnotation;

/**
 * A Velero hook command annotation read the way Velero reads it (internal/hook parseStringToCommand): a value
 * starting with '[' is a JSON array of strings, anything else (or JSON that does not parse) is ONE argument.
 */
public final class HookCommand {

    public static final String BACKUP = VeleroAnnotation.PRE_BACKUP_COMMAND.key();
    public static final String POST_BACKUP = VeleroAnnotation.POST_BACKUP_COMMAND.key();
    public static final String RESTORE = VeleroAnnotation.RESTORE_COMMAND.key();

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS);
    private static final Set<String> SHELLS = Set.of("bash", "sh", "dash", "ash", "zsh", "ksh");

    private final String annotation;
    private final Located at;
    private final String text;
    private final boolean jsonArray;
    private final List<String> argv;

    private HookCommand(String annotation, Located at, String text, boolean jsonArray, List<String> argv) {
        this.annotation = annotation;
        this.at = at;
        this.text = text;
        this.jsonArray = jsonArray;
        this.argv = argv;
    }

    /** The hook at that annotation, when the annotation is there and is a scalar. */
    public static Optional<HookCommand> of(Manifest m, String annotation) {
        Located at = m.annotation(annotation);
        Optional<String> text = at.text();
        if (text.isEmpty())
            return Optional.empty();
        String value = text.get();
        if (value.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(value);
                if (node != null && node.isArray()) {
                    List<String> argv = new ArrayList<>();
                    boolean strings = true;
                    for (JsonNode item : node) {
                        if (!item.isTextual())
                            strings = false;
                        argv.add(item.asText());
                    }
                    if (strings)
                        return Optional.of(new HookCommand(annotation, at, value, true, List.copyOf(argv)));
                }
            } catch (Exception e) {
                // falls through: Velero runs the whole text as one argument
            }
        }
        return Optional.of(new HookCommand(annotation, at, value, false, List.of(value)));
    }

    public String annotation() {
        return annotation;
    }

    public Located at() {
        return at;
    }

    public String text() {
        return text;
    }

    /** True when Velero reads a JSON array of strings. */
    public boolean jsonArray() {
        return jsonArray;
    }

    /** The argv Velero executes. */
    public List<String> argv() {
        return argv;
    }

    public boolean restore() {
        return annotation.startsWith("post.hook.restore");
    }

    /** The script when argv is {@code <shell> -c <script>}. */
    public Optional<String> script() {
        if (argv.size() >= 3 && SHELLS.contains(argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1))
                && argv.get(1).equals("-c")) {
            return Optional.of(argv.get(2));
        }
        return Optional.empty();
    }

    /** The simple commands it runs: the script's, or argv itself when no shell is involved. */
    public List<ShellScript.Command> commands() {
        return script().map(ShellScript::parse).orElseGet(() -> List.of(new ShellScript.Command(List.of(), argv, List.of())));
    }

    /** What this hook breaks when it fails. */
    public Severity breaks() {
        return restore() ? Severity.BREAKS_RESTORE : Severity.BREAKS_BACKUP;
    }
}
