package io.pgbackupwizard.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgbackupwizard.model.FieldError;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request parameters from a form, a query string or a JSON object, in the one shape the parser reads. */
final class Params {
    private Params() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, List<String>> of(MultivaluedMap<String, String> multi) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (multi != null) multi.forEach((k, v) -> params.put(k, v == null ? List.of() : List.copyOf(v)));
        return params;
    }

    /** A JSON object's members as parameters; values must be strings, booleans or numbers. */
    static Map<String, List<String>> ofJson(String body, List<FieldError> errors) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (Exception e) {
            errors.add(new FieldError("body", "is not valid JSON"));
            return params;
        }
        if (!root.isObject()) {
            errors.add(new FieldError("body", "must be a JSON object of parameter names to values"));
            return params;
        }
        root.fields().forEachRemaining(member -> {
            JsonNode v = member.getValue();
            if (v.isTextual() || v.isBoolean() || v.isNumber()) {
                params.put(member.getKey(), new ArrayList<>(List.of(v.asText())));
            } else {
                errors.add(new FieldError(member.getKey(), "must be a string, a boolean or a number"));
            }
        });
        return params;
    }
}
