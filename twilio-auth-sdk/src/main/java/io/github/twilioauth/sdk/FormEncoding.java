package io.github.twilioauth.sdk;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The SDK's form encoding ({@code IRequest.encodeFormBody()}: each name and value through
 * {@link URLEncoder} in UTF-8, pairs joined with {@code &}, in the map's order) written straight
 * into bytes, without a string per name, value and pair first. ASCII, which Twilio's parameters
 * almost always are, is encoded here by {@code URLEncoder}'s rules; the rest of a text from its
 * first other character is left to {@code URLEncoder} itself.
 */
final class FormEncoding {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private FormEncoding() {
    }

    /**
     * Encodes form parameters as the SDK does.
     * @param params the parameters, by name, each with its values
     * @return the body, in ASCII
     */
    static byte[] encode(Map<String, List<String>> params) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(128);
        params.forEach((name, values) -> {
            for (String value : values) {
                if (body.size() > 0) {
                    body.write('&');
                }
                encode(name, body);
                body.write('=');
                encode(value, body);
            }
        });
        return body.toByteArray();
    }

    private static void encode(String text, ByteArrayOutputStream body) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // URLEncoder encodes runs of such characters together (a surrogate pair is one
                // character of UTF-8); a run starts here at the latest.
                body.writeBytes(URLEncoder.encode(text.substring(i), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (isUnreserved(c)) {
                body.write(c);
            }
            else if (c == ' ') {
                body.write('+');
            }
            else {
                body.write('%');
                body.write(HEX[c >> 4]);
                body.write(HEX[c & 0xF]);
            }
        }
    }

    /** The characters {@link URLEncoder} leaves as they are. */
    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '*';
    }
}
