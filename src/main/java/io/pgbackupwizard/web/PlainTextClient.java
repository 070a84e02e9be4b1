package io.pgbackupwizard.web;

/** Who gets plain text instead of HTML on the page and the doctor: curl and HTTPie, or a client that asks only for text. */
public final class PlainTextClient {
    private PlainTextClient() {
    }

    public static boolean wanted(String userAgent, String accept) {
        if (userAgent != null && (userAgent.startsWith("curl/") || userAgent.startsWith("HTTPie/")))
            return true;
        return accept != null && accept.contains("text/plain") && !accept.contains("text/html");
    }
}
