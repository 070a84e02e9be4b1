package io.pgbackupwizard.web.doctor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.pgbackupwizard.doctor.ManifestRejected;

/**
 * The doctor's request body in its three shapes: a raw YAML file (curl --data-binary, whatever Content-Type curl
 * gives it), a form (x-www-form-urlencoded, fields manifest and config), or multipart (pasted text or uploaded files).
 * Parsed here rather than by the framework so a pasted manifest is not held to the 2 KiB limit on form fields
 * (which protects the wizard's short parameters); the 64 KiB body limit still applies.
 */
record DoctorForm(String manifest, String config, boolean form) {

    static DoctorForm of(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("multipart/form-data")) {
            Map<String, String> parts = multipart(body, boundary(contentType));
            return new DoctorForm(pick(parts, "manifestFile", "manifest"), pick(parts, "configFile", "config"), true);
        }
        if (type.startsWith("application/x-www-form-urlencoded") && looksLikeForm(text)) {
            Map<String, String> fields = urlencoded(text);
            return new DoctorForm(fields.getOrDefault("manifest", ""), fields.get("config"), true);
        }
        return new DoctorForm(text, null, false);
    }

    /** curl --data-binary sends a YAML file as x-www-form-urlencoded too; only the doctor's own fields make a form. */
    private static boolean looksLikeForm(String text) {
        return text.startsWith("manifest=") || text.startsWith("config=");
    }

    /** An uploaded file wins over the text area when both are given. */
    private static String pick(Map<String, String> parts, String file, String text) {
        String f = parts.get(file);
        return f != null && !f.isBlank() ? f : parts.getOrDefault(text, null);
    }

    private static Map<String, String> urlencoded(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ManifestRejected.bad("body: is not a valid form (bad %-escape)");
            }
        }
        return fields;
    }

    private static String boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        throw ManifestRejected.bad("body: multipart/form-data without a boundary");
    }

    /** Parts by field name (text or file content, as UTF-8). Only the first part of each name is kept. */
    private static Map<String, String> multipart(byte[] body, String boundary) {
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets found in the string are byte offsets.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        Map<String, String> parts = new LinkedHashMap<>();
        int at = raw.indexOf(delimiter);
        if (at < 0)
            throw ManifestRejected.bad("body: multipart/form-data without its boundary");
        while (true) {
            int start = at + delimiter.length();
            if (raw.startsWith("--", start))
                break; // closing delimiter
            int next = raw.indexOf("\r\n" + delimiter, start);
            if (next < 0)
                throw ManifestRejected.bad("body: multipart/form-data is cut short");
            String part = raw.substring(start, next);
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0)
                throw ManifestRejected.bad("body: a multipart part has no headers");
            String headers = part.substring(0, headersEnd);
            String name = null;
            for (String h : headers.split("\r\n")) {
                if (h.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]name=\"([^\"]*)\"").matcher(h);
                    if (m.find())
                        name = m.group(1);
                }
            }
            if (name != null) {
                byte[] content = part.substring(headersEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
                parts.putIfAbsent(name, new String(content, StandardCharsets.UTF_8));
            }
            at = next + 2;
        }
        return parts;
    }
}
