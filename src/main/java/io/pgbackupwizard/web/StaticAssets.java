package io.pgbackupwizard.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateGlobal;

/**
 * wizard.js, wizard.css and doctor.css under URLs that hold a hash of their content, so a browser may keep them
 * for a year and still never runs an old script against a new page; the templates link these URLs
 * ({wizardJs}, {wizardCss}, {doctorCss}). The plain /wizard.js stays for old pages, not cached (application.properties).
 */
@Path("/assets")
public class StaticAssets {

    record Asset(byte[] bytes, String hash, String type) {
    }

    private static final Map<String, Asset> ASSETS = Map.of(
            "wizard.js", load("wizard.js", "text/javascript; charset=UTF-8"),
            "wizard.css", load("wizard.css", "text/css; charset=UTF-8"),
            "doctor.css", load("doctor.css", "text/css; charset=UTF-8"));

    @TemplateGlobal(name = "wizardJs")
    public static String wizardJs() {
        return url("wizard.js");
    }

    @TemplateGlobal(name = "wizardCss")
    public static String wizardCss() {
        return url("wizard.css");
    }

    @TemplateGlobal(name = "doctorCss")
    public static String doctorCss() {
        return url("doctor.css");
    }

    static String url(String name) {
        return "/assets/" + ASSETS.get(name).hash() + "/" + name;
    }

    @GET
    @Path("{hash}/{name}")
    public Response get(@PathParam("hash") String hash, @PathParam("name") String name) {
        Asset a = ASSETS.get(name);
        if (a == null || !a.hash().equals(hash))
            return Response.status(404).build();
        return Response.ok(a.bytes(), a.type()).header("Cache-Control", "public, max-age=31536000, immutable").build();
    }

    private static Asset load(String name, String type) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("META-INF/resources/" + name)) {
            if (in == null)
                throw new IllegalStateException("missing META-INF/resources/" + name);
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            return new Asset(bytes, hash, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
