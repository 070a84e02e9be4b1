package io.pgbackupwizard.web.guard;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * The HTTP server reads the request line as Latin-1, so a raw (not percent-encoded) UTF-8 query such as
 * {@code ?database=Müller} from curl would arrive as {@code MÃ¼ller}. Raw bytes above 0x7F are therefore
 * percent-encoded before the parameters are read (the decoder then reads them as UTF-8, as it does for
 * %-escapes); bytes that are not UTF-8 are a 400 saying so, never a silently wrong value.
 */
public class Utf8RequestLine {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> decodeRawBytesAsUtf8(ContainerRequestContext ctx, HttpServerRequest request) {
        String raw = request.uri();
        if (raw.chars().allMatch(c -> c < 0x80))
            return Optional.empty();
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return Optional.of(Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Bad request: the URL holds bytes that are not UTF-8; percent-encode parameters as UTF-8"
                            + " (e.g. curl --data-urlencode).\n")
                    .build());
        }
        StringBuilder escaped = new StringBuilder(raw.length() + 16);
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u < 0x80)
                escaped.append((char) u);
            else
                escaped.append('%').append(Character.forDigit(u >> 4, 16)).append(Character.forDigit(u & 0xF, 16));
        }
        URI original = ctx.getUriInfo().getRequestUri();
        ctx.setRequestUri(URI.create(original.getScheme() + "://" + original.getRawAuthority() + escaped));
        return Optional.empty();
    }
}
