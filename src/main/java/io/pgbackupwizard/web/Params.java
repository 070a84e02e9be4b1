package io.pgbackupwizard.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgbackupwizard.model.FieldError;

/** Request parameters from a form, a query string or a JSON object, in the one shape the parser reads. */
public final class Params {
    private Params() {
    }

    /** Strict: a repeated key or content after the object is an error, not "last wins" or ignored. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([A-Za-z]{1,40})'");

    /** A POST takes its parameters from the body only: a query beside it would be silently ignored. */
    public static final FieldError QUERY_ON_POST = new FieldError("query",
            "parameters go in the body of a POST, not in the query string");

    public static Map<String, List<String>> of(MultivaluedMap<String, String> multi) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (multi != null)
            multi.forEach((k, v) -> params.put(k, v == null ? List.of() : List.copyOf(v)));
        return params;
    }

    /**
     * A JSON object's members as parameters; values must be strings or booleans (a number would be rewritten: 1e3 as 1000.0).
     */
    public static Map<String, List<String>> ofJson(String body, List<FieldError> errors) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (Exception e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getMessage()));
            errors.add(duplicate.find() ? new FieldError(duplicate.group(1), "given more than once")
                    : new FieldError("body", "is not valid JSON (one object, nothing after it)"));
            return params;
        }
        if (!root.isObject()) {
            errors.add(new FieldError("body", "must be a JSON object of parameter names to values"));
            return params;
        }
        root.fields().forEachRemaining(member -> {
            JsonNode v = member.getValue();
            if (v.isTextual() || v.isBoolean()) {
                params.put(member.getKey(), new ArrayList<>(List.of(v.asText())));
            } else {
                errors.add(
                        new FieldError(safeKey(member.getKey()), "must be a JSON string (or true/false), such as \"16.7.27\""));
            }
        });
        return params;
    }

    private static String safeKey(String key) {
        String printable = key.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    /** 400 in plain text, one line per refused parameter (downloads, and a POST that also has a query string). */
    public static Response refused(List<FieldError> errors) {
        String body = errors.stream().map(FieldError::toString).collect(Collectors.joining("\n", "", "\n"));
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
