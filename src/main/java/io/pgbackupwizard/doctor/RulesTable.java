package io.pgbackupwizard.doctor;

/** docs/doctor-rules.md's table, rendered from {@link Doctor#RULES}: what each rule checks and the ids it reports. */
public final class RulesTable {
    private RulesTable() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder("| rule | checks | finding ids |\n|---|---|---|\n");
        for (Rule r : Doctor.RULES) {
            out.append("| `").append(r.getClass().getSimpleName()).append("` | ").append(r.checks()).append(" | ")
                    .append(String.join(", ", r.findings().stream().map(id -> "`" + id + "`").toList())).append(" |\n");
        }
        return out.toString();
    }
}
