package io.pgbackupwizard.generate;

/**
 * One generated file. {@code name}: its name in the zip and the JSON API; {@code download}: the path it is
 * downloaded from (GET /{download}?<query>); {@code description}: one sentence for the page.
 */
public record ReleaseFile(String name, String download, String description, String content) {

    /** An HTML id for the file's preview, such as helmchart-yaml. */
    public String id() {
        return download.replace('.', '-');
    }

    public String mediaType() {
        return download.endsWith(".md") ? "text/markdown" : "application/yaml";
    }
}
