package io.pgbackupwizard.doctor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pgbackupwizard.doctor.HookCommand;
import io.pgbackupwizard.doctor.Manifest;
import io.pgbackupwizard.doctor.ShellScript;

/** The hook commands of a manifest, for the rules that read inside them. */
final class HookCommands {
    private HookCommands() {
    }

    static List<HookCommand> all(Manifest m) {
        List<HookCommand> hooks = new ArrayList<>();
        for (String key : List.of(HookCommand.BACKUP, HookCommand.POST_BACKUP, HookCommand.RESTORE)) {
            HookCommand.of(m, key).ifPresent(hooks::add);
        }
        return hooks;
    }

    /** Every VAR=value the script sets, in prefixes, on their own or after export. */
    static List<String> assignments(HookCommand hook) {
        List<String> all = new ArrayList<>();
        for (ShellScript.Command c : hook.commands())
            all.addAll(c.assignments());
        return all;
    }

    /** The last value assigned to a variable in the script. */
    static Optional<String> assigned(HookCommand hook, String variable) {
        String found = null;
        for (String a : assignments(hook))
            if (a.startsWith(variable + "="))
                found = a.substring(variable.length() + 1);
        return Optional.ofNullable(found);
    }

    /** The port the chart's values set, when they change it from 5432. */
    static Optional<String> changedPort(Manifest m) {
        for (var at : List.of(m.values().at("containerPorts", "postgresql"), m.values().at("service", "port"),
                m.values().at("global", "postgresql", "servicePort"),
                m.values().at("primary", "containerPorts", "postgresql"))) {
            Optional<String> port = at.text().map(String::strip);
            if (port.isPresent() && !port.get().isEmpty() && !port.get().equals("5432"))
                return port;
        }
        return Optional.empty();
    }
}
